import DespatchLayout
import DespatchModel

/// Turns a Digest and a layout description into the flow of blocks, section by section,
/// in the order the layout lists them. Sections with nothing to show are left out.
final class DocumentBuilder {
    let digest: Digest
    let layout: LayoutDescription
    let labels: LabelCatalogue
    let styles: StyleSheet
    let values: [String: String]
    /// Anchors in document order, for the contents and the outline.
    private(set) var anchors: [Anchor] = []
    private var sectionCounter = 0

    init(digest: Digest, layout: LayoutDescription, labels: LabelCatalogue, styles: StyleSheet, values: [String: String]) {
        self.digest = digest
        self.layout = layout
        self.labels = labels
        self.styles = styles
        self.values = values
    }

    func build() -> [Block] {
        var blocks: [Block] = []
        var contents: (index: Int, spec: SectionSpec)?
        for spec in layout.sections {
            var sectionBlocks: [Block]
            switch spec.type {
            case .cover: sectionBlocks = cover(spec)
            case .contents:
                contents = (blocks.count, spec)
                continue
            case .executiveSummary: sectionBlocks = executiveSummary(spec)
            case .themes: sectionBlocks = themes(spec)
            case .taskGroups: sectionBlocks = taskGroups(spec)
            case .taskAlignment: sectionBlocks = taskAlignment(spec)
            case .reactions: sectionBlocks = reactions(spec)
            case .officials: sectionBlocks = officials(spec)
            case .facts: sectionBlocks = facts(spec)
            case .timeline: sectionBlocks = timeline(spec)
            case .articles: sectionBlocks = articles(spec)
            case .sources: sectionBlocks = sources(spec)
            case .discrepancies: sectionBlocks = discrepancies(spec)
            case .pageBreak: sectionBlocks = [PageBreakBlock()]
            }
            if spec.pageBreakBefore, !sectionBlocks.isEmpty { sectionBlocks.insert(PageBreakBlock(), at: 0) }
            blocks += sectionBlocks
        }
        if let contents {
            blocks.insert(contentsOf: contentsBlocks(contents.spec), at: contents.index)
        }
        return blocks
    }

    // MARK: shared pieces

    /// A section heading: registers a level-0 anchor (contents, outline, running header).
    func sectionHeading(_ spec: SectionSpec, key: String) -> Block {
        sectionCounter += 1
        let title = spec.title ?? heading(key)
        let anchor = Anchor(name: "sec-\(sectionCounter)-\(spec.type.rawValue)", title: title, level: 0, inOutline: spec.inContents)
        if spec.inContents { anchors.append(anchor) }
        return ParagraphBlock(title, style: styles.section, minLines: 1, keepWithNext: true, anchor: anchor)
    }

    /// A label as a heading, bilingual when the layout names a second language.
    func heading(_ key: String) -> String { labels.heading(key) }

    func registerArticleAnchor(_ anchor: Anchor) { anchors.append(anchor) }

    func paragraph(_ text: String, style: TextStyle? = nil) -> Block {
        ParagraphBlock(text, style: style ?? styles.body, minLines: layout.paragraph.minLines)
    }

    func bullet(_ spans: [Span], marker: String = "•") -> Block {
        ParagraphBlock([Span(marker + "\u{2002}")] + spans, style: styles.listItem, minLines: layout.paragraph.minLines)
    }

    func subheading(_ text: String) -> Block {
        ParagraphBlock(text, style: styles.subheading, minLines: 1, keepWithNext: true)
    }

    func tableAppearance() -> TableBlock.Appearance {
        TableBlock.Appearance(headerStyle: styles.tableHeader, cellStyle: styles.tableCell,
                              headerFill: styles.palette.tableHeader, stripeFill: styles.palette.tableStripe,
                              ruleColor: styles.palette.rule)
    }

    func longDate(_ iso: String?) -> String {
        guard let iso, let day = CalendarDay(iso: iso) else { return labels("undated") }
        return labels.formatDate(day, style: .long)
    }

    func shortDate(_ iso: String?) -> String {
        guard let iso, let day = CalendarDay(iso: iso) else { return "–" }
        return labels.formatDate(day, style: .short)
    }

    /// "Outlet · date" for an article.
    func dateline(_ article: ArticleDigest) -> String {
        [article.source, longDate(article.date)].compactMap { $0 }.joined(separator: " · ")
    }

    func articleAnchorName(_ index: Int) -> String { "art-\(index + 1)" }

    func limited<T>(_ items: [T], _ spec: SectionSpec) -> [T] {
        guard let max = spec.max else { return items }
        return Array(items.prefix(Swift.max(0, max)))
    }
}
