import CPangoCairo

/// Owns a PangoAttrList: styled runs (bold, italic, colour) over plain text by byte range.
final class AttributeList {
    let pointer: OpaquePointer

    init() { pointer = pango_attr_list_new() }

    deinit { pango_attr_list_unref(pointer) }

    /// The base font of UTF-8 bytes `range` (the attribute copies the description).
    func addFont(_ font: FontDescription, _ range: Range<Int>) {
        insert(pango_attr_font_desc_new(font.pointer), range)
    }

    /// Bold for UTF-8 bytes `range` of the layout's text.
    func addBold(_ range: Range<Int>) {
        insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD), range)
    }

    func addItalic(_ range: Range<Int>) {
        insert(pango_attr_style_new(PANGO_STYLE_ITALIC), range)
    }

    func addColor(_ color: (Double, Double, Double), _ range: Range<Int>) {
        func c(_ v: Double) -> UInt16 { UInt16(max(0, min(1, v)) * 65535) }
        insert(pango_attr_foreground_new(c(color.0), c(color.1), c(color.2)), range)
    }

    /// The language of the text (line breaking rules, font choice); Pango keeps its languages
    /// for the life of the process, so the PangoLanguage needs no freeing.
    func addLanguage(_ code: String, _ range: Range<Int>) {
        insert(pango_attr_language_new(pango_language_from_string(code)), range)
    }

    /// The list takes ownership of `attribute`.
    private func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, _ range: Range<Int>) {
        guard let attribute else { return }
        attribute.pointee.start_index = UInt32(range.lowerBound)
        attribute.pointee.end_index = UInt32(range.upperBound)
        pango_attr_list_insert(pointer, attribute)
    }
}
