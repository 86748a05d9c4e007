import DespatchApp
@testable import DespatchRender
import Foundation
import XCTest

/// The shaper's glyph runs go to `cairo_show_text_glyphs` without Pango's renderer
/// (`GlyphRunWriter`). The arrays must be Pango's to the value, so every render is the same to
/// the byte either way, and what the writer does not handle (right-to-left runs, a missing
/// glyph's hex box) must still be drawn, by Pango.
final class GlyphRunWriterTests: XCTestCase {
    override func tearDown() { GlyphRunWriter.enabledByDefault = true }

    func render(_ input: String, layout: String, direct: Bool) throws -> Data {
        GlyphRunWriter.enabledByDefault = direct
        defer { GlyphRunWriter.enabledByDefault = true }
        return try SampleRender.render(layout, label: "glyph-writer-\(direct)", input: input).pdf
    }

    func testEveryShippedLayoutIsTheSameToTheByte() throws {
        for layout in ["default", "ambassador-desk", "fr-briefing", "newsletter", "vi-briefing", "executive"] {
            let before = GlyphRunWriter.counts.drawn
            let direct = try render(Repo.samples, layout: layout, direct: true)
            XCTAssertGreaterThan(GlyphRunWriter.counts.drawn - before, 50, "\(layout): the writer drew almost nothing")
            let pango = try render(Repo.samples, layout: layout, direct: false)
            XCTAssertGreaterThan(direct.count, 10_000, layout)
            XCTAssertEqual(direct, pango, "\(layout): drawing without Pango's renderer changed the PDF")
        }
    }

    /// Arabic and Hebrew (right to left: their paragraphs are a PangoLayout's, the writer
    /// declines such runs in any case), CJK, Cyrillic, Greek, emoji: the same PDF.
    func testEveryScriptIsTheSameToTheByte() throws {
        let folder = try Repo.temporaryFolder("glyph-writer-scripts")
        let fixture = Repo.root + "/Tests/DespatchRenderTests/Fixtures/scripts.txt"
        try FileManager.default.copyItem(atPath: fixture, toPath: folder + "/scripts.txt")
        try """
        ---
        title: Envoys write from Cairo and Jerusalem
        outlet: Test Wire
        date: 2026-01-28
        ---
        The Egyptian ambassador wrote "السفير المصري يهنئ فيتنام بنجاح المؤتمر" and the Israeli envoy "השגריר בירך את וייטנאם על הצלחת הקונגרס" on the same day.
        """.write(toFile: folder + "/rtl.txt", atomically: true, encoding: .utf8)
        let before = GlyphRunWriter.counts
        let direct = try render(folder, layout: "default", direct: true)
        XCTAssertGreaterThan(GlyphRunWriter.counts.drawn, before.drawn)
        XCTAssertEqual(direct, try render(folder, layout: "default", direct: false))
    }

    /// The previews too: an image surface takes the same glyphs (cairo draws them without the
    /// text), so every page's PNG is the same either way.
    func testThePreviewsAreTheSame() throws {
        var pages: [Bool: [Data]] = [:]
        for direct in [true, false] {
            GlyphRunWriter.enabledByDefault = direct
            defer { GlyphRunWriter.enabledByDefault = true }
            let folder = try Repo.temporaryFolder("glyph-writer-png-\(direct)")
            _ = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: "newsletter", output: folder + "/out.pdf",
                                                    options: RenderOptions(pngDirectory: folder + "/png", pngScale: 0.5))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/png").sorted()
            pages[direct] = try files.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/png/" + $0)) }
        }
        XCTAssertGreaterThan(pages[true]?.count ?? 0, 3)
        XCTAssertEqual(pages[true], pages[false], "drawing without Pango's renderer changed a preview")
    }

    /// A character no font has: Pango's hex box, the same either way.
    func testAMissingGlyphIsLeftToPango() throws {
        let folder = try Repo.temporaryFolder("glyph-writer-missing")
        let input = folder + "/ethiopic.txt"
        try "---\ntitle: Greeting\n---\nThe envoy said ሰላም to the hosts, and much else besides that ran on.\n"
            .write(toFile: input, atomically: true, encoding: .utf8)
        let before = GlyphRunWriter.counts.leftToPango
        let direct = try render(input, layout: "default", direct: true)
        XCTAssertGreaterThan(GlyphRunWriter.counts.leftToPango, before, "the line with the missing glyph went to Pango")
        XCTAssertEqual(direct, try render(input, layout: "default", direct: false))
    }
}
