import DespatchDocument
/// One unit of document flow, in the manner of ReportLab's flowables: it measures itself
/// for a width, splits at a height, and draws itself where the page breaker put it.
protocol Block: AnyObject {
    /// Lays the block out for `width` and returns the height it needs.
    func wrap(width: Double, in context: RenderContext) -> Double
    /// Splits after `wrap` so that the first part fits in `height`; nil when the block
    /// cannot be split usefully there (the breaker then moves it to the next frame).
    func split(height: Double, in context: RenderContext) -> (Block, Block)?
    /// Draws at (x, y), the top-left corner of the block, after `wrap`.
    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws
    var spaceBefore: Double { get }
    var spaceAfter: Double { get }
    /// Keep on the same page as the start of the next block (headings).
    var keepWithNext: Bool { get }
    /// The smallest first piece this block can leave on a page (for keep-with-next).
    func minimumHeight(in context: RenderContext) -> Double
    var anchor: Anchor? { get }
    /// Called once the block has been painted for good: it gives back the shaped text it kept
    /// (see `RenderContext.mayRetainLayout`), so that a document painted as it is paginated
    /// holds the shaped text of a page or so at a time.
    func releaseShapedText(in context: RenderContext)
}

extension Block {
    var spaceBefore: Double { 0 }
    var spaceAfter: Double { 0 }
    var keepWithNext: Bool { false }
    var anchor: Anchor? { nil }
    func releaseShapedText(in context: RenderContext) {}
}

/// Forces the rest of the flow onto a new page, optionally changing the column count.
final class PageBreakBlock: Block {
    let columns: Int?
    init(columns: Int? = nil) { self.columns = columns }
    func wrap(width: Double, in context: RenderContext) -> Double { 0 }
    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {}
    func minimumHeight(in context: RenderContext) -> Double { 0 }
}

/// Vertical space; disappears at the top of a frame.
final class SpacerBlock: Block {
    let height: Double
    init(_ height: Double) { self.height = height }
    func wrap(width: Double, in context: RenderContext) -> Double { height }
    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {}
    func minimumHeight(in context: RenderContext) -> Double { height }
}

/// A thin horizontal rule across the frame.
final class RuleBlock: Block {
    let color: RGB
    let thickness: Double
    let spaceBefore: Double
    let spaceAfter: Double
    private var width: Double = 0

    init(color: RGB, thickness: Double = 0.6, spaceBefore: Double = 2, spaceAfter: Double = 6) {
        self.color = color
        self.thickness = thickness
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }

    func wrap(width: Double, in context: RenderContext) -> Double {
        self.width = width
        return thickness
    }
    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        painter.cairo.setColor(color.tuple)
        painter.cairo.strokeLine(x0: x, y0: y + thickness / 2, x1: x + width, y1: y + thickness / 2, width: thickness)
    }
    func minimumHeight(in context: RenderContext) -> Double { thickness }
}
