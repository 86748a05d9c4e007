import DespatchLayout

/// Paints the header and footer templates of a page ({page}, {pages}, {section}, {date}, {title}).
/// The cover page carries none.
struct RunningTextPainter {
    let layout: LayoutDescription
    let styles: StyleSheet
    let labels: LabelCatalogue
    let values: [String: String]
    let geometry: PageGeometry

    func paint(page: PageLayout, number: Int, of total: Int, painter: PagePainter, context: RenderContext) throws {
        if page.anchors.contains(where: { $0.name == "cover" }) { return }
        var v = values
        v["page"] = String(number)
        v["pages"] = String(total)
        v["section"] = page.section
        let headerY = geometry.top * 0.45
        let footerY = geometry.height - geometry.bottom * 0.55
        try line(layout.header, values: v, baselineY: headerY, painter: painter, context: context)
        try line(layout.footer, values: v, baselineY: footerY, painter: painter, context: context)
    }

    private func line(_ text: RunningText, values: [String: String], baselineY: Double, painter: PagePainter, context: RenderContext) throws {
        let width = geometry.contentWidth
        for (template, alignment) in [(text.left, TextAlignment.left), (text.center, .center), (text.right, .right)] where !template.isEmpty {
            let filled = labels.fill(template, values)
            guard !filled.isEmpty else { continue }
            let layout = context.layout([StyledRun(filled)], style: styles.runningText.with { $0.alignment = alignment }, width: width)
            let metrics = layout.lineMetrics()
            guard let first = metrics.first else { continue }
            painter.cairo.setColor(styles.runningText.color.tuple)
            layout.drawLine(0, on: painter.cairo, x: geometry.left + first.x, baseline: baselineY)
        }
    }
}
