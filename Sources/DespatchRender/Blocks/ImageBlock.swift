/// A PNG image, scaled to fit the frame width (never enlarged past `maxWidth` points)
/// and, when taller than a frame, to the frame height.
final class ImageBlock: Block {
    let image: CairoImage
    let maxWidth: Double
    var spaceBefore: Double { 4 }
    var spaceAfter: Double { 8 }
    private var size: (w: Double, h: Double) = (0, 0)

    init(image: CairoImage, maxWidth: Double) {
        self.image = image
        self.maxWidth = maxWidth
    }

    func wrap(width: Double, in context: RenderContext) -> Double {
        let w = min(width, maxWidth)
        size = (w, w * Double(image.height) / Double(max(1, image.width)))
        return size.h
    }

    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func minimumHeight(in context: RenderContext) -> Double { size.h }

    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        image.draw(on: painter.cairo, x: x, y: y, width: size.w, height: size.h)
    }
}
