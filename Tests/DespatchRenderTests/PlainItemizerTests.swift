import CPangoCairo
import DespatchApp
@testable import DespatchRender
import Foundation
import XCTest

/// Plain Latin paragraphs take their items from `PlainItemizer` instead of `pango_itemize`.
/// The items must be Pango's to the field (font, script, language, offsets, flags), and a
/// paragraph the shortcut cannot answer for exactly must go to Pango.
final class PlainItemizerTests: XCTestCase {
    override func tearDown() {
        PlainItemizer.verifiesByDefault = false
        ParagraphShaper.plainItemsByDefault = true
    }

    func sampleRender(_ layout: String, plain: Bool) throws -> (pdf: Data, report: RenderReport) {
        ParagraphShaper.plainItemsByDefault = plain
        defer { ParagraphShaper.plainItemsByDefault = true }
        return try SampleRender.render(layout, label: "plain-items-\(plain)")
    }

    /// Every paragraph itemized here is itemized by Pango too and compared: English,
    /// Vietnamese with its language-tagged runs, French, two columns.
    func testTheItemsAreThoseOfPangoOnTheSamples() throws {
        PlainItemizer.verifiesByDefault = true
        for layout in ["default", "vi-briefing", "fr-briefing", "newsletter"] {
            let report = try sampleRender(layout, plain: true).report
            XCTAssertGreaterThan(report.plainItems, 100, "\(layout): the shortcut itemized almost nothing")
            XCTAssertEqual(report.plainItemsVerified, report.plainItems, layout)
            XCTAssertEqual(report.plainItemsDiffering, 0, "\(layout): items that differ from pango_itemize's")
        }
    }

    func testTheSamplesAreTheSameWithAndWithoutTheShortcut() throws {
        for layout in ["default", "vi-briefing"] {
            let with = try sampleRender(layout, plain: true)
            let without = try sampleRender(layout, plain: false)
            XCTAssertEqual(without.report.plainItems, 0)
            XCTAssertGreaterThan(with.report.plainItems, 100)
            XCTAssertEqual(with.pdf, without.pdf, "\(layout): the shortcut changed the PDF")
        }
    }

    /// Styled runs (bold, italic, a language), spaces at a run's edge, text with no letter:
    /// the same items as Pango's. Other scripts, signs Pango sets apart (©, ×) and characters
    /// no font of the style has go to Pango.
    func testRunsAndTheTextsItLeavesToPango() throws {
        let renderer = try Synthetic.renderer()
        let itemizer = PlainItemizer(context: renderer.pango.context)
        let font = FontDescription(family: "Noto Serif", size: 10)
        typealias Run = PreparedText.Run
        func items(_ text: String, _ runs: [Run] = []) -> [UnsafeMutablePointer<PangoItem>]? {
            var chars = Array(text.utf8CString)
            return chars.withUnsafeMutableBufferPointer { b in
                itemizer.items(b.baseAddress!, length: b.count - 1, runs: runs, font: font, fontKey: "Noto Serif|10")
            }
        }
        func pango(_ text: String, _ runs: [Run]) -> [UnsafeMutablePointer<PangoItem>] {
            var chars = Array(text.utf8CString)
            return chars.withUnsafeMutableBufferPointer { b in
                ParagraphShaper.pangoItems(b.baseAddress!, length: Int32(b.count - 1), runs: runs, font: font,
                                           context: renderer.pango.context)
            }
        }
        /// The run over the first occurrence of `part` in `text` (UTF-8 bytes).
        func run(_ part: String, in text: String, bold: Bool = false, italic: Bool = false, color: RGB? = nil,
                 language: String? = nil) -> Run {
            let r = text.range(of: part)!
            let a = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            return Run(range: a..<(a + part.utf8.count), bold: bold, italic: italic, color: color, language: language)
        }
        let vietnamese = "The Prime Minister met the envoy of Việt Nam, “a partner” — in Hà Nội."
        let spaced = "  Leading spaces, a soft\u{AD}hyphen and trailing spaces  "
        let adjacent = "Bold then plain then italic"
        let colour = "A colour alone is no attribute"
        let cases: [(String, [Run])] = [
            ("The delegations discussed maritime cooperation.", []),
            (vietnamese, [run("Prime", in: vietnamese, bold: true), run("Việt Nam, “a partner”", in: vietnamese, italic: true, language: "vi")]),
            (spaced, [run("  Leading ", in: spaced, bold: true)]),
            ("2026 – 12.5 % (No. 59)", []),
            ("2º – 3ª", []),  // no letter but ª and º, which are of the Latin script
            (adjacent, [run("Bold", in: adjacent, bold: true), run(" then", in: adjacent, bold: true), run("italic", in: adjacent, italic: true)]),
            (colour, [run("colour", in: colour, color: RGB(1, 0, 0))]),
        ]
        for (text, runs) in cases {
            let mine = try XCTUnwrap(items(text, runs), text)
            let theirs = pango(text, runs)
            itemizer.verify(mine, against: theirs)
            XCTAssertEqual(mine.map(\.pointee.offset), theirs.map(\.pointee.offset), text)
            for item in mine + theirs { pango_item_free(item) }
        }
        XCTAssertEqual(itemizer.verified, cases.count)
        XCTAssertEqual(itemizer.differing, 0, "items that differ from pango_itemize's")
        for text in ["Владимир Путин", "習近平 met the delegation", "שלום", "© 2026 VNA", "3 × 4", "Tab\there", "Emoji 😀"] {
            XCTAssertNil(items(text), "\(text): should be left to Pango")
        }
    }
}
