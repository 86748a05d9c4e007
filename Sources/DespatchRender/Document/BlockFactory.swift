import DespatchDocument

/// Turns the format-neutral document tree into measured, drawable blocks, giving each
/// node the look the style sheet assigns to its role.
struct BlockFactory {
    let styles: StyleSheet
    let minLines: Int
    let columns: Int

    func blocks(for tree: DocumentTree) throws -> [Block] {
        try tree.nodes.map { try block($0) }
    }

    /// The block of `node`; `index` is the node's place in the tree, by which its paragraphs
    /// find what `BreakLookahead` prepared for them.
    func block(_ node: DocumentNode, index: Int? = nil) throws -> Block {
        switch node {
        case .heading(let level, let text, let anchor):
            let style: TextStyle
            switch level {
            case .title: style = styles.coverTitle
            case .section: style = styles.section
            case .article: style = styles.articleTitle
            case .subsection: style = styles.subheading
            }
            return ParagraphBlock(text, style: style, minLines: 1, keepWithNext: level != .title, anchor: anchor)
                .keyed(index.map { .init(node: $0, part: 0) })
        case .paragraph(let spans, let role, let keepWithNext):
            return ParagraphBlock(runs(spans), style: style(role), minLines: role == .body ? minLines : 1, keepWithNext: keepWithNext)
                .keyed(index.map { .init(node: $0, part: 0) })
        case .listItem(let marker, let spans):
            return ParagraphBlock([StyledRun(marker + "\u{2002}")] + runs(spans), style: styles.listItem, minLines: minLines)
                .keyed(index.map { .init(node: $0, part: 0) })
        case .table(let columns, let rows):
            let table = TableBlock(columns: columns, rows: rows.map { $0.map(runs) }, appearance: tableAppearance())
            if let index { table.numberCells(node: index) }
            return table
        case .image(let path, let maxWidth):
            return ImageBlock(image: try CairoImage(pngPath: path), maxWidth: maxWidth)
        case .barChart(let series, let categories):
            return BarChartBlock(series: series, categories: categories, labelStyle: styles.small, palette: chartPalette())
        case .timeline(let events):
            return TimelineBlock(events: events, labelStyle: styles.small, lineColor: styles.palette.rule, dotColor: styles.palette.accent)
        case .contentsEntry(let title, let destination, let level):
            return ContentsEntryBlock(title: title, destination: destination, level: level,
                                      style: level == 0 ? styles.contentsSection : styles.contentsEntry)
        case .rule(let tone, let thickness):
            return RuleBlock(color: color(tone) ?? styles.palette.rule, thickness: thickness, spaceBefore: 2, spaceAfter: 12)
        case .spacer(let height):
            return SpacerBlock(height)
        case .pageBreak(let columns):
            return PageBreakBlock(columns: columns)
        }
    }

    /// The paragraphs of a node as its blocks will shape them: their text, their style, their
    /// part (0 for a heading, a paragraph or a list item; a table's cells numbered as
    /// `TableBlock.numberCells` numbers them) and about what share of the column's width
    /// they get (a cell its column's weight). What `BreakLookahead` prepares ahead.
    func paragraphs(of node: DocumentNode) -> [(part: Int, spans: [StyledRun], style: TextStyle, widthShare: Double)] {
        switch node {
        case .heading, .paragraph, .listItem:
            guard let block = try? block(node) as? ParagraphBlock else { return [] }
            return [(0, block.spans, block.style, 1)]
        case .table(let columns, let rows):
            let appearance = tableAppearance()
            let total = max(columns.reduce(0) { $0 + $1.weight }, 0.0001)
            var cells: [(part: Int, spans: [StyledRun], style: TextStyle, widthShare: Double)] = []
            for column in columns { cells.append((cells.count, [StyledRun(column.title)], appearance.headerStyle, column.weight / total)) }
            for row in rows {
                for (c, cell) in row.prefix(columns.count).enumerated() {
                    cells.append((cells.count, runs(cell), appearance.cellStyle, columns[c].weight / total))
                }
            }
            return cells
        default:
            return []
        }
    }

    func style(_ role: TextRole) -> TextStyle {
        switch role {
        case .body: return styles.body
        case .dateline: return styles.dateline
        case .small: return styles.small
        case .coverSubtitle: return styles.coverSubtitle
        case .coverMeta: return styles.coverMeta
        }
    }

    func runs(_ spans: [Span]) -> [StyledRun] {
        spans.map { StyledRun($0.text, bold: $0.bold, italic: $0.italic, color: color($0.destination != nil ? .accent : $0.tone),
                              link: $0.link, destination: $0.destination, language: $0.language) }
    }

    func color(_ tone: Tone) -> RGB? {
        switch tone {
        case .normal: return nil
        case .muted: return styles.palette.muted
        case .accent: return styles.palette.accent
        case .critical: return styles.palette.critical
        case .positive: return styles.palette.positive
        case .neutral: return styles.palette.neutral
        }
    }

    func tableAppearance() -> TableBlock.Appearance {
        TableBlock.Appearance(headerStyle: styles.tableHeader, cellStyle: styles.tableCell,
                              headerFill: styles.palette.tableHeader, stripeFill: styles.palette.tableStripe,
                              ruleColor: styles.palette.rule)
    }

    func chartPalette() -> [RGB] {
        [styles.palette.accent, RGB(0.16, 0.38, 0.62), RGB(0.85, 0.55, 0.15), RGB(0.3, 0.55, 0.3),
         RGB(0.5, 0.35, 0.6), RGB(0.45, 0.45, 0.45), RGB(0.7, 0.3, 0.45), RGB(0.2, 0.6, 0.6)]
    }
}
