import DespatchLayout

/// The text styles of one document, derived from a layout description.
struct StyleSheet {
    let body: TextStyle
    let section: TextStyle
    let articleTitle: TextStyle
    let subheading: TextStyle
    let dateline: TextStyle
    let small: TextStyle
    let listItem: TextStyle
    let coverTitle: TextStyle
    let coverSubtitle: TextStyle
    let coverMeta: TextStyle
    let contentsSection: TextStyle
    let contentsEntry: TextStyle
    let tableHeader: TextStyle
    let tableCell: TextStyle
    let runningText: TextStyle
    let palette: Palette

    struct Palette {
        let text: RGB
        let accent: RGB
        let muted: RGB
        let rule: RGB
        let tableHeader: RGB
        let tableStripe: RGB
        let positive: RGB
        let neutral: RGB
        let critical: RGB
    }

    init(layout: LayoutDescription) {
        func rgb(_ c: RGBColor) -> RGB { RGB(c.red, c.green, c.blue) }
        let colors = layout.colors
        palette = Palette(text: rgb(colors.text), accent: rgb(colors.accent), muted: rgb(colors.muted),
                          rule: rgb(colors.rule), tableHeader: rgb(colors.tableHeader),
                          tableStripe: rgb(colors.tableStripe), positive: rgb(colors.positive),
                          neutral: rgb(colors.neutral), critical: rgb(colors.critical))
        let f = layout.fonts
        let sizes = f.headingSizes + Array(repeating: f.size, count: max(0, 3 - f.headingSizes.count))
        let hyphenate = layout.language.hyphenate && layout.language.code.hasPrefix("en")
        body = TextStyle(family: f.body, size: f.size, color: palette.text,
                         alignment: layout.paragraph.align == .justify ? .justify : .left,
                         lineSpacing: f.lineHeight, spaceAfter: layout.paragraph.spaceAfter, hyphenate: hyphenate)
        section = TextStyle(family: f.heading, size: sizes[0], bold: true, color: palette.accent,
                            lineSpacing: 1.15, spaceBefore: sizes[0] * 1.1, spaceAfter: sizes[0] * 0.3)
        articleTitle = TextStyle(family: f.heading, size: sizes[1], bold: true, color: palette.text,
                                 lineSpacing: 1.15, spaceBefore: sizes[1] * 1.2, spaceAfter: 3)
        subheading = TextStyle(family: f.heading, size: sizes[2], bold: true, color: palette.accent,
                               lineSpacing: 1.2, spaceBefore: sizes[2] * 0.8, spaceAfter: 3)
        dateline = TextStyle(family: f.heading, size: f.smallSize + 0.5, color: palette.muted,
                             lineSpacing: 1.2, spaceAfter: 6)
        small = TextStyle(family: f.heading, size: f.smallSize, color: palette.muted, lineSpacing: 1.25, spaceAfter: 3)
        listItem = body.with { $0.alignment = .left; $0.spaceAfter = 2.5; $0.hangingIndent = f.size * 1.4 }
        coverTitle = TextStyle(family: f.heading, size: sizes[0] * 1.7, bold: true, color: palette.accent,
                               lineSpacing: 1.1, spaceAfter: 10)
        coverSubtitle = TextStyle(family: f.heading, size: sizes[1] * 1.05, color: palette.text, lineSpacing: 1.25, spaceAfter: 18)
        coverMeta = TextStyle(family: f.heading, size: f.size, color: palette.muted, lineSpacing: 1.3, spaceAfter: 4)
        contentsSection = TextStyle(family: f.heading, size: f.size + 0.5, bold: true, color: palette.text,
                                    lineSpacing: 1.2, spaceBefore: 6, spaceAfter: 1)
        contentsEntry = TextStyle(family: f.body, size: f.size, color: palette.text, lineSpacing: 1.2, spaceAfter: 1)
        tableHeader = TextStyle(family: f.heading, size: f.smallSize, bold: true, color: palette.text, lineSpacing: 1.15)
        tableCell = TextStyle(family: f.body, size: f.smallSize + 0.5, color: palette.text, lineSpacing: 1.2)
        runningText = TextStyle(family: f.heading, size: f.smallSize, color: palette.muted, lineSpacing: 1.0)
    }

    /// The faces the document's text is set in: each style's own, and the bold and italic of
    /// those that set running text with emphasis in it (the body, list items, small print,
    /// table cells). Without the front matter's (cover, contents) and the running header's
    /// when `frontMatter` is false: the faces of a second part of the document, paginated on
    /// a thread of its own and painted on the first's. For `PangoEnvironment.startMatching`.
    /// Every text style of the sheet: those of the document's body, and those of its front
    /// matter (cover, contents) and running header and footer.
    var textStyles: [TextStyle] { bodyMatterStyles + frontMatterStyles }
    var bodyMatterStyles: [TextStyle] { [body, section, articleTitle, subheading, dateline, small, listItem, tableHeader, tableCell] }
    var frontMatterStyles: [TextStyle] { [coverTitle, coverSubtitle, coverMeta, contentsSection, contentsEntry, runningText] }

    func faces(frontMatter: Bool) -> [FontDescription] {
        var seen: Set<String> = []
        var result: [FontDescription] = []
        func add(_ family: String, _ size: Double, _ bold: Bool, _ italic: Bool) {
            guard seen.insert("\(family)|\(size)|\(bold)|\(italic)").inserted else { return }
            result.append(FontDescription(family: family, size: size, bold: bold, italic: italic))
        }
        for style in bodyMatterStyles + (frontMatter ? frontMatterStyles : []) {
            add(style.family, style.size, style.bold, style.italic)
        }
        for style in [body, listItem, small, tableCell] {
            add(style.family, style.size, true, style.italic)
            add(style.family, style.size, style.bold, true)
        }
        return result
    }
}
