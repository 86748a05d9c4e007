import CPangoCairo

/// Owns a PangoFontDescription.
final class FontDescription {
    let pointer: OpaquePointer

    init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
        pointer = pango_font_description_new()
        pango_font_description_set_family(pointer, family)
        pango_font_description_set_absolute_size(pointer, size * Double(PANGO_SCALE))
        pango_font_description_set_weight(pointer, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(pointer, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    }

    deinit { pango_font_description_free(pointer) }
}
