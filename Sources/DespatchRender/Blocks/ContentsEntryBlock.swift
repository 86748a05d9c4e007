/// A line of the table of contents: title, dot leader, page number; the whole entry is a
/// link to the anchor's named destination. The page number is filled in at paint time,
/// so pagination never depends on it.
final class ContentsEntryBlock: Block {
    let title: String
    let destination: String
    let level: Int
    let style: TextStyle
    private var titleBlock: ParagraphBlock
    private var width: Double = 0
    private var numberWidth: Double = 0

    var spaceBefore: Double { level == 0 ? style.spaceBefore : 1 }
    var spaceAfter: Double { style.spaceAfter }

    init(title: String, destination: String, level: Int, style: TextStyle) {
        self.title = title
        self.destination = destination
        self.level = level
        self.style = style
        self.titleBlock = ParagraphBlock(title, style: style.with { $0.alignment = .left; $0.hyphenate = false }, minLines: 1)
    }

    private var indent: Double { Double(level) * style.size * 1.5 }

    func wrap(width: Double, in context: RenderContext) -> Double {
        self.width = width
        numberWidth = style.size * 3
        return titleBlock.wrap(width: max(20, width - indent - numberWidth - style.size), in: context)
    }

    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func minimumHeight(in context: RenderContext) -> Double { titleBlock.wrap(width: max(20, width - indent - numberWidth - style.size), in: context) }

    func releaseShapedText(in context: RenderContext) { titleBlock.releaseShapedText(in: context) }

    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        let context = painter.context
        let number = painter.anchorPages[destination].map(String.init) ?? "–"
        let numberLayout = context.layout([StyledRun(number)], style: style.with { $0.alignment = .right }, width: numberWidth)
        let metrics = numberLayout.lineMetrics()
        painter.cairo.link(toDestination: destination) {
            try? titleBlock.draw(at: x + indent, y, in: painter)
            // Number aligned with the last line of the title.
            let titleHeight = titleBlock.wrap(width: max(20, width - indent - numberWidth - style.size), in: context)
            let lineHeight = (metrics.first.map { $0.bottom - $0.top }) ?? style.size
            let numberTop = y + titleHeight - lineHeight
            painter.cairo.setColor(style.color.tuple)
            if let first = metrics.first {
                numberLayout.drawLine(0, on: painter.cairo, x: x + width - numberWidth + first.x, baseline: numberTop + first.baseline)
            }
            // Dot leader between the title's end and the number.
            let lastLineEnd = x + indent + titleBlock.lastLineWidth
            let leaderStart = lastLineEnd + style.size * 0.6
            let leaderEnd = x + width - numberWidth - style.size * 0.3
            if leaderEnd > leaderStart {
                painter.cairo.setColor((0.6, 0.6, 0.6))
                let baseline = numberTop + (metrics.first?.baseline ?? style.size)
                painter.cairo.dottedLine(x0: leaderStart, x1: leaderEnd, y: baseline - 0.5, spacing: 3.2, diameter: 0.9)
            }
        }
    }
}
