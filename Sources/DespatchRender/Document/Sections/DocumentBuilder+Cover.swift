import DespatchLayout
import DespatchModel

extension DocumentBuilder {
    /// Title, subtitle, period and outlets, on a page of their own.
    func cover(_ spec: SectionSpec) -> [Block] {
        var blocks: [Block] = [SpacerBlock(styles.coverTitle.size * 3)]
        // The cover's own anchor lets the outline start at the first page.
        let anchor = Anchor(name: "cover", title: Template.fill(layout.title, values), level: 0, inOutline: true)
        blocks.append(ParagraphBlock(Template.fill(layout.title, values), style: styles.coverTitle, minLines: 1, anchor: anchor))
        blocks.append(RuleBlock(color: styles.palette.accent, thickness: 1.5, spaceBefore: 2, spaceAfter: 12))
        let subtitle = Template.fill(layout.subtitle, values)
        if !subtitle.isEmpty { blocks.append(ParagraphBlock(subtitle, style: styles.coverSubtitle, minLines: 1)) }
        if let range = digest.dateRange {
            let period = range.lowerBound == range.upperBound
                ? labels.formatDate(range.lowerBound, style: .long)
                : labels("cover.period", ["from": labels.formatDate(range.lowerBound, style: .long),
                                          "to": labels.formatDate(range.upperBound, style: .long)])
            blocks.append(ParagraphBlock(period, style: styles.coverMeta, minLines: 1))
        }
        blocks.append(ParagraphBlock(labels("cover.articles", ["count": String(digest.articles.count)]), style: styles.coverMeta, minLines: 1))
        let outlets = orderedUnique(digest.articles.compactMap { $0.source })
        if !outlets.isEmpty {
            blocks.append(ParagraphBlock(outlets.joined(separator: " · "), style: styles.coverMeta, minLines: 1))
        }
        blocks.append(SpacerBlock(24))
        blocks.append(ParagraphBlock(labels("cover.generated", ["count": String(digest.articles.count)]),
                                     style: styles.small, minLines: 1))
        blocks.append(PageBreakBlock())
        return blocks
    }

    func orderedUnique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
