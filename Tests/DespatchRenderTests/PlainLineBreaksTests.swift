import CPangoCairo
import DespatchApp
import DespatchSynthetic
@testable import DespatchRender
import Foundation
import XCTest

/// The first fit's break opportunities for plain Latin text come from `PlainLineBreaks`
/// instead of `pango_get_log_attrs`. Every field the first fit reads must be Pango's, and a
/// text the shortcut does not handle must go to Pango.
final class PlainLineBreaksTests: XCTestCase {
    override func tearDown() {
        ParagraphShaper.plainBreaksByDefault = true
        ParagraphShaper.verifiesPlainBreaksByDefault = false
    }

    /// One character of each kind the shortcut handles, several where a kind has members that
    /// Pango might tell apart (letters of each block, the quotes).
    static let representatives = ["a", "Z", "ế", "đ", "À", "ơ", "1", " ", "\u{A0}", "\u{2002}", "\u{2028}", "\u{AD}", "–", "—",
                                  "’", "‘", "“", "”", "\"", "'", "•", "…", "(", ")", "[", "]", ",", ".", ":", ";", "-", "/", "!", "?",
                                  "%", "$", "&", "_"]

    func pango(_ text: String, language: String = "en") -> [PangoLogAttr] {
        var text = text
        return text.withUTF8 { bytes in
            let count = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
            var attrs = [PangoLogAttr](repeating: PangoLogAttr(), count: count + 1)
            bytes.withMemoryRebound(to: CChar.self) { chars in
                pango_get_log_attrs(chars.baseAddress, Int32(chars.count), -1, pango_language_from_string(language),
                                    &attrs, Int32(count + 1))
            }
            return attrs
        }
    }

    func plain(_ text: String) -> [PangoLogAttr]? {
        var text = text
        return text.withUTF8 { PlainLineBreaks.attributes($0) }
    }

    /// Compares one text; true when the shortcut handled it.
    @discardableResult
    func check(_ text: String, language: String = "en", file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let made = plain(text) else { return false }
        let expected = pango(text, language: language)
        if !ParagraphShaper.sameBreakOpportunities(made, expected) {
            let at = zip(made, expected).enumerated().first { !ParagraphShaper.sameBreakOpportunities([$0.element.0], [$0.element.1]) }?.offset
            XCTFail("\(text.debugDescription) (\(language)): differs from Pango at character \(at.map(String.init) ?? "?")", file: file, line: line)
        }
        return true
    }

    /// Every string of one to three representatives: each pair of classes, with each left and
    /// right neighbour (UAX #14's rules look that far, but for runs of spaces and numbers).
    func testEveryShortStringIsBrokenAsPangoBreaksIt() {
        let reps = Self.representatives
        var handled = 0
        for a in reps {
            if check(a) { handled += 1 }
            for b in reps {
                if check(a + b) { handled += 1 }
                for c in reps where check(a + b + c) { handled += 1 }
            }
        }
        // All but those with a soft hyphen not between two letters.
        XCTAssertGreaterThan(handled, 30_000)
    }

    func testVietnameseAndFrenchTextAsPangoBreaksIt() {
        for language in ["vi", "fr"] {
            for a in Self.representatives {
                for b in Self.representatives { check("a" + a + b + "1", language: language) }
            }
        }
        XCTAssertTrue(check("Đại sứ Nguyễn Văn A – “chúc mừng” thành công (2026), 1.500 đại biểu…", language: "vi"))
        XCTAssertTrue(check("L’ambassadeur a salué l’autonomie – oui : le 14e congrès !", language: "fr"))
    }

    /// Long random strings: runs of spaces, numbers with separators, quotes before brackets.
    func testLongRandomStringsAsPangoBreaksThem() {
        var generator = SeededGenerator(seed: 0x5EED)
        let reps = Self.representatives
        var handled = 0
        for _ in 0..<20_000 {
            let length = generator.int(6...40)
            let text = (0..<length).map { _ in generator.pick(reps) }.joined()
            if check(text) { handled += 1 }
        }
        XCTAssertGreaterThan(handled, 2_000)
        for text in ["1,000,000.50% of $3.5bn (2026)", "up  to   three    spaces", "“quoted” (bracketed) ‘single’", "a—b — c ——d",
                     "hy\u{AD}phen\u{AD}at\u{AD}ed words", "ten-year 2026–2030 plan/strategy", "A\u{2028}B\u{2028}\u{2028}C", "x\u{2002}y"] {
            XCTAssertTrue(check(text), text)
        }
    }

    /// What the shortcut leaves to Pango: other scripts, combining marks, signs outside its
    /// list, a soft hyphen that is not between letters, no text.
    func testTextsLeftToPango() {
        XCTAssertTrue(PlainLineBreaks.matchesPango, "the rules were checked against Pango \(PlainLineBreaks.checkedPangoVersion), not \(pango_version())")
        // A lead byte without its continuation bytes is not a character.
        let broken: [UInt8] = [0x61, 0xC3, 0x41, 0x62]
        XCTAssertNil(broken.withUnsafeBufferPointer { PlainLineBreaks.attributes($0) })
        for text in ["", "Москва", "東京", "e\u{301}", "© 2026", "3 × 4", "tab\there", "«guillemets»", "\u{AD}start",
                     "end\u{AD}", "a\u{AD}1", "emoji 🙂"] {
            XCTAssertNil(plain(text), text.debugDescription)
        }
    }

    func sampleRender(_ layout: String, plainBreaks: Bool, verify: Bool = false) throws -> (pdf: Data, report: RenderReport) {
        ParagraphShaper.plainBreaksByDefault = plainBreaks
        ParagraphShaper.verifiesPlainBreaksByDefault = verify
        defer {
            ParagraphShaper.plainBreaksByDefault = true
            ParagraphShaper.verifiesPlainBreaksByDefault = false
        }
        return try SampleRender.render(layout, label: "plain-breaks-\(plainBreaks)")
    }

    /// Every paragraph of the samples' digests broken over the shortcut is analysed by Pango too.
    func testTheSamplesBreakOpportunitiesAreThoseOfPango() throws {
        for layout in ["default", "vi-briefing", "fr-briefing", "newsletter"] {
            let report = try sampleRender(layout, plainBreaks: true, verify: true).report
            XCTAssertGreaterThan(report.plainBreaks, 80, "\(layout): the shortcut broke almost nothing")
            XCTAssertEqual(report.plainBreaksVerified, report.plainBreaks, layout)
            XCTAssertEqual(report.plainBreaksDiffering, 0, "\(layout): break opportunities that differ from Pango's")
        }
    }

    func testTheSamplesAreTheSameWithAndWithoutTheShortcut() throws {
        for layout in ["default", "vi-briefing"] {
            let with = try sampleRender(layout, plainBreaks: true)
            let without = try sampleRender(layout, plainBreaks: false)
            XCTAssertEqual(without.report.plainBreaks, 0)
            XCTAssertGreaterThan(with.report.plainBreaks, 100)
            XCTAssertEqual(with.pdf, without.pdf, "\(layout): the shortcut changed the PDF")
        }
    }
}
