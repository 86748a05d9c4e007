import CPangoCairo
@testable import DespatchRender
import XCTest

/// `FontExtents` reads a font's ascent, descent and line height from HarfBuzz instead of
/// asking Pango for its metrics (which lays out a sample sentence the first time): the figures
/// must be Pango's own, for every font the fonts folder has, or lines would move.
final class FontExtentsTests: XCTestCase {
    private let sizes: [Double] = [6.5, 8, 9.5, 10, 10.5, 13.2, 24]

    func testEveryFontsExtentsAreThoseOfPangosMetrics() throws {
        let pango = try PangoEnvironment(fonts: FontLibrary(directory: Repo.fonts))
        XCTAssertFalse(pango.fonts.families.isEmpty)
        var checked = 0
        for family in pango.fonts.families {
            for size in sizes {
                for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
                    let description = FontDescription(family: family, size: size, bold: bold, italic: italic)
                    let loaded = try XCTUnwrap(pango_context_load_font(pango.context, description.pointer))
                    defer { g_object_unref(loaded) }
                    let font = UnsafeMutableRawPointer(loaded).assumingMemoryBound(to: PangoFont.self)
                    let metrics = try XCTUnwrap(pango_font_get_metrics(font, nil))
                    defer { pango_font_metrics_unref(metrics) }
                    let pangos = FontExtents(ascent: pango_font_metrics_get_ascent(metrics),
                                             descent: pango_font_metrics_get_descent(metrics),
                                             height: pango_font_metrics_get_height(metrics))
                    XCTAssertEqual(FontExtents(font: font), pangos, "\(family) \(size) bold \(bold) italic \(italic)")
                    XCTAssertGreaterThan(pangos.height, pangos.ascent)
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, pango.fonts.families.count * sizes.count * 4)
    }

    /// The line height is the context's metrics' height in every language whose sample
    /// sentence the font covers, and is left to Pango (nil) in one it does not: there Pango
    /// takes the tallest of the fonts the sentence falls back to.
    func testTheLineHeightIsTheContextsMetricsHeightOrLeftToPango() throws {
        let pango = try PangoEnvironment(fonts: FontLibrary(directory: Repo.fonts))
        var fast = 0, left = 0
        for language in [nil, "en", "vi", "fr", "ru", "de", "zh-cn", "ja", "ar"] as [String?] {
            pango_context_set_language(pango.context, language.map { pango_language_from_string($0) } ?? nil)
            for family in ["Noto Serif", "Noto Sans", "Noto Sans Mono"] {
                for size in sizes {
                    for bold in [false, true] {
                        let description = FontDescription(family: family, size: size, bold: bold)
                        let metrics = try XCTUnwrap(pango_context_get_metrics(pango.context, description.pointer, nil))
                        defer { pango_font_metrics_unref(metrics) }
                        if let height = FontExtents.lineHeight(of: description.pointer, in: pango.context) {
                            XCTAssertEqual(height, pango_font_metrics_get_height(metrics), "\(family) \(size) in \(language ?? "the default")")
                            fast += 1
                        } else {
                            left += 1
                        }
                    }
                }
            }
            if let language, ["en", "vi", "fr", "ru"].contains(language) {
                XCTAssertGreaterThan(fast, 0, "no line height read from the font in \(language)")
            }
        }
        // Latin and Cyrillic: every one read from the font; Chinese, Japanese, Arabic: none.
        XCTAssertEqual(fast, 6 * 3 * sizes.count * 2)
        XCTAssertEqual(left, 3 * 3 * sizes.count * 2)
        pango_context_set_language(pango.context, nil)
    }
}
