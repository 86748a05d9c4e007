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
}
