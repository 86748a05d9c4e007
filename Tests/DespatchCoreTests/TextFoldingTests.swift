@testable import DespatchCore
import XCTest

/// The fold's tables are a literal generated from `slowFold` (TextFoldingTables.swift), so that
/// no run builds them through Foundation. They must stay what `slowFold` gives.
final class TextFoldingTests: XCTestCase {
    func check(_ table: [[UInt8]?], from start: UInt32, through end: UInt32, keep: (UInt32) -> Bool = { _ in true },
               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(table.count, Int(end - start + 1), file: file, line: line)
        for (i, entry) in table.enumerated() {
            let v = start + UInt32(i)
            let expected = keep(v) ? Unicode.Scalar(v).map { Array(TextFolding.slowFold(String($0)).utf8) } : nil
            XCTAssertEqual(entry, expected, "U+\(String(v, radix: 16, uppercase: true))", file: file, line: line)
        }
    }

    func testTablesAreWhatTheSlowFoldGives() {
        check(TextFolding.latinTable, from: 0x00A0, through: 0x024F)
        check(TextFolding.vietnameseTable, from: 0x1E00, through: 0x1EFF)
        check(TextFolding.punctuationTable, from: 0x2010, through: 0x2032) { $0 <= 0x2022 || $0 == 0x2032 }
    }

    /// The fold reads ASCII eight bytes at a time: every length around the word boundaries,
    /// the bytes next to A and Z ("@", "[", "`", "{"), and a letter past ASCII at every place.
    func testTheFoldEightBytesAtATimeEqualsTheSlowFold() {
        let alphabet = Array("AZaz@[`{09 -.MmQq".unicodeScalars)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var checked = 0
        for length in 0..<41 {
            for trial in 0..<30 {
                var scalars = (0..<length).map { _ in alphabet[next(alphabet.count)] }
                if trial % 3 == 1, length > 0 { scalars[next(length)] = ["é", "Đ", "ệ", "—"][next(4)] }
                let text = String(String.UnicodeScalarView(scalars))
                XCTAssertEqual(Array(TextFolding.fold(text).utf8), Array(TextFolding.slowFold(text).utf8), text)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 41 * 30)
        XCTAssertEqual(TextFolding.fold("ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{"), "abcdefghijklmnopqrstuvwxyz@[`{")
    }

    func testFoldingThroughTheTablesEqualsTheSlowFold() {
        let texts = ["Việt Nam", "Tô Lâm", "Đổi mới", "ĐẠI SỨ Nguyễn", "Çà et là, œuvre — “quoted” ‘single’", "Łódź", "Straße", "naïve café"]
        for text in texts {
            XCTAssertEqual(Array(TextFolding.fold(text).utf8), Array(TextFolding.slowFold(text).utf8), text)
        }
        XCTAssertEqual(TextFolding.fold("Việt Nam"), "viet nam")
    }

    /// The keys are joined on the bytes; they must be the folded words joined as strings.
    func testKeysAreTheFoldedWordsJoined() {
        let texts = ["Việt Nam", "  Tô Lâm, General Secretary  ", "Timor-Leste's envoy — “quoted” 10.5%", "Đà Nẵng/Hà Nội",
                     "", "   ", "中国 代表", "Élysée\u{301} ÉTAT", "a", "x-y z'w ./."]
        for text in texts {
            let words = Tokenizer.words(TextFolding.fold(text))
            XCTAssertEqual(Array(TextFolding.key(text).utf8), Array(words.joined(separator: " ").utf8), text)
            XCTAssertEqual(Array(TextFolding.compactKey(text).utf8), Array(words.joined().utf8), text)
        }
        XCTAssertEqual(TextFolding.key("  Tô Lâm, General  "), "to lam general")
    }
}
