import DespatchLayout
import DespatchModel

extension DocumentBuilder {
    /// Weekly briefs: article counts against the previous week, themes by direction, and the
    /// voices heard for the first time. Absent from a plain digest (no `trends`).
    func trends(_ spec: SectionSpec) -> [DocumentNode] {
        guard let trends = digest.trends else { return [] }
        var nodes: [DocumentNode] = [sectionHeading(spec, key: "trends")]
        nodes.append(.paragraph([Span("\(trends.week): ", bold: true),
                                 Span(labels.counted("cover.articles", trends.articleCount)),
                                 Span(" (\(trends.previousWeek): \(trends.previousArticleCount))", tone: .muted)],
                                .body, keepWithNext: true))
        let moving = trends.themes.filter { [.new, .rising, .falling].contains($0.direction) }
        let rows: [[[Span]]] = limited(moving, spec).map { theme in
            let tone: Tone = theme.direction == .falling ? .critical : .positive
            // The week's own themes carry the taxonomy's labels in every language.
            let label = digest.themes.first { $0.id == theme.id }.map(themeLabel) ?? theme.label
            return [[Span(label)], [Span(String(theme.count))], [Span(String(theme.previousCount))],
                    [Span(labels("trend." + theme.direction.rawValue), tone: tone)]]
        }
        if !rows.isEmpty {
            nodes.append(.table(columns: [TableColumn(title: labels("table.theme"), weight: 4), TableColumn(title: trends.week, weight: 1),
                                          TableColumn(title: trends.previousWeek, weight: 1), TableColumn(title: "", weight: 1.2)],
                                rows: rows))
        }
        if !trends.newVoices.isEmpty {
            nodes.append(subheading(capitalizedFirst(labels("trend.first-voice"))))
            for voice in trends.newVoices {
                nodes.append(bullet([Span(voice.name, bold: true)] + (voice.role.map { [Span(", " + $0)] } ?? [])))
            }
        }
        return nodes
    }
}
