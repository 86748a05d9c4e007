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

    func testFoldingThroughTheTablesEqualsTheSlowFold() {
        let texts = ["Việt Nam", "Tô Lâm", "Đổi mới", "ĐẠI SỨ Nguyễn", "Çà et là, œuvre — “quoted” ‘single’", "Łódź", "Straße", "naïve café"]
        for text in texts {
            XCTAssertEqual(Array(TextFolding.fold(text).utf8), Array(TextFolding.slowFold(text).utf8), text)
        }
        XCTAssertEqual(TextFolding.fold("Việt Nam"), "viet nam")
    }
}
