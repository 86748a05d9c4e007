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

    /// A dictionary of our own: directives, a comment, blank lines, CRLF endings. Liang's
    /// rule: the highest value any matching pattern puts between two letters wins, and an odd
    /// one allows a break there ("1ba" allows one before "ba", "b2ab" forbids one inside
    /// "bab"), with LEFTHYPHENMIN and RIGHTHYPHENMIN letters kept whole at the word's ends.
    func testADictionaryOfItsOwnIsReadAndApplied() throws {
        var lines = ["UTF-8", "% a comment", "", "LEFTHYPHENMIN 1", "RIGHTHYPHENMIN 2", "1ba", "b2ab"]
        let filler = Array("qwxz".utf8)
        for a in filler { for b in filler { for c in filler { for d in filler {
            lines.append(String(decoding: [a, b, c, d], as: UTF8.self) + "1")
        } } } }
        let path = try Repo.temporaryFolder("hyphen-dictionary") + "/hyph_test.dic"
        try ("\r\n" + lines.joined(separator: "\r\n") + "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let h = try XCTUnwrap(PatternHyphenator(dictionaryPath: path))
        XCTAssertEqual(h.hyphenate("abab"), "a\u{AD}bab")      // not before the second b: two letters are kept at the end
        XCTAssertEqual(h.hyphenate("aba"), "a\u{AD}ba")
        XCTAssertEqual(h.hyphenate("qwxzqq"), "qwxz\u{AD}qq")  // "qwxz1"; "wxzq1" would leave one letter
        XCTAssertEqual(h.hyphenate("qwxzq"), "qwxzq")
        XCTAssertNil(PatternHyphenator(dictionaryPath: path + ".missing"))
    }

    /// The pattern table grows from its first size without losing an entry.
    func testThePatternTableKeepsEveryEntryAsItGrows() {
        var table = PatternTable(capacity: 1)
        for k in 1...5_000 as ClosedRange<UInt64> {
            let key = k &* 0x9E37_79B9_7F4A_7C15
            if k % 3 == 0 { table.markBeginning(key) }
            table.setPattern(key, UInt32(k))
        }
        for k in 1...5_000 as ClosedRange<UInt64> {
            let key = k &* 0x9E37_79B9_7F4A_7C15
            XCTAssertEqual(table[key], UInt32(k + 1) << 1 | (k % 3 == 0 ? 1 : 0))
        }
        XCTAssertNil(table[0x1234_5678])
    }

    /// The table built at once from a dictionary's letters is the one `markBeginning` and
    /// `setPattern` make pattern by pattern, also when the patterns have more distinct
    /// beginnings than its first size allows (it is made again, larger).
    func testThePatternTableBuiltAtOnceIsTheOneBuiltPatternByPattern() {
        var state: UInt64 = 42  // a fixed sequence of letters (a linear congruential generator)
        var letters: [UInt8] = [], starts: [Int32] = [0]
        for _ in 0..<400 {  // 4,000 letters, nearly every beginning distinct: more than a third
            for _ in 0..<10 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                letters.append(0x61 + UInt8(state >> 59 % 26))
            }
            starts.append(Int32(letters.count))
        }
        letters += Array("abc".utf8) + Array("ab".utf8)  // a pattern that is another's beginning, and a repeat
        starts += [Int32(letters.count - 2), Int32(letters.count)]
        let built = PatternTable(letters: letters, starts: starts)
        var reference = PatternTable(capacity: 1)
        var keys: [UInt64] = []
        func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 } }
        for k in 0..<(starts.count - 1) {
            let from = Int(starts[k]), to = Int(starts[k + 1])
            for end in (from + 1)..<to { reference.markBeginning(fnv(letters[from..<end])); keys.append(fnv(letters[from..<end])) }
            reference.setPattern(fnv(letters[from..<to]), UInt32(k))
            keys.append(fnv(letters[from..<to]))
        }
        XCTAssertGreaterThan(Set(keys).count, letters.count / 3)
        for key in keys { XCTAssertEqual(built[key], reference[key]) }
        XCTAssertEqual(built[fnv(Array("ab".utf8)[...])], UInt32(starts.count - 2 + 1) << 1 | 1)  // the later index, and a beginning of "abc"
        XCTAssertNil(built[fnv(Array("zzzzzzzzzzzz".utf8)[...])])
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
