import DespatchDocument
import DespatchModel

/// Dated events on a vector time axis (positions proportional to the date), numbered,
/// with the numbered labels listed beneath so that close dates never overprint.
final class TimelineBlock: Block {
    let events: [TimelineEvent]
    let labelStyle: TextStyle
    let lineColor: RGB
    let dotColor: RGB
    var spaceBefore: Double { 6 }
    var spaceAfter: Double { 10 }

    private var width: Double = 0
    private var items: [ParagraphBlock] = []
    private var itemHeights: [Double] = []
    private var axisHeight: Double { labelStyle.size * 5 }

    init(events: [TimelineEvent], labelStyle: TextStyle, lineColor: RGB, dotColor: RGB) {
        self.events = events
        self.labelStyle = labelStyle
        self.lineColor = lineColor
        self.dotColor = dotColor
    }

    func wrap(width: Double, in context: RenderContext) -> Double {
        if self.width != width {
            self.width = width
                let style = labelStyle.with { $0.hangingIndent = labelStyle.size * 2; $0.color = RGB(0.15, 0.15, 0.15) }
            items = events.enumerated().map { i, e in
                ParagraphBlock([StyledRun("\(i + 1).\u{2002}"), StyledRun(e.dateText + " — ", bold: true), StyledRun(e.label)], style: style, minLines: 1)
            }
            itemHeights = items.map { $0.wrap(width: width, in: context) + 2 }
        }
        return axisHeight + itemHeights.reduce(0, +)
    }

    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func minimumHeight(in context: RenderContext) -> Double { axisHeight + itemHeights.reduce(0, +) }

    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        let context = painter.context
        guard let first = events.first?.day, let last = events.last?.day else { return }
        let span = Double(max(1, last.daysSinceEpoch - first.daysSinceEpoch))
        let axisY = y + axisHeight * 0.55
        let left = x + 12, right = x + width - 12
        painter.cairo.setColor(lineColor.tuple)
        painter.cairo.strokeLine(x0: left, y0: axisY, x1: right, y1: axisY, width: 1.2)
        // Day ticks at the ends, labelled.
        for (day, px) in [(first, left), (last, right)] {
            painter.cairo.strokeLine(x0: px, y0: axisY - 4, x1: px, y1: axisY + 4, width: 0.8)
            let text = context.layout([StyledRun(events.first(where: { $0.day == day })?.dateText ?? day.iso)], style: labelStyle, width: nil)
            if let m = text.lineMetrics().first {
                painter.cairo.setColor(labelStyle.color.tuple)
                let tx = min(max(x, px - m.width / 2), x + width - m.width)
                text.drawLine(0, on: painter.cairo, x: tx, baseline: axisY + 6 + m.baseline - m.top)
                painter.cairo.setColor(lineColor.tuple)
            }
        }
        var lastX = -Double.infinity
        var stack = 0
        for (i, event) in events.enumerated() {
            let px = left + (right - left) * Double(event.day.daysSinceEpoch - first.daysSinceEpoch) / span
            stack = abs(px - lastX) < labelStyle.size * 1.4 ? stack + 1 : 0
            lastX = px
            painter.cairo.setColor(dotColor.tuple)
            painter.cairo.circle(x: px, y: axisY, radius: 3, fill: true)
            let number = context.layout([StyledRun(String(i + 1))], style: labelStyle.with { $0.bold = true }, width: nil)
            if let m = number.lineMetrics().first {
                painter.cairo.setColor(labelStyle.color.tuple)
                number.drawLine(0, on: painter.cairo, x: px - m.width / 2,
                                baseline: axisY - 6 - Double(stack) * labelStyle.size * 1.1)
            }
        }
        var top = y + axisHeight
        for (i, item) in items.enumerated() {
            try item.draw(at: x, top, in: painter)
            top += itemHeights[i]
        }
    }
}
