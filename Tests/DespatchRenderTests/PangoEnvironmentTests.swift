import CPangoCairo
@testable import DespatchRender
import XCTest

/// Pango measures a font's metrics (what the line height is made from) by laying out a sample
/// text on a context it makes from the font map, at the map's resolution, with the font's size
/// in pixels. Unless the map has the document's 72 dpi, that context asks fontconfig for every
/// font a second time, under a pattern of its own, and Pango 1.50 starts two threads for each
/// new pattern.
final class PangoEnvironmentTests: XCTestCase {
    func testTheFontMapsOwnContextsLoadTheDocumentsFonts() throws {
        let pango = try PangoEnvironment(fonts: FontLibrary(directory: Repo.fonts))
        XCTAssertEqual(pango_cairo_font_map_get_resolution(OpaquePointer(pango.fontMap)), 72)
        XCTAssertTrue(try sameFont(in: pango), "a context of the font map loads another font than the document's context")
    }

    /// The check has teeth: at the map's default resolution the fonts differ.
    func testAtTheDefaultResolutionTheyWouldDiffer() throws {
        let pango = try PangoEnvironment(fonts: FontLibrary(directory: Repo.fonts))
        pango_cairo_font_map_set_resolution(OpaquePointer(pango.fontMap), 96)
        XCTAssertFalse(try sameFont(in: pango))
    }

    /// Whether "Noto Serif 10" on the document's context is the very font object that a new
    /// context of the map (with the document's font options, as Pango gives it those of the
    /// font it measures) loads for the same font at 10 pixels.
    private func sameFont(in pango: PangoEnvironment) throws -> Bool {
        let desc = try XCTUnwrap(pango_font_description_from_string("Noto Serif 10"))
        defer { pango_font_description_free(desc) }
        let documentFont = try XCTUnwrap(pango_context_load_font(pango.context, desc))
        defer { g_object_unref(documentFont) }

        let fresh = try XCTUnwrap(pango_font_map_create_context(pango.fontMap))
        defer { g_object_unref(UnsafeMutableRawPointer(fresh)) }
        PangoEnvironment.setDocumentFontOptions(on: fresh)
        let inPixels = try XCTUnwrap(pango_font_description_copy(desc))
        defer { pango_font_description_free(inPixels) }
        pango_font_description_set_absolute_size(inPixels, 10 * Double(PANGO_SCALE))
        let metricsFont = try XCTUnwrap(pango_context_load_font(fresh, inPixels))
        defer { g_object_unref(metricsFont) }
        return documentFont == metricsFont
    }
}
