import DespatchLayout
import DespatchModel

extension DocumentBuilder {
    /// One part per article: headline, dateline, extractive summary and (optionally) the full text.
    func articles(_ spec: SectionSpec) -> [DocumentNode] {
        guard !digest.articles.isEmpty else { return [] }
        var nodes: [DocumentNode] = [sectionHeading(spec, key: "articles")]
        for (index, article) in limited(digest.articles, spec).enumerated() {
            let anchor = Anchor(name: articleAnchorName(index), title: article.title, level: 1, inOutline: spec.inContents)
            if spec.inContents { registerArticleAnchor(anchor) }
            nodes.append(.heading(.article, article.title, anchor: anchor))
            nodes.append(paragraph(dateline(article), .dateline, keepWithNext: true))
            let summary = Array(article.summary.prefix(spec.summarySentences))
            if !summary.isEmpty, spec.summarySentences > 0 {
                nodes.append(subheading(heading("summary")))
                nodes.append(paragraph(summary.joined(separator: " "), language: article.language))
            }
            if spec.fullText, !article.paragraphs.isEmpty {
                nodes.append(subheading(heading("full-text")))
                nodes += article.paragraphs.map { paragraph($0, language: article.language) }
            }
        }
        return nodes
    }

    /// The list of sources: title, outlet, date, file, with the URL as a link when known.
    func sources(_ spec: SectionSpec) -> [DocumentNode] {
        guard !digest.articles.isEmpty else { return [] }
        let columns = [TableColumn(title: "#", weight: 0.4), TableColumn(title: labels("sources.title"), weight: 4),
                       TableColumn(title: labels("sources.outlet"), weight: 1.3), TableColumn(title: labels("sources.date"), weight: 1.3),
                       TableColumn(title: labels("sources.file"), weight: 2.2)]
        let rows: [[[Span]]] = limited(digest.articles, spec).enumerated().map { i, a in
            [[Span(String(i + 1))], [Span(a.title)] + (a.url.map { [Span(DocumentNode.lineBreak + $0, tone: .accent, link: $0)] } ?? []),
             [Span(a.source ?? "–")], [Span(shortDate(a.date))], [Span(a.file)]]
        }
        return [sectionHeading(spec, key: "sources"), .table(columns: columns, rows: rows)]
    }
}
