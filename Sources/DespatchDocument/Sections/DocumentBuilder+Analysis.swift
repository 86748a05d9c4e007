import DespatchLayout
import DespatchModel

extension DocumentBuilder {
    /// Corpus-level summary sentences, then the main figures of the analysis.
    func executiveSummary(_ spec: SectionSpec) -> [DocumentNode] {
        if digest.articles.isEmpty {
            return [sectionHeading(spec, key: "executive-summary"), paragraph(labels("no-coverage"))]
        }
        // `max` counts sentences like any list (so a page-limited layout can shrink it);
        // without it, `summary_sentences` says how many.
        let sentences = limited(spec.max == nil ? Array(digest.summary.prefix(spec.summarySentences)) : digest.summary, spec)
        guard !sentences.isEmpty else { return [] }
        var nodes: [DocumentNode] = [sectionHeading(spec, key: "executive-summary")]
        nodes += sentences.map { bullet([Span($0)]) }
        return nodes
    }

    /// Themes ranked by weight, with the variants folded into each and the best evidence,
    /// and a bar chart of theme weight per article.
    func themes(_ spec: SectionSpec) -> [DocumentNode] {
        let themes = limited(digest.themes, spec)
        guard !themes.isEmpty else { return [] }
        var nodes: [DocumentNode] = [sectionHeading(spec, key: "themes")]
        if spec.chart {
            let series = themes.map { theme in
                ChartSeries(label: themeLabel(theme), values: digest.articles.map { article in
                    article.themes.first(where: { $0.id == theme.id })?.score ?? 0
                })
            }
            nodes.append(.barChart(series: series, categories: digest.articles.enumerated().map { i, a in
                [String(i + 1), a.source].compactMap { $0 }.joined(separator: " ")
            }))
        }
        for theme in themes {
            var spans = [Span(themeLabel(theme), bold: true),
                         Span("  " + labels.counted("theme.articles", theme.articles.count), tone: .muted)]
            if !theme.variants.isEmpty, !spec.brief {
                spans.append(Span(DocumentNode.lineBreak + theme.variants.map { "“\($0)”" }.joined(separator: ", "), italic: true))
            }
            if let evidence = theme.evidence, !spec.brief { spans.append(Span(DocumentNode.lineBreak + evidence)) }
            nodes.append(bullet(spans))
        }
        return nodes
    }

    /// The theme's label in the layout's language when the taxonomy has one, else English.
    func themeLabel(_ theme: CorpusTheme) -> String {
        theme.labels?[layout.language.code] ?? theme.label
    }

    /// Each article's enumerated task lists, with the stated count against the items found.
    func taskGroups(_ spec: SectionSpec) -> [DocumentNode] {
        let withLists = digest.articles.enumerated().filter { !$0.element.taskLists.isEmpty }
        guard !withLists.isEmpty else { return [] }
        var nodes: [DocumentNode] = [sectionHeading(spec, key: "task-groups")]
        for (_, article) in withLists {
            for list in article.taskLists {
                nodes.append(subheading("\(capitalizedFirst(list.label)) — \(article.source ?? article.file)"))
                let counts = list.statedCount.map {
                    labels("stated-count", ["stated": String($0), "found": String(list.items.count)])
                } ?? labels("stated-none", ["found": String(list.items.count)])
                let mismatch = list.statedCount.map { $0 != list.items.count } ?? false
                nodes.append(.paragraph([Span(counts, bold: mismatch, tone: mismatch ? .critical : .muted)], .small, keepWithNext: true))
                for (i, item) in limited(list.items, spec).enumerated() {
                    nodes.append(bullet([Span(item)], marker: "\(i + 1)."))
                }
            }
        }
        return nodes
    }

