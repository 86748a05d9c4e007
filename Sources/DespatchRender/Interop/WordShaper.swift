import CPangoCairo

/// Shapes one word with HarfBuzz itself, giving the glyph string `pango_shape_with_flags`
/// gives for the word alone, for the words `ParagraphShaper` has not shaped before.
///
/// Why: for each word, Pango makes a HarfBuzz sub-font with functions of its own, and
/// `hb_shape_full` looks the shaping plan up again (its key tests the font's GSUB and GPOS
/// feature variations each time): 5,500 of the 26,700 instructions a word took on the
/// paginating thread of the sample digest. Here the plan is made once for each face, script
/// and language and kept, and the word is shaped with the font's own HarfBuzz font.
///
/// The same glyph string, because it is the same shaping: Pango's sub-font differs from the
/// font only for characters the font lacks (an unknown-glyph box instead of glyph 0) and for
/// the show flags; a word that comes out with glyph 0, an analysis with attributes of its own
/// (show flags, features, text transforms), a face with colour glyphs or variations, vertical
/// or right-to-left text, or rounded positions go to Pango (nil). `WordShaperTests` compares
/// both on every word of the samples in the document's faces.
final class WordShaper {
    private let buffer: OpaquePointer
    private struct PlanKey: Hashable {
        var face: UnsafeMutableRawPointer
        var script: UInt32
        var language: UnsafeMutableRawPointer?
    }
    private var plans: [PlanKey: OpaquePointer] = [:]
    private var languages: [UnsafeMutableRawPointer: hb_language_t] = [:]
    /// How many words were shaped here, and how many were left to Pango.
    private(set) var shaped = 0, leftToPango = 0

    init() {
        buffer = hb_buffer_create()
    }

    deinit {
        for plan in plans.values { hb_shape_plan_destroy(plan) }
        hb_buffer_destroy(buffer)
    }

    /// Shapes `length` bytes at `text` (a word, its own paragraph) as `analysis` says into
    /// `glyphs`; false, leaving `glyphs` as it was, when Pango must do it.
    func shape(_ text: UnsafePointer<CChar>, length: Int32, analysis: UnsafePointer<PangoAnalysis>,
               into glyphs: UnsafeMutablePointer<PangoGlyphString>, flags: PangoShapeFlags) -> Bool {
        let a = analysis.pointee
        guard flags == PANGO_SHAPE_NONE, length > 0, a.level % 2 == 0, a.extra_attrs == nil,
              UInt32(a.gravity) == PANGO_GRAVITY_SOUTH.rawValue, a.flags & 0x07 == 0, let font = a.font,
              let entry = fontEntry(font)
        else { leftToPango += 1; return false }
        let (hbFont, face) = entry

        let script = g_unicode_script_to_iso15924(GUnicodeScript(rawValue: Int32(a.script)))
        let language = hbLanguage(a.language)
        hb_buffer_clear_contents(buffer)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, hb_script_t(rawValue: script))
        hb_buffer_set_language(buffer, language)
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        hb_buffer_set_flags(buffer, hb_buffer_flags_t(rawValue: HB_BUFFER_FLAG_BOT.rawValue | HB_BUFFER_FLAG_EOT.rawValue))
        hb_buffer_set_invisible_glyph(buffer, PANGO_GLYPH_EMPTY)
        // As Pango adds them: the (empty) context before, the text, the (empty) context after.
        hb_buffer_add_utf8(buffer, text, 0, 0, 0)
        hb_buffer_add_utf8(buffer, text, length, 0, length)
        hb_buffer_add_utf8(buffer, text, length, UInt32(length), 0)

        let key = PlanKey(face: UnsafeMutableRawPointer(face), script: script, language: UnsafeMutableRawPointer(language))
        let plan: OpaquePointer
        if let known = plans[key] {
            plan = known
        } else {
            var properties = hb_segment_properties_t()
            hb_buffer_get_segment_properties(buffer, &properties)
            guard let made = hb_shape_plan_create_cached2(face, &properties, nil, 0, nil, 0, nil) else { leftToPango += 1; return false }
            plans[key] = made
            plan = made
        }
        guard hb_shape_plan_execute(plan, hbFont, buffer, nil, 0) != 0 else { leftToPango += 1; return false }

        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), let positions = hb_buffer_get_glyph_positions(buffer, nil), count > 0
        else { leftToPango += 1; return false }
        let n = Int(count)
        for i in 0..<n where infos[i].codepoint == 0 { leftToPango += 1; return false }  // a character the font lacks
        pango_glyph_string_set_size(glyphs, Int32(n))
        let out = glyphs.pointee
        var lastCluster: Int32 = Int32(bitPattern: infos[0].cluster) - 1
        for i in 0..<n {
            var info = PangoGlyphInfo()
            info.glyph = infos[i].codepoint
            info.geometry.width = positions[i].x_advance
            info.geometry.x_offset = positions[i].x_offset
            info.geometry.y_offset = -positions[i].y_offset
            let cluster = Int32(bitPattern: infos[i].cluster)
            info.attr.is_cluster_start = cluster != lastCluster ? 1 : 0
            info.attr.is_color = 0
            lastCluster = cluster
            // As pango_shape_internal does: a negative width is shifted and made positive.
            if info.geometry.width < 0 {
                info.geometry.width = -info.geometry.width
                info.geometry.x_offset += info.geometry.width
            }
            out.glyphs[i] = info
            out.log_clusters[i] = cluster
        }
        shaped += 1
        return true
    }

    /// A font's HarfBuzz font and face, once per font; nil when its words go to Pango (a
    /// variable font's coordinates, features of its own, colour glyphs).
    private struct FontEntry {
        var font: OpaquePointer
        var face: OpaquePointer
    }
    private var fonts: [UnsafeMutableRawPointer: FontEntry?] = [:]

    private func fontEntry(_ font: UnsafeMutablePointer<PangoFont>) -> (OpaquePointer, OpaquePointer)? {
        let key = UnsafeMutableRawPointer(font)
        if let known = fonts[key] { return known.map { ($0.font, $0.face) } }
        var entry: FontEntry?
        if let hbFont = pango_font_get_hb_font(font), let face = hb_font_get_face(hbFont) {
            var coordinates: UInt32 = 0
            _ = hb_font_get_var_coords_normalized(hbFont, &coordinates)
            var features = [hb_feature_t](repeating: hb_feature_t(), count: 32)
            var featureCount: UInt32 = 0
            pango_font_get_features(font, &features, 32, &featureCount)
            // Pango marks each glyph of a face with colour glyphs by looking it up; none here.
            let colour = hb_ot_color_has_layers(face) != 0 || hb_ot_color_has_png(face) != 0 || hb_ot_color_has_svg(face) != 0
            if coordinates == 0, featureCount == 0, !colour { entry = FontEntry(font: hbFont, face: face) }
        }
        fonts[key] = .some(entry)
        return entry.map { ($0.font, $0.face) }
    }

    private func hbLanguage(_ language: OpaquePointer?) -> hb_language_t? {
        guard let language else { return hb_language_from_string(pango_language_to_string(nil), -1) }
        let key = UnsafeMutableRawPointer(language)
        if let known = languages[key] { return known }
        let made = hb_language_from_string(pango_language_to_string(language), -1)
        languages[key] = made
        return made
    }
}
