import DespatchDocument

/// A horizontal stacked bar chart drawn with Cairo: one bar per series (a theme), one
/// coloured segment per category (an article), and a legend of category numbers.
final class BarChartBlock: Block {
    let series: [ChartSeries]
    let categories: [String]
    let labelStyle: TextStyle
    let palette: [RGB]
    var spaceBefore: Double { 6 }
    var spaceAfter: Double { 10 }

    private var width: Double = 0
    private var labelWidth: Double = 0
    private var rowHeight: Double { labelStyle.size * 1.9 }
    private var legendHeight: Double { labelStyle.size * 2.4 }

    init(series: [ChartSeries], categories: [String], labelStyle: TextStyle, palette: [RGB]) {
        self.series = series
        self.categories = categories
        self.labelStyle = labelStyle
        self.palette = palette
    }

    func wrap(width: Double, in context: RenderContext) -> Double {
        self.width = width
        labelWidth = width * 0.4
        return Double(series.count) * rowHeight + legendHeight
    }

    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func minimumHeight(in context: RenderContext) -> Double { Double(series.count) * rowHeight + legendHeight }

    private func color(_ index: Int) -> RGB { palette[index % max(1, palette.count)] }

    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        let context = painter.context
        let maxTotal = max(series.map { $0.values.reduce(0, +) }.max() ?? 1, 0.0001)
        let barArea = width - labelWidth - 8
        for (row, s) in series.enumerated() {
            let top = y + Double(row) * rowHeight
            let label = context.layout([StyledRun(s.label)], style: labelStyle.with { $0.alignment = .right; $0.color = labelStyle.color }, width: labelWidth)
            label.setEllipsizeEnd()
            let metrics = label.lineMetrics()
            if let first = metrics.first {
                painter.cairo.setColor(labelStyle.color.tuple)
                label.drawLine(0, on: painter.cairo, x: x + first.x, baseline: top + rowHeight * 0.5 + labelStyle.size * 0.35)
            }
            var left = x + labelWidth + 8
            for (c, v) in s.values.enumerated() where v > 0 {
                let w = barArea * v / maxTotal
                painter.cairo.setColor(color(c).tuple)
                painter.cairo.fillRect(x: left, y: top + rowHeight * 0.18, width: w, height: rowHeight * 0.64)
                left += w
            }
        }
        // Legend: a swatch and the article number for each category.
        var lx = x + labelWidth + 8
        let ly = y + Double(series.count) * rowHeight + labelStyle.size * 0.8
        for c in categories.indices {
            painter.cairo.setColor(color(c).tuple)
            painter.cairo.fillRect(x: lx, y: ly, width: labelStyle.size, height: labelStyle.size * 0.8)
            let text = context.layout([StyledRun(categories[c])], style: labelStyle, width: nil)
            if let first = text.lineMetrics().first {
                painter.cairo.setColor(labelStyle.color.tuple)
                text.drawLine(0, on: painter.cairo, x: lx + labelStyle.size * 1.3, baseline: ly + first.baseline - first.top - 1)
                lx += labelStyle.size * 1.3 + first.width + labelStyle.size
            }
        }
    }
}
