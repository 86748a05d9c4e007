import DespatchLayout
import DespatchModel

extension DocumentBuilder {
    /// Title, subtitle, period and outlets, on a page of their own.
    func cover(_ spec: SectionSpec) -> [DocumentNode] {
        let title = labels.fill(layout.title, values)
        // The cover's own anchor lets the outline start at the first page.
        var nodes: [DocumentNode] = [.spacer(60)]
        if let logo = layout.logo { nodes.append(.image(path: logo, maxWidth: 120)) }
        nodes += [.heading(.title, title, anchor: Anchor(name: "cover", title: title, level: 0)), .rule(.accent, thickness: 1.5)]
        let subtitle = labels.fill(layout.subtitle, values)
        if !subtitle.isEmpty { nodes.append(paragraph(subtitle, .coverSubtitle)) }
        if let range = digest.dateRange {
            let period = range.lowerBound == range.upperBound
                ? labels.formatDate(range.lowerBound, style: .long)
                : labels("cover.period", ["from": labels.formatDate(range.lowerBound, style: .long),
                                          "to": labels.formatDate(range.upperBound, style: .long)])
            nodes.append(paragraph(period, .coverMeta))
        }
        nodes.append(paragraph(labels.counted("cover.articles", digest.articles.count), .coverMeta))
        let outlets = orderedUnique(digest.articles.compactMap { $0.source })
        if !outlets.isEmpty { nodes.append(paragraph(outlets.joined(separator: " · "), .coverMeta)) }
        nodes.append(.spacer(24))
        nodes.append(paragraph(labels("cover.generated", ["count": String(digest.articles.count)]), .small))
        // The cover is one column; the flow after it takes the layout's columns (the contents,
        // when it follows, switches them itself after its own page).
        let contentsFollows = layout.sections.drop(while: { $0.type != .cover }).dropFirst().first?.type == .contents
        nodes.append(.pageBreak(columns: contentsFollows ? nil : layout.page.columns))
        return nodes
    }

    func orderedUnique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
