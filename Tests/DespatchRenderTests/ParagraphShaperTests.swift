@testable import DespatchRender
import Foundation
import XCTest

/// The paragraph shaper breaks lines itself over Pango's glyphs. It must measure as Pango's
/// own layout does (the same vertical metrics, nearly always the same breaks), keep every
/// line within its width, and leave to a PangoLayout what it does not handle. One deliberate
/// difference: a line ended by a forced break (U+2028) is not justified.
final class ParagraphShaperTests: XCTestCase {
    /// Paragraphs of the sample articles, front matter left out.
    func sampleParagraphs() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repo.samples).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.flatMap { file -> [String] in
            let text = try String(contentsOfFile: Repo.samples + "/" + file, encoding: .utf8)
            return text.components(separatedBy: "\n").filter { $0.count > 60 && !$0.contains(":") || $0.count > 200 }
        }
    }

    struct Case {
        var style: TextStyle
        var width: Double
        var runs: (String) -> [PreparedText.Run] = { _ in [] }
    }

    func testTheShaperBreaksAndMeasuresAsPangoDoes() throws {
        let renderer = try Synthetic.renderer()
        let context = RenderContext(pango: renderer.pango, hyphenator: HyphenatorLoader.shared(for: "en"))
        let paragraphs = try sampleParagraphs()
        XCTAssertFalse(paragraphs.isEmpty, "the samples were read")
        let body = TextStyle(family: "Noto Serif", size: 10, alignment: .justify, lineSpacing: 1.35, hyphenate: true)
        let cases = [
            Case(style: body, width: 300),
            Case(style: body.with { $0.alignment = .left; $0.hyphenate = false }, width: 220),
            Case(style: body.with { $0.hangingIndent = 12 }, width: 260),
            Case(style: body.with { $0.size = 8; $0.family = "Noto Sans" }, width: 90),
            Case(style: body, width: 300, runs: { text in
                // A bold start and an italic stretch: items in three faces on one line.
                func byte(_ chars: Int) -> Int { text.unicodeScalars.prefix(chars).reduce(0) { $0 + String($1).utf8.count } }
                return [PreparedText.Run(range: 0..<byte(12), bold: true, italic: false, color: nil, language: nil),
                        PreparedText.Run(range: byte(40)..<byte(90), bold: false, italic: true, color: RGB(0.6, 0.1, 0.1), language: nil)]
            }),
        ]
        var compared = 0, sameBreaks = 0, shaped = 0
        var differing: [String] = []
        for c in cases {
            for paragraph in paragraphs {
                let plain = context.prepare([StyledRun(paragraph)], style: c.style)
                let prepared = PreparedText(text: plain.text, runs: c.runs(plain.text).filter {
                    !$0.range.isEmpty && $0.range.upperBound <= plain.text.utf8.count
                })
                let ours = context.paragraph(prepared, style: c.style, width: c.width)
                let pango = context.layout(prepared, style: c.style, width: c.width)
                guard ours is BrokenParagraph else { continue }
                shaped += 1
                compared += 1
                let a = ours.lineMetrics(), b = pango.lineMetrics()
                if ours.lineStarts() == pango.lineStarts() {
                    sameBreaks += 1
                    for (x, y) in zip(a, b) {
                        XCTAssertEqual(x.top, y.top, accuracy: 0.001)
                        XCTAssertEqual(x.bottom, y.bottom, accuracy: 0.001)
                        XCTAssertEqual(x.baseline, y.baseline, accuracy: 0.001)
                        XCTAssertEqual(x.x, y.x, accuracy: 0.001)
                    }
                } else {
                    differing.append(String(paragraph.prefix(50)))
                }
                // Every line within the width (a hyphen may hang by a little, as with Pango).
                for (i, line) in a.enumerated() {
                    XCTAssertLessThanOrEqual(line.x + line.width, c.width + c.style.size * 0.3,
                                             "line \(i) of \"\(paragraph.prefix(40))…\" at \(c.width) pt")
                }
            }
        }
        print("shaper: \(compared) paragraphs compared, \(sameBreaks) broken as Pango breaks them; differing: \(differing.prefix(8))")
        XCTAssertGreaterThan(shaped, paragraphs.count * 4, "the shaper handles plain paragraphs")
        XCTAssertGreaterThanOrEqual(Double(sameBreaks), Double(compared) * 0.95,
                                    "breaks differ from Pango's in \(differing.count) of \(compared): \(differing.prefix(5))")
    }

    func testShapingWordByWordGivesTheGlyphsOfShapingWhole() throws {
        let renderer = try Synthetic.renderer()
        let context = RenderContext(pango: renderer.pango, hyphenator: HyphenatorLoader.shared(for: "en"))
        let styles = [TextStyle(family: "Noto Serif", size: 10, alignment: .justify, lineSpacing: 1.35, hyphenate: true),
                      TextStyle(family: "Noto Sans", size: 8, bold: true, alignment: .left)]
        var glyphs = 0, compared = 0
        let paragraphs = try sampleParagraphs()
        XCTAssertFalse(paragraphs.isEmpty, "the samples were read")
        for style in styles {
            for paragraph in paragraphs + ["Tô Lâm, Đại sứ Lê Hoài Trung — “chúc mừng” 14th Congress.", "Иван Петров  и Мария", "Café, naïve façade — “quotes” and 1,234.5 %"] {
                let prepared = context.prepare([StyledRun(paragraph)], style: style)
                context.shapesByWords = true
                // (A paragraph in a fallback font of other line heights goes to a PangoLayout.)
                guard let byWords = context.paragraph(prepared, style: style, width: 280) as? BrokenParagraph else { continue }
                context.shapesByWords = false
                let whole = try XCTUnwrap(context.paragraph(prepared, style: style, width: 280) as? BrokenParagraph)
                XCTAssertEqual(byWords.lineStarts(), whole.lineStarts(), String(paragraph.prefix(40)))
                XCTAssertEqual(byWords.glyphs(), whole.glyphs(), String(paragraph.prefix(40)))
                glyphs += whole.glyphs().count
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, paragraphs.count, "both styles shape most paragraphs without a PangoLayout")
        XCTAssertGreaterThan(glyphs, compared * 20)
    }

    /// A long document is paginated twice, and the second time paragraphs take their items and
    /// breaks from the first (`ParagraphShaper.knownItems`, `knownBreaks`); a hyphenated line
    /// then has only its last word's break analysis. What comes back must be what shaping
    /// afresh gives: the same lines, glyphs, advances and clusters, and the same line widths.
    func testRememberedItemsAndBreaksGiveTheLinesOfShapingAfresh() throws {
        let renderer = try Synthetic.renderer()
        let remembering = RenderContext(pango: renderer.pango, hyphenator: HyphenatorLoader.shared(for: "en"))
        let fresh = RenderContext(pango: renderer.pango, hyphenator: HyphenatorLoader.shared(for: "en"))
        fresh.remembersShaping = false
        let styles = [TextStyle(family: "Noto Serif", size: 10, alignment: .justify, lineSpacing: 1.35, hyphenate: true),
                      TextStyle(family: "Noto Sans", size: 8, bold: true, alignment: .left).with { $0.hangingIndent = 12 }]
        let paragraphs = try sampleParagraphs() + ["Tô Lâm, Đại sứ Lê Hoài Trung — “chúc mừng” 14th Congress.",
                                                   "Иван Петров  и Мария", "Café, naïve façade — “quotes” and 1,234.5 %"]
        var compared = 0, hyphenated = 0
        for style in styles {
            for paragraph in paragraphs {
                let prepared = remembering.prepare([StyledRun(paragraph)], style: style)
                for width in [180.0, 280.0] {
                    _ = remembering.paragraph(prepared, style: style, width: width)
                    guard let again = remembering.paragraph(prepared, style: style, width: width) as? BrokenParagraph,
                          let afresh = fresh.paragraph(prepared, style: style, width: width) as? BrokenParagraph else { continue }
                    let label = "\(style.family) \(width): \(paragraph.prefix(40))"
                    XCTAssertEqual(again.lineStarts(), afresh.lineStarts(), label)
                    XCTAssertEqual(again.glyphs(), afresh.glyphs(), label)
                    XCTAssertEqual(again.lineMetrics().map(\.width), afresh.lineMetrics().map(\.width), label)
                    compared += 1
                    // A line broken at a soft hyphen: the next one starts right after it.
                    let bytes = Array(prepared.text.utf8)
                    if again.lineStarts().dropFirst().contains(where: { $0 >= 2 && bytes[$0 - 2] == 0xC2 && bytes[$0 - 1] == 0xAD }) {
                        hyphenated += 1
                    }
                }
            }
        }
        let hits = remembering.rememberedShapingHits
        XCTAssertGreaterThan(compared, paragraphs.count * 2)
        XCTAssertGreaterThanOrEqual(hits.items, compared, "every second shaping took its items from the first")
        XCTAssertGreaterThan(hits.breaks, compared / 2, "and most their breaks")
        XCTAssertEqual(fresh.rememberedShapingHits.items + fresh.rememberedShapingHits.breaks, 0)
        XCTAssertGreaterThan(hyphenated, 0, "hyphenated lines were among those compared")
    }

    func testWhatTheShaperDoesNotHandleGoesToPango() throws {
        let renderer = try Synthetic.renderer()
        let context = RenderContext(pango: renderer.pango, hyphenator: nil)
        let style = TextStyle(family: "Noto Serif", size: 10, alignment: .justify)
        func kind(_ text: String, _ style: TextStyle) -> String {
            String(describing: type(of: context.paragraph(PreparedText(text: text, runs: []), style: style, width: 200)))
        }
        XCTAssertEqual(kind("An ordinary sentence of a few words that wraps onto a second line at this width.", style), "BrokenParagraph")
        XCTAssertEqual(kind("A line\u{2028}and a forced break.", style), "BrokenParagraph")
        XCTAssertEqual(kind("Columns\tand tabs", style), "TextLayout")
        XCTAssertEqual(kind("Two\nparagraphs", style), "TextLayout")
        XCTAssertEqual(kind("Centred text", style.with { $0.alignment = .center }), "TextLayout")
        XCTAssertEqual(kind("שלום עולם, a right-to-left name", style), "TextLayout")
        context.usesPangoLines = true
        XCTAssertEqual(kind("An ordinary sentence.", style), "TextLayout")
    }

    func testForcedBreaksEndLinesThatAreNotJustified() throws {
        let renderer = try Synthetic.renderer()
        let context = RenderContext(pango: renderer.pango, hyphenator: nil)
        let style = TextStyle(family: "Noto Serif", size: 10, alignment: .justify)
        let text = "Short line\u{2028}Another short one\u{2028}And the last"
        let ours = context.paragraph(PreparedText(text: text, runs: []), style: style, width: 300)
        let pango = context.layout(PreparedText(text: text, runs: []), style: style, width: 300)
        XCTAssertEqual(ours.lineStarts(), pango.lineStarts())
        XCTAssertEqual(ours.lineStarts().count, 3)
        // Pango's layout justifies a line ended by U+2028 across the whole width (it is not
        // the paragraph's last line); the shaper leaves it at its natural width, as TeX and
        // CSS do with a forced break.
        for (a, b) in zip(ours.lineMetrics(), pango.lineMetrics()) {
            XCTAssertLessThan(a.width, 150, "a line ended by a forced break keeps its natural width")
            XCTAssertEqual(a.top, b.top, accuracy: 0.001)
            XCTAssertEqual(a.baseline, b.baseline, accuracy: 0.001)
        }
    }

    func testOddTextIsBrokenWithoutLosingAnything() throws {
        let renderer = try Synthetic.renderer()
        let context = RenderContext(pango: renderer.pango, hyphenator: HyphenatorLoader.shared(for: "en"))
        let odd = [" ", "   ", "\u{AD}", "\u{AD}\u{AD}word\u{AD}", "\u{2028}", "a\u{2028}\u{2028}b", "\u{2028}start",
                   "x\u{0301}\u{0302} combining", "e\u{200D}f zero-width joiner", "emoji 😀 in text", "ﬁ ligature ﬁnal ﬂow",
                   String(repeating: "ж", count: 400), String(repeating: "a-b/", count: 80), "\u{00A0}\u{00A0}no-break",
                   "vertical\u{0B}tab", "ordinary words " + String(repeating: "x", count: 300) + " after"]
        for text in odd {
            for style in [TextStyle(family: "Noto Serif", size: 10, alignment: .justify, hyphenate: true),
                          TextStyle(family: "Noto Sans", size: 9, alignment: .left).with { $0.hangingIndent = 8 }] {
                let prepared = context.prepare([StyledRun(text)], style: style)
                for width in [4.0, 40, 300] {
                    let shaped = context.paragraph(prepared, style: style, width: width)
                    let starts = shaped.lineStarts()
                    let metrics = shaped.lineMetrics()
                    XCTAssertEqual(starts.first, 0, "\(text.prefix(20)) at \(width)")
                    XCTAssertEqual(starts, starts.sorted(), "lines in order: \(text.prefix(20))")
                    XCTAssertEqual(Set(starts).count, starts.count, "no empty line: \(text.prefix(20)) at \(width)")
                    XCTAssertEqual(metrics.count, starts.count)
                    XCTAssertTrue(starts.allSatisfy { $0 < max(1, prepared.text.utf8.count) }, "every line starts inside the text")
                    for (a, b) in zip(metrics, metrics.dropFirst()) { XCTAssertGreaterThan(b.top, a.top) }
                }
            }
        }
    }
}
