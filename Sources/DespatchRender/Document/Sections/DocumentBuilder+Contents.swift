import DespatchLayout

extension DocumentBuilder {
    /// The contents: one linked entry per section and article, numbers filled in at paint time.
    func contentsBlocks(_ spec: SectionSpec) -> [Block] {
        let title = spec.title ?? heading("contents")
        let anchor = Anchor(name: "contents", title: title, level: 0, inOutline: spec.inContents)
        var blocks: [Block] = [ParagraphBlock(title, style: styles.section, minLines: 1, keepWithNext: true, anchor: anchor)]
        for entry in anchors where entry.name != "cover" {
            let style = entry.level == 0 ? styles.contentsSection : styles.contentsEntry
            blocks.append(ContentsEntryBlock(title: entry.title, destination: entry.name, level: entry.level, style: style))
        }
        blocks.append(PageBreakBlock(columns: layout.page.columns))
        return blocks
    }
}
