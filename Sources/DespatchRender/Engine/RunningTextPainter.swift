import DespatchLayout

/// Paints the header and footer templates of a page ({page}, {pages}, {section}, {date}, {title}).
/// The cover page carries none.
struct RunningTextPainter {
    let layout: LayoutDescription
    let styles: StyleSheet
    let labels: LabelCatalogue
    let values: [String: String]
    let geometry: PageGeometry
    /// The header and footer texts already shaped, with the x of their line.
    private let shaped = ShapedRunningText()

    /// Why: the running text of a page is three short layouts, most of them the same on every
    /// page (the title, a section's name): shaped once each instead of once a page (8.3 M of
    /// the sample digest's 408 M instructions on the painting thread were these layouts).
    /// Bounded, since a text with the page number in it is new on every page.
    private final class ShapedRunningText {
        static let limit = 32
        var layouts: [String: (layout: TextLayout, x: Double)] = [:]
    }

    init(layout: LayoutDescription, styles: StyleSheet, labels: LabelCatalogue, values: [String: String], geometry: PageGeometry) {
        self.layout = layout
        self.styles = styles
        self.labels = labels
        self.values = values
        self.geometry = geometry
    }

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
            // Not "\(alignment)": interpolating an enum reflects on it (some 29,000 instructions).
            let key = (alignment == .left ? "l|" : alignment == .center ? "c|" : "r|") + filled
            let line: (layout: TextLayout, x: Double)
            if let known = shaped.layouts[key] {
                line = known
            } else {
                let layout = context.layout([StyledRun(filled)], style: styles.runningText.with { $0.alignment = alignment }, width: width)
                guard let first = layout.lineMetrics().first else { continue }
                line = (layout, first.x)
                if shaped.layouts.count >= ShapedRunningText.limit { shaped.layouts.removeAll() }
                shaped.layouts[key] = line
            }
            painter.cairo.setColor(styles.runningText.color.tuple)
            line.layout.drawLine(0, on: painter.cairo, x: geometry.left + line.x, baseline: baselineY)
        }
    }
}
