import CPangoCairo
@testable import DespatchRender
import Foundation
import XCTest

/// `WordShaper` shapes a word with HarfBuzz itself; the glyph string must be the one
/// `pango_shape_with_flags` makes of the same word, glyph for glyph, and a word it cannot
/// shape as Pango would must be left to Pango.
final class WordShaperTests: XCTestCase {
    private var sawOffsets = false

    /// Every word of the samples and some of other scripts, in the document's faces, with and
    /// without a language.
    func testEveryWordIsShapedAsPangoShapesIt() throws {
        let pango = try PangoEnvironment(fonts: FontLibrary(directory: Repo.fonts))
        var words = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: Repo.samples) where file.hasSuffix(".txt") {
            let text = try String(contentsOfFile: Repo.samples + "/" + file, encoding: .utf8)
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) { words.insert(String(word)) }
        }
        words.formUnion(["Nguyễn", "Phú", "Trọng", "đối", "ngoại", "Лавров", "Москва", "coöperation", "ﬁnal", "office", "AV", "To", "Wa",
                         "hy\u{AD}phen\u{AD}ation", "U+2010‐dash", "“quoted”", "1,234.5", "naïve",
                         // Decomposed marks, which the font positions (offsets in both directions).
                         "Vie\u{0323}\u{0302}t", "Nguye\u{0302}\u{0303}n", "a\u{0300}\u{0323}", "o\u{031B}\u{0301}", "i\u{0306}\u{0301}"])
        XCTAssertFalse(words.isEmpty, "the samples were read")
        let shaper = WordShaper()
        var compared = 0
        for (family, size) in [("Noto Serif", 10.0), ("Noto Sans", 8.5), ("Noto Serif", 13.2)] {
            for (bold, italic) in [(false, false), (true, false), (false, true)] {
                for language in [nil, "en", "vi"] as [String?] {
                    let description = FontDescription(family: family, size: size, bold: bold, italic: italic)
                    for word in words.sorted() {
                        compared += try compare(word, description, language, pango, shaper)
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, words.count * 20, "most words were shaped by the word shaper")
        XCTAssertEqual(shaper.shaped, compared)
        XCTAssertTrue(sawOffsets, "no word had a glyph moved up or down: the offsets went untested")
    }

    /// A word the font lacks a character of, and a right-to-left one, go to Pango.
    func testWhatItCannotShapeAsPangoGoesToPango() throws {
        let pango = try PangoEnvironment(fonts: FontLibrary(directory: Repo.fonts))
        let shaper = WordShaper()
        let serif = FontDescription(family: "Noto Serif", size: 10)
        XCTAssertEqual(try compare("abc", serif, nil, pango, shaper), 1)
        let before = shaper.leftToPango
        try withItem("abc", serif, nil, pango) { item in
            // Noto Serif has no glyph for these: forced onto the Latin item's font.
            let text = "中国"
            let glyphs = pango_glyph_string_new()!
            defer { pango_glyph_string_free(glyphs) }
            XCTAssertFalse(text.withCString { shaper.shape($0, length: Int32(text.utf8.count), analysis: &item.pointee.analysis, into: glyphs, flags: PANGO_SHAPE_NONE) })
            var rtl = item.pointee.analysis
            rtl.level = 1
            XCTAssertFalse("abc".withCString { shaper.shape($0, length: 3, analysis: &rtl, into: glyphs, flags: PANGO_SHAPE_NONE) })
            XCTAssertFalse("abc".withCString { shaper.shape($0, length: 3, analysis: &item.pointee.analysis, into: glyphs, flags: PANGO_SHAPE_ROUND_POSITIONS) })
        }
        XCTAssertEqual(shaper.leftToPango, before + 3)
    }

    /// Itemizes `word` in `description` (and `language`) and hands its only item to `body`;
    /// nothing when Pango makes more than one item of it (a fallback font for some of it).
    private func withItem(_ word: String, _ description: FontDescription, _ language: String?, _ pango: PangoEnvironment,
                          _ body: (UnsafeMutablePointer<PangoItem>) throws -> Void) throws {
        let attributes = pango_attr_list_new()!
        defer { pango_attr_list_unref(attributes) }
        pango_attr_list_insert(attributes, pango_attr_font_desc_new(description.pointer))
        if let language { pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language))) }
        try word.withCString { text in
            guard let list = pango_itemize(pango.context, text, 0, Int32(word.utf8.count), attributes, nil) else { return }
            defer { g_list_free_full(list) { pango_item_free($0?.assumingMemoryBound(to: PangoItem.self)) } }
            guard g_list_length(list) == 1, let item = list.pointee.data?.assumingMemoryBound(to: PangoItem.self) else { return }
            try body(item)
        }
    }

    /// 1 when the word shaper shaped `word` exactly as Pango did, 0 when it left it to Pango
    /// (or Pango made several items of it); fails the test when the two differ.
    private func compare(_ word: String, _ description: FontDescription, _ language: String?,
                         _ pango: PangoEnvironment, _ shaper: WordShaper) throws -> Int {
        var result = 0
        try withItem(word, description, language, pango) { item in
            let length = Int32(word.utf8.count)
            let theirs = pango_glyph_string_new()!, ours = pango_glyph_string_new()!
            defer { pango_glyph_string_free(theirs); pango_glyph_string_free(ours) }
            word.withCString { text in
                pango_shape_with_flags(text, length, text, length, &item.pointee.analysis, theirs, PANGO_SHAPE_NONE)
            }
            let shaped = word.withCString { shaper.shape($0, length: length, analysis: &item.pointee.analysis, into: ours, flags: PANGO_SHAPE_NONE) }
            guard shaped else { return }
            if glyphs(theirs).contains(where: { $0[3] != 0 }) { sawOffsets = true }
            XCTAssertEqual(glyphs(ours), glyphs(theirs), "\(word) in \(String(cString: pango_font_description_to_string(description.pointer))) \(language ?? "-")")
            result = 1
        }
        return result
    }

    /// Every glyph: id, width, offsets, cluster start, colour, and its cluster.
    private func glyphs(_ string: UnsafeMutablePointer<PangoGlyphString>) -> [[Int64]] {
        let s = string.pointee
        return (0..<Int(s.num_glyphs)).map { i in
            let g = s.glyphs[i]
            return [Int64(g.glyph), Int64(g.geometry.width), Int64(g.geometry.x_offset), Int64(g.geometry.y_offset),
                    Int64(g.attr.is_cluster_start), Int64(g.attr.is_color), Int64(s.log_clusters[i])]
        }
    }
}
