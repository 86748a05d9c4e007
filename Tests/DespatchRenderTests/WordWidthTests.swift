@testable import DespatchRender
import XCTest

/// A table measures the longest words of its columns (`RenderContext.wordWidth`) through the
/// paragraph shaper instead of a PangoLayout of each word: the widths must be the layout's.
final class WordWidthTests: XCTestCase {
    func testWordWidthsAreThoseOfAOneLineLayout() throws {
        let renderer = try Synthetic.renderer()
        let fast = RenderContext(pango: renderer.pango, hyphenator: nil)
        let words: [StyledRun] = [
            StyledRun("Congratulations"), StyledRun("international", bold: true), StyledRun("office", italic: true),
            StyledRun("Việt"), StyledRun("Nguyễn", bold: true), StyledRun("Tô Lâm", language: "vi"), StyledRun("Lavrov", language: "ru"),
            StyledRun("Лавров"), StyledRun("affiliated"), StyledRun("(UNDP)"), StyledRun("2026"), StyledRun("co-operation"),
            StyledRun("ambassador’s"), StyledRun("Ω≈"), StyledRun("中国"), StyledRun("x"),
        ]
        let styles = [TextStyle(family: "Noto Sans", size: 8, alignment: .left),
                      TextStyle(family: "Noto Serif", size: 8.5, alignment: .justify).with { $0.hangingIndent = 6 },
                      TextStyle(family: "Noto Sans", size: 10.5, bold: true, alignment: .center)]
        var byShaper = 0
        for style in styles {
            for word in words {
                let measured = fast.wordWidth(word, style: style)
                let expected = fast.layout([word], style: style, width: nil).size.width
                XCTAssertEqual(measured, expected, "\(word.text) in \(style.family) \(style.size)")
                XCTAssertGreaterThan(measured, 0)
                if let shaped = fast.shapedWordWidth(word, style: style) {
                    XCTAssertEqual(shaped, expected, word.text)
                    byShaper += 1
                }
            }
        }
        // Every word but the Chinese one (a fallback font: the shaper leaves it to Pango).
        XCTAssertGreaterThanOrEqual(byShaper, styles.count * (words.count - 1))
        // The same words through Pango alone (DESPATCH_PANGO_LINES): the same widths.
        let pango = RenderContext(pango: renderer.pango, hyphenator: nil)
        pango.usesPangoLines = true
        for style in styles {
            for word in words {
                XCTAssertEqual(pango.wordWidth(word, style: style), fast.wordWidth(word, style: style), word.text)
                XCTAssertNil(pango.shapedWordWidth(word, style: style))
            }
        }
    }
}
