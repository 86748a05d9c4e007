@testable import DespatchRender
import XCTest

final class HyphenationTests: XCTestCase {
    func hyphenator() throws -> Hyphenator {
        try XCTUnwrap(HyphenatorLoader.shared(for: "en"), "install Debian's hyphen-en-us (make deps)")
    }

    func testEnglishWordsGetSoftHyphensFromThePatterns() throws {
        let h = try hyphenator()
        XCTAssertEqual(h.hyphenate("hyphenation"), "hy\u{AD}phen\u{AD}ation")
        XCTAssertEqual(h.hyphenate("the diplomatic service").replacingOccurrences(of: "\u{AD}", with: ""), "the diplomatic service")
        XCTAssertTrue(h.hyphenate("international").contains("\u{AD}"))
    }

    func testNamesShortWordsAndLigaturesAreLeftWhole() throws {
        let h = try hyphenator()
        XCTAssertEqual(h.hyphenate("Vietnam"), "Vietnam")
        XCTAssertEqual(h.hyphenate("the cat"), "the cat")
        XCTAssertFalse(h.hyphenate("official").contains("f\u{AD}f"))
        XCTAssertFalse(h.hyphenate("official").contains("f\u{AD}i"))
        XCTAssertEqual(h.hyphenate("Lê Hoài Trung"), "Lê Hoài Trung")
    }

    func testNoHyphenatorForVietnamese() {
        XCTAssertNil(HyphenatorLoader.shared(for: "vi"))
    }

    /// Article text carries its article's language: only English runs get English patterns,
    /// and every run gets its language for Pango's line breaking.
    func testOnlyEnglishRunsAreHyphenatedInAnEnglishLayout() throws {
        let pango = try PangoEnvironment(fonts: FontLibrary(directory: Repo.fonts))
        let context = RenderContext(pango: pango, hyphenator: try hyphenator())
        let style = TextStyle(family: "Noto Serif", size: 10, hyphenate: true)
        let words = "international cooperation"
        let english = context.layout([StyledRun(words, language: "en")], style: style, width: 200).text
        let unknown = context.layout([StyledRun(words)], style: style, width: 200).text
        let vietnamese = context.layout([StyledRun(words, language: "vi")], style: style, width: 200).text
        XCTAssertTrue(english.contains("\u{AD}"), english)
        XCTAssertTrue(unknown.contains("\u{AD}"), "no language given: the layout's")
        XCTAssertEqual(vietnamese, words, "no English patterns on text in another language")
    }
}
