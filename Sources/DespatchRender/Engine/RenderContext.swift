import Foundation
/// What blocks need while measuring: the document's one Pango context, the font cache,
/// hyphenation, and the collector of missing glyphs.
final class RenderContext {
    let pango: PangoEnvironment
    let hyphenator: Hyphenator?
    private var fontCache: [FontKey: FontDescription] = [:]
    private(set) var missingGlyphs: [MissingGlyph] = []
    private var reportedScalars: Set<UInt32> = []

    init(pango: PangoEnvironment, hyphenator: Hyphenator?) {
        self.pango = pango
        self.hyphenator = hyphenator
    }

    private struct FontKey: Hashable {
        var family: String
        var size: Double
        var bold: Bool
        var italic: Bool
    }

    func font(for style: TextStyle) -> FontDescription {
        let key = FontKey(family: style.family, size: style.size, bold: style.bold, italic: style.italic)
        if let cached = fontCache[key] { return cached }
        let font = FontDescription(family: style.family, size: style.size, bold: style.bold, italic: style.italic)
        fontCache[key] = font
        return font
    }

    /// Shapes `spans` in `style` for `width` (nil = one line). Checks for missing glyphs.
    func layout(_ spans: [StyledRun], style: TextStyle, width: Double?) -> TextLayout {
        let layout = pango.makeLayout()
        var text = ""
        let attributes = AttributeList()
        var hasAttributes = false
        for span in spans {
            // The pattern dictionary is English: text known to be in another language is left whole.
            let english = span.language.map { $0.lowercased().hasPrefix("en") } ?? true
            let piece = (style.hyphenate && english ? hyphenator?.hyphenate(span.text) : nil) ?? span.text
            let start = text.utf8.count
            text += piece
            let range = start..<text.utf8.count
            if span.bold { attributes.addBold(range); hasAttributes = true }
            if span.italic { attributes.addItalic(range); hasAttributes = true }
            if let c = span.color { attributes.addColor(c.tuple, range); hasAttributes = true }
            if let code = span.language { attributes.addLanguage(code, range); hasAttributes = true }
        }
        layout.setFont(font(for: style))
        layout.setWidth(width)
        layout.setAlignment(style.alignment)
        layout.setLineSpacing(style.lineSpacing)
        if style.hangingIndent > 0 { layout.setIndent(-style.hangingIndent) }
        if hasAttributes { layout.setAttributes(attributes) }
        layout.setText(text)
        if layout.unknownGlyphCount > 0 { recordMissing(in: text) }
        return layout
    }

    private func recordMissing(in text: String) {
        for scalar in text.unicodeScalars where !pango.fonts.covers(scalar) {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0xAD { continue }
            if scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .nonspacingMark { continue }
            guard reportedScalars.insert(scalar.value).inserted else { continue }
            missingGlyphs.append(MissingGlyph(scalar: scalar, context: Self.excerpt(text, around: scalar)))
        }
    }

    static func excerpt(_ text: String, around scalar: Unicode.Scalar) -> String {
        let clean = text.replacingOccurrences(of: "\u{AD}", with: "")
        guard let index = clean.unicodeScalars.firstIndex(of: scalar) else { return String(clean.prefix(40)) }
        let start = clean.unicodeScalars.index(index, offsetBy: -20, limitedBy: clean.unicodeScalars.startIndex) ?? clean.unicodeScalars.startIndex
        let end = clean.unicodeScalars.index(index, offsetBy: 20, limitedBy: clean.unicodeScalars.endIndex) ?? clean.unicodeScalars.endIndex
        return String(clean.unicodeScalars[start..<end])
    }
}
