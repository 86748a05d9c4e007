import CFontconfig
import CPangoCairo

/// The font map and the one PangoContext of a document.
///
/// Creating a context per paragraph is what makes some engines slow; every layout of a
/// document is made from this one context. Metrics are unhinted so line breaks do not
/// depend on the output device.
public final class PangoEnvironment {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) throws {
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw RenderError.fonts("pango_cairo_font_map_new_for_font_type failed")
        }
        let fcMap = OpaquePointer(map)
        pango_fc_font_map_set_config(fcMap, fonts.config)
        // The map's own resolution, and not only the context's: Pango measures a font's
        // metrics (for the line height) on a context of its own, made at the map's resolution,
        // 96 dpi by default, and asks fontconfig for the font again at that resolution. At 96
        // dpi the pattern differed from the context's (same pixel size, other size and dpi),
        // so each font was matched twice, and Pango 1.50 starts two threads for every new
        // pattern (FcFontSetMatch, FcFontSetSort): 44 patterns and 88 threads in the sample
        // digest, now 25 and 50, the same PDF, and 0.106 -> 0.096 s (BENCHMARKS.md).
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        guard let ctx = pango_font_map_create_context(map) else {
            g_object_unref(map)
            throw RenderError.fonts("pango_font_map_create_context failed")
        }
        Self.setDocumentFontOptions(on: ctx)
        pango_cairo_context_set_resolution(ctx, 72)
        pango_context_set_round_glyph_positions(ctx, 0)
        self.fontMap = map
        self.context = ctx
        self.fonts = fonts
    }

    /// Unhinted metrics and outlines, so that line breaks do not depend on the output device.
    static func setDocumentFontOptions(on context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The language the itemizer gives text without a language of its own: the context's,
    /// or else the process's default (`pango_context_get_language` returns only one that was
    /// set). An interned PangoLanguage, valid for the life of the process.
    var paragraphLanguage: OpaquePointer? { Self.paragraphLanguage(of: context) }

    /// The same for any context (`FontExtents` asks Pango's fontsets in it).
    static func paragraphLanguage(of context: OpaquePointer) -> OpaquePointer? {
        pango_context_get_language(context) ?? pango_language_get_default()
    }

    /// Starts fontconfig's matching for fonts the document will ask for, and returns at once.
    ///
    /// Why: Pango 1.50 matches each new font pattern on two threads of its own
    /// (FcFontSetMatch, FcFontSetSort) and the paginating thread waits for them the first time
    /// it itemizes text in that font: 11-15 waits in the sample digest, 0.9-9 ms in all on a
    /// machine whose two cores are both paginating. Loading the fontsets before (the patterns
    /// are kept by the map) starts those threads while the analysis runs, and the pagination
    /// finds the fonts matched. Loading does not wait for the matching, which is what made an
    /// earlier try, which loaded every face a layout could use, a loss (BENCHMARKS.md).
    /// Call it before any other thread uses this environment.
    func startMatching(_ fonts: [FontDescription]) {
        let language = paragraphLanguage
        for font in fonts {
            if let fontset = pango_font_map_load_fontset(fontMap, context, font.pointer, language) {
                g_object_unref(UnsafeMutableRawPointer(fontset))
            }
        }
    }

    /// A new, empty layout on the document's context.
    func makeLayout() -> TextLayout {
        TextLayout(adopting: pango_layout_new(context)!)
    }
}