    /// Task lists of different articles that describe the same plan, item against item.
    func taskAlignment(_ spec: SectionSpec) -> [DocumentNode] {
        guard !digest.alignments.isEmpty else { return [] }
        var nodes: [DocumentNode] = [sectionHeading(spec, key: "task-alignment")]
        for alignment in limited(digest.alignments, spec) {
            guard let a = article(alignment.a.file), let b = article(alignment.b.file),
                  let listA = a.taskLists[safe: alignment.a.list - 1], let listB = b.taskLists[safe: alignment.b.list - 1] else { continue }
            let nameA = "\(a.source ?? a.file): \(listA.label)"
            let nameB = "\(b.source ?? b.file): \(listB.label)"
            nodes.append(subheading(labels("alignment.between", ["a": nameA, "b": nameB])))
            // The verdict first: how many items pair up, and whether in the same order. The
            // per-pair figure below is word overlap, low even for the same task in other words.
            let paired = alignment.pairs.filter { $0.count >= 2 }
            let inOrder = zip(paired, paired.dropFirst()).allSatisfy { $0[0] < $1[0] && $0[1] < $1[1] }
            let summary = labels(inOrder ? "alignment.summary.ordered" : "alignment.summary",
                                 ["paired": String(paired.count), "a": String(listA.items.count), "b": String(listB.items.count)])
            nodes.append(.paragraph([Span(summary, tone: .muted)], .small, keepWithNext: true))
            let columns = [TableColumn(title: "#", weight: 0.35), TableColumn(title: nameA, weight: 4),
                           TableColumn(title: "#", weight: 0.35), TableColumn(title: nameB, weight: 4),
                           TableColumn(title: labels("table.similarity"), weight: 0.9)]
            var rows: [[[Span]]] = []
            var usedA = Set<Int>(), usedB = Set<Int>()
            for pair in alignment.pairs where pair.count >= 2 {
                let i = Int(pair[0]), j = Int(pair[1])
                usedA.insert(i); usedB.insert(j)
                rows.append([[Span(String(i))], [Span(listA.items[safe: i - 1] ?? "")], [Span(String(j))],
                             [Span(listB.items[safe: j - 1] ?? "")],
                             [Span(pair.count > 2 ? formatScore(pair[2]) : "")]])
            }
            for (i, item) in listA.items.enumerated() where !usedA.contains(i + 1) {
                rows.append([[Span(String(i + 1))], [Span(item)], [Span("–")], [Span("")], [Span("")]])
            }
            for (j, item) in listB.items.enumerated() where !usedB.contains(j + 1) {
                rows.append([[Span("–")], [Span("")], [Span(String(j + 1))], [Span(item)], [Span("")]])
            }
            nodes.append(.table(columns: columns, rows: rows))
        }
        return nodes
    }

    /// Foreign voices as a table: speaker, role, country or organisation, stance, gist, source and date.
    func reactions(_ spec: SectionSpec) -> [DocumentNode] {
        var rows: [[[Span]]] = []
        for article in digest.articles {
            for reaction in article.reactions where spec.includeRelated || !reaction.related {
                var gist = [Span(reaction.gist)]
                if reaction.related { gist.append(Span(" (" + labels("related-voice") + ")", italic: true, tone: .muted)) }
                rows.append([[Span(reaction.speaker ?? labels("unnamed-speaker"), bold: reaction.speaker != nil)],
                             [Span(reaction.role ?? "")], [Span(reaction.countryOrOrg ?? "–")],
                             [Span(labels("stance." + reaction.stance.rawValue), tone: stanceTone(reaction.stance))],
                             gist, [Span([article.source, article.date.map { _ in shortDate(article.date) }].compactMap { $0 }.joined(separator: ", "),
                                          destination: articleDestination(article.file))]])
            }
        }
        rows = limited(rows, spec)
        guard !rows.isEmpty else { return [] }
        if spec.brief {
            // Speaker and role in one cell; no source column.
            let briefRows: [[[Span]]] = rows.map { r in
                let role = r[1].first.map(\.text) ?? ""
                return [r[0] + (role.isEmpty ? [] : [Span(", " + role, tone: .muted)]), r[2], r[3], r[4]]
            }
            let columns = [TableColumn(title: labels("table.speaker"), weight: 2.2), TableColumn(title: labels("table.country"), weight: 1.2),
                           TableColumn(title: labels("table.stance"), weight: 1.3), TableColumn(title: labels("table.gist"), weight: 4.6)]
            return [sectionHeading(spec, key: "reactions"), .table(columns: columns, rows: briefRows)]
        }
        let columns = [TableColumn(title: labels("table.speaker"), weight: 1.5), TableColumn(title: labels("table.role"), weight: 1.5),
                       TableColumn(title: labels("table.country"), weight: 1.2), TableColumn(title: labels("table.stance"), weight: 1.4),
                       TableColumn(title: labels("table.gist"), weight: 3.4), TableColumn(title: labels("table.source"), weight: 1.2)]
        return [sectionHeading(spec, key: "reactions"), .table(columns: columns, rows: rows)]
    }

