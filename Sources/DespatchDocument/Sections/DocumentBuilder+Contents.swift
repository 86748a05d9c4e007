import DespatchLayout

extension DocumentBuilder {
    /// The contents: one linked entry per section and article (page numbers are the PDF writer's).
    func contentsNodes(_ spec: SectionSpec) -> [DocumentNode] {
        let title = spec.title ?? heading("contents")
        var nodes: [DocumentNode] = [.heading(.section, title, anchor: Anchor(name: "contents", title: title, level: 0, inOutline: spec.inContents))]
        for entry in anchors where entry.name != "cover" {
            nodes.append(.contentsEntry(title: entry.title, destination: entry.name, level: entry.level))
        }
        nodes.append(.pageBreak(columns: layout.page.columns))
        return nodes
    }
}
