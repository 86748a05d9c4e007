import DespatchLayout
import DespatchModel

/// Turns a Digest and a layout description into the document tree, section by section,
/// in the order the layout lists them. Sections with nothing to show are left out.
public final class DocumentBuilder {
    let digest: Digest
    let layout: LayoutDescription
    let labels: LabelCatalogue
    let values: [String: String]
    /// Anchors in document order, for the contents and the outline.
    private(set) var anchors: [Anchor] = []
    private var sectionCounter = 0
    /// Items of the section being built: how many it had and how many `max` let through.
    private var currentItems: SectionItems?

    /// `title` and `week` fill the layout's templates; dates come from the digest.
    public init(digest: Digest, layout: LayoutDescription, labels: LabelCatalogue, title: String, week: String?) {
        self.digest = digest
        self.layout = layout
        self.labels = labels
        var values: [String: String] = ["title": title, "count": String(digest.articles.count), "week": week ?? ""]
        if let range = digest.dateRange ?? digest.trends.flatMap({ t in
            CalendarDay(iso: t.from).flatMap { from in CalendarDay(iso: t.to).map { from...$0 } }
        }) {
            values["from"] = labels.formatDate(range.lowerBound, style: .long)
            values["to"] = labels.formatDate(range.upperBound, style: .long)
            values["date"] = labels.formatDate(range.upperBound, style: .long)
        } else {
            values["from"] = labels("undated")
            values["to"] = labels("undated")
            values["date"] = ""
        }
        self.values = values
    }

    public func build() -> DocumentTree {
        var nodes: [DocumentNode] = []
        var contents: (index: Int, spec: SectionSpec)?
        var items: [SectionItems] = []
        for (index, spec) in layout.sections.enumerated() {
            currentItems = SectionItems(section: index, shown: 0, total: 0)
            var section: [DocumentNode]
            switch spec.type {
            case .cover: section = cover(spec)
            case .contents:
                contents = (nodes.count, spec)
                continue
            case .executiveSummary: section = executiveSummary(spec)
            case .trends: section = trends(spec)
            case .themes: section = themes(spec)
            case .taskGroups: section = taskGroups(spec)
            case .taskAlignment: section = taskAlignment(spec)
            case .reactions: section = reactions(spec)
            case .officials: section = officials(spec)
            case .facts: section = facts(spec)
            case .timeline: section = timeline(spec)
            case .articles: section = articles(spec)
            case .sources: section = sources(spec)
            case .discrepancies: section = discrepancies(spec)
            case .pageBreak: section = [.pageBreak(columns: nil)]
            }
            if let columns = spec.columns, columns != layout.page.columns, !section.isEmpty {
                section.insert(.pageBreak(columns: columns), at: 0)
                section.append(.pageBreak(columns: layout.page.columns))
            } else if spec.pageBreakBefore, !section.isEmpty {
                section.insert(.pageBreak(columns: nil), at: 0)
            }
            if let counted = currentItems, counted.total > 0 {
                items.append(counted)
                if counted.total > counted.shown, !section.isEmpty {
                    section.append(.paragraph([Span(labels("more-in-full") + " (+\(counted.total - counted.shown))", italic: true, tone: .muted)],
                                              .small, keepWithNext: false))
                }
            }
            nodes += section
        }
        if let contents {
            nodes.insert(contentsOf: contentsNodes(contents.spec), at: contents.index)
        }
        return DocumentTree(title: labels.fill(layout.title, values), subtitle: labels.fill(layout.subtitle, values),
                            nodes: nodes, anchors: anchors, values: values, sectionItems: items)
    }

    // MARK: shared pieces

    /// A section heading: registers a level-0 anchor (contents, outline, running header).
    func sectionHeading(_ spec: SectionSpec, key: String) -> DocumentNode {
        sectionCounter += 1
        let title = spec.title ?? heading(key)
        let anchor = Anchor(name: "sec-\(sectionCounter)-\(spec.type.rawValue)", title: title, level: 0, inOutline: spec.inContents)
        if spec.inContents { anchors.append(anchor) }
        return .heading(.section, title, anchor: anchor)
    }

    /// A label as a heading, bilingual when the layout names a second language.
    func heading(_ key: String) -> String { labels.heading(key) }

    func registerArticleAnchor(_ anchor: Anchor) { anchors.append(anchor) }

    func paragraph(_ text: String, _ role: TextRole = .body, keepWithNext: Bool = false, language: String? = nil) -> DocumentNode {
        .paragraph([Span(text, language: language)], role, keepWithNext: keepWithNext)
    }

    func bullet(_ spans: [Span], marker: String = "•") -> DocumentNode { .listItem(marker: marker, spans) }

    func subheading(_ text: String) -> DocumentNode { .heading(.subsection, text, anchor: nil) }

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

    /// The anchor of an article's part in the articles section, when the layout prints it.
    func articleDestination(_ file: String) -> String? {
        guard let spec = layout.sections.first(where: { $0.type == .articles }),
              let index = digest.articles.firstIndex(where: { $0.file == file }),
              index < (spec.max ?? Int.max) else { return nil }
        return articleAnchorName(index)
    }

    /// The first `spec.max` items (all when unset), counting what was left out so that the
    /// section can say "more in the full digest" and a page-limited layout can shrink it.
    func limited<T>(_ items: [T], _ spec: SectionSpec) -> [T] {
        let shown = spec.max.map { Array(items.prefix(Swift.max(0, $0))) } ?? items
        if var counted = currentItems {
            counted.total += items.count
            counted.shown += shown.count
            counted.longestList = Swift.max(counted.longestList, shown.count)
            currentItems = counted
        }
        return shown
    }
}