    /// The host country's own officials, once each, with the articles that quote or mention them.
    func officials(_ spec: SectionSpec) -> [DocumentNode] {
        // One row per person whatever the spelling ("Nguyen Van An", "Nguyễn Văn An"): names are
        // grouped by the digest's entities and shown in their fullest form, diacritics included.
        var entityOf: [String: Int] = [:]
        for (i, entity) in digest.entities.enumerated() {
            for form in entity.forms + [entity.canonical] where entityOf[form] == nil { entityOf[form] = i }
        }
        func key(_ name: String) -> String { entityOf[name].map { "entity \($0)" } ?? name }
        func display(_ name: String) -> String {
            guard let i = entityOf[name] else { return name }
            let forms = (digest.entities[i].forms + [name]).filter { $0.contains(" ") }
            func marks(_ s: String) -> Int { s.unicodeScalars.filter { !$0.isASCII }.count }
            return forms.max { (marks($0), $0.count) < (marks($1), $1.count) } ?? name
        }
        var order: [String] = []
        var shown: [String: String] = [:]
        var roles: [String: String] = [:]
        var sources: [String: [String]] = [:]
        for (index, article) in digest.articles.enumerated() {
            for official in article.officials {
                let k = key(official.name)
                if roles[k] == nil { order.append(k); roles[k] = official.role ?? ""; shown[k] = display(official.name) }
                if (roles[k] ?? "").isEmpty, let r = official.role { roles[k] = r }
                if sources[k]?.last != String(index + 1) { sources[k, default: []].append(String(index + 1)) }
            }
        }
        let keys = limited(order, spec)
        guard !keys.isEmpty else { return [] }
        let columns = [TableColumn(title: labels("table.name"), weight: 1.6), TableColumn(title: labels("table.role"), weight: 3.2),
                       TableColumn(title: labels("table.article"), weight: 0.9)]
        let rows: [[[Span]]] = keys.map { [[Span(shown[$0] ?? $0, bold: true)], [Span(roles[$0] ?? "")], [Span(sources[$0, default: []].joined(separator: ", "))]] }
        return [sectionHeading(spec, key: "officials"), .table(columns: columns, rows: rows)]
    }

    /// Facts and figures, grouped by article.
    func facts(_ spec: SectionSpec) -> [DocumentNode] {
        var items: [(String, String)] = []
        for article in digest.articles {
            for fact in article.facts { items.append((fact.text, article.source ?? article.file)) }
        }
        items = limited(items, spec)
        guard !items.isEmpty else { return [] }
        return [sectionHeading(spec, key: "facts")] + items.map { text, source in
            bullet([Span(text), Span("  (\(source))", tone: .muted)])
        }
    }

    /// Dated articles on a vector timeline.
    func timeline(_ spec: SectionSpec) -> [DocumentNode] {
        let events = digest.articles.compactMap { a -> TimelineEvent? in
            guard let day = a.day else { return nil }
            return TimelineEvent(day: day, label: a.title, dateText: shortDate(a.date))
        }
        guard !events.isEmpty else { return [] }
        return [sectionHeading(spec, key: "timeline"), .timeline(limited(events.sorted { $0.day < $1.day }, spec))]
    }

    /// What an analyst would flag: count mismatches, missing or contradictory dates.
    func discrepancies(_ spec: SectionSpec) -> [DocumentNode] {
        var items: [DocumentNode] = []
        for article in digest.articles {
            for d in article.discrepancies {
                items.append(bullet([Span((article.source ?? article.file) + ": ", bold: true), Span(d)]))
            }
        }
        items = limited(items, spec)
        guard !items.isEmpty else { return [] }
        return [sectionHeading(spec, key: "discrepancies")] + items
    }

    // MARK: helpers

    func article(_ file: String) -> ArticleDigest? { digest.articles.first { $0.file == file } }

    func stanceTone(_ stance: Stance) -> Tone {
        switch stance {
        case .congratulatory, .positive: return .positive
        case .neutral: return .neutral
        case .critical: return .critical
        }
    }

    func formatScore(_ v: Double) -> String {
        let percent = Int((v * 100).rounded())
        return "\(percent)%"
    }

    func capitalizedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
