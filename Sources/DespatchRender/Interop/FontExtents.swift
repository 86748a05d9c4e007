import CPangoCairo

/// A font's ascent, descent and line height in Pango units, as Pango's font metrics give them
/// for horizontal text, read from the font's HarfBuzz extents the way Pango makes them
/// (pangofc-font.c `get_face_metrics`: ascent = ascender, descent = −descender, height =
/// ascender − descender + line gap; pangocairo leaves them so for an untransformed font laid
/// out south, the only kind the renderer makes).
///
/// Why not `pango_font_get_metrics`: the first time it is asked for a font and a language,
/// pangocairo also measures an approximate character width by laying out the language's
/// sample sentence and the ten digits in a context of its own, which the renderer never
/// uses; and `pango_context_get_metrics` loads a fontset and itemizes and shapes that
/// sentence again. Together they took 3–10 ms of the sample digest's first thread for the
/// nine line heights it asks for. `FontExtentsTests` checks that both ways agree for every
/// font in Fonts/.
struct FontExtents: Equatable {
    var ascent: Int32
    var descent: Int32
    var height: Int32
}

extension FontExtents {
    /// The extents of a loaded font.
    init(font: UnsafeMutablePointer<PangoFont>) {
        var extents = hb_font_extents_t()
        hb_font_get_extents_for_direction(pango_font_get_hb_font(font), HB_DIRECTION_LTR, &extents)
        ascent = extents.ascender
        descent = -extents.descender
        height = extents.ascender - extents.descender + extents.line_gap
    }

    /// What `pango_context_get_metrics(context, description, nil)` gives for the height, when
    /// it can be had without it: the height of the fontset's first font, which is that of the
    /// context's metrics when that font covers every character of the language's sample
    /// sentence (Pango takes the largest height of the fonts the sentence is itemized into).
    /// Nil otherwise, or when the context is transformed, and the caller asks Pango.
    static func lineHeight(of description: OpaquePointer, in context: OpaquePointer) -> Int32? {
        withFirstFont(of: description, in: context) { font, language in
            guard let sample = pango_language_get_sample_string(language) else { return nil }
            for scalar in String(cString: sample).unicodeScalars where scalar.value >= 0x20 {
                guard pango_font_has_char(font, scalar.value) != 0 else { return nil }
            }
            return FontExtents(font: font).height
        }
    }

    /// Calls `body` with the first font of the fontset `pango_context_get_metrics` and the
    /// itemizer use for `description` (the context's language, or the process's default), and
    /// that language; nil when the context is transformed or Pango has no fontset.
    static func withFirstFont<T>(of description: OpaquePointer, in context: OpaquePointer,
                                 _ body: (UnsafeMutablePointer<PangoFont>, OpaquePointer) -> T?) -> T? {
        guard pango_context_get_matrix(context) == nil,
              let language = PangoEnvironment.paragraphLanguage(of: context),
              let fontset = pango_font_map_load_fontset(pango_context_get_font_map(context), context, description, language)
        else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(fontset)) }
        var first: UnsafeMutablePointer<PangoFont>?
        pango_fontset_foreach(fontset, { _, font, data in
            data!.assumingMemoryBound(to: UnsafeMutablePointer<PangoFont>?.self).pointee = font
            return 1  // the first font only
        }, &first)
        guard let font = first else { return nil }
        return body(font, language)
    }
}
