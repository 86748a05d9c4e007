import DespatchDocument

/// A horizontal stacked bar chart drawn with Cairo: one bar per series (a theme), one
/// coloured segment per category (an article), and a legend of category numbers, wrapped
/// onto as many rows as the width needs (in a newsletter column five outlets overran it).
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
    /// Each legend entry's row and x offset from the block's left edge, set by `wrap`.
    private var legend: [(row: Int, x: Double)] = []
    private var legendRowHeight: Double { labelStyle.size * 1.6 }
    /// The series' labels and the legend's texts, shaped by `wrap` for its width: measuring
    /// runs on both cores, painting on one, and these 17 layouts were a tenth of the painting
    /// thread's own work in the sample digest. Let go with the block's other shaped text.
    private var shapedLabels: [TextLayout]?
    private var shapedLegend: [TextLayout]?
    private var legendHeight: Double {
        labelStyle.size * 0.8 + Double((legend.map(\.row).max() ?? 0) + 1) * legendRowHeight
    }

    init(series: [ChartSeries], categories: [String], labelStyle: TextStyle, palette: [RGB]) {
        self.series = series
        self.categories = categories
        self.labelStyle = labelStyle
        self.palette = palette
    }

    func wrap(width: Double, in context: RenderContext) -> Double {
        if width != self.width || legend.count != categories.count {
            self.width = width
            labelWidth = width * 0.4
            layOutLegend(in: context)
            shapeTexts(in: context)
        }
        return Double(series.count) * rowHeight + legendHeight
    }

    /// Entries left to right from the bar area's edge; an entry that would pass the right
    /// edge starts a new row at the block's left edge.
    private func layOutLegend(in context: RenderContext) {
        legend = []
        let start = labelWidth + 8
        var row = 0
        var lx = start
        for category in categories {
            let textWidth = context.layout([StyledRun(category)], style: labelStyle, width: nil).lineMetrics().first?.width ?? 0
            let entry = labelStyle.size * 1.3 + textWidth
            if lx > (row == 0 ? start : 0), lx + entry > width {
                row += 1
                lx = 0
            }
            legend.append((row, lx))
            lx += entry + labelStyle.size
        }
    }

    /// Lays out the texts `draw` paints, for the current width and legend.
    private func shapeTexts(in context: RenderContext) {
        shapedLabels = series.map { s in
            let label = context.layout([StyledRun(s.label)], style: labelStyle.with { $0.alignment = .right; $0.color = labelStyle.color }, width: labelWidth)
            label.setEllipsizeEnd()
            _ = label.lineMetrics()
            return label
        }
        shapedLegend = zip(categories, legend).map { category, place in
            let room = max(labelStyle.size, width - place.x - labelStyle.size * 1.3)
            let text = context.layout([StyledRun(category)], style: labelStyle, width: room)
            text.setEllipsizeEnd()
            _ = text.lineMetrics()
            return text
        }
    }

    func releaseShapedText(in context: RenderContext) {
        shapedLabels = nil
        shapedLegend = nil
    }

    func split(height: Double, in context: RenderContext) -> (Block, Block)? { nil }
    func minimumHeight(in context: RenderContext) -> Double { wrap(width: width, in: context) }

    private func color(_ index: Int) -> RGB { palette[index % max(1, palette.count)] }

    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        let context = painter.context
        if shapedLabels == nil || shapedLegend == nil { shapeTexts(in: context) }
        let labels = shapedLabels ?? [], legendTexts = shapedLegend ?? []
        let maxTotal = max(series.map { $0.values.reduce(0, +) }.max() ?? 1, 0.0001)
        let barArea = width - labelWidth - 8
        for (row, s) in series.enumerated() {
            let top = y + Double(row) * rowHeight
            let label = labels[row]
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
        let legendTop = y + Double(series.count) * rowHeight + labelStyle.size * 0.8
        for (c, place) in zip(categories.indices, legend) {
            let lx = x + place.x
            let ly = legendTop + Double(place.row) * legendRowHeight
            painter.cairo.setColor(color(c).tuple)
            painter.cairo.fillRect(x: lx, y: ly, width: labelStyle.size, height: labelStyle.size * 0.8)
            let text = legendTexts[c]
            if let first = text.lineMetrics().first {
                painter.cairo.setColor(labelStyle.color.tuple)
                text.drawLine(0, on: painter.cairo, x: lx + labelStyle.size * 1.3, baseline: ly + first.baseline - first.top - 1)
            }
        }
    }
}
