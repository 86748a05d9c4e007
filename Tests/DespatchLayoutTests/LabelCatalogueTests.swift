import DespatchLayout
import DespatchModel
import Foundation
import XCTest

final class LabelCatalogueTests: XCTestCase {
    let day = CalendarDay(year: 2026, month: 1, day: 28)!

    func testDatesPerLanguage() throws {
        XCTAssertEqual(try LabelCatalogue.load(language: "en").0.formatDate(day, style: .long), "28 January 2026")
        XCTAssertEqual(try LabelCatalogue.load(language: "vi").0.formatDate(day, style: .long), "ngày 28 tháng 1 năm 2026")
        XCTAssertEqual(try LabelCatalogue.load(language: "fr").0.formatDate(day, style: .long), "28 janvier 2026")
        XCTAssertEqual(try LabelCatalogue.load(language: "fr").0.formatDate(CalendarDay(year: 2026, month: 2, day: 1)!, style: .long), "1er février 2026")
    }

    func testEveryLanguageHasEveryEnglishKey() throws {
        let english = try LabelCatalogue.load(language: "en").0.labels
        XCTAssertGreaterThan(english.count, 80)
        for code in ["vi", "fr"] {
            let (catalogue, warnings) = try LabelCatalogue.load(language: code)
            XCTAssertEqual(Set(catalogue.labels.keys), Set(english.keys), code)
            XCTAssertTrue(warnings.isEmpty, "\(warnings)")
        }
        XCTAssertEqual(try LabelCatalogue.load(language: "vi").0("contents"), "Mục lục")
        XCTAssertEqual(try LabelCatalogue.load(language: "vi").0("reactions"), "Phản ứng quốc tế")
    }

    func testMissingKeysFallBackToEnglishWithAWarning() throws {
        let dir = NSTemporaryDirectory() + "despatch-labels-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "contents: Inhalt\nreactions: Reaktionen\n".write(toFile: dir + "/de.yaml", atomically: true, encoding: .utf8)
        let (catalogue, warnings) = try LabelCatalogue.load(language: "de", extraDirectories: [dir])
        XCTAssertEqual(catalogue("contents"), "Inhalt")
        XCTAssertEqual(catalogue("sources"), "Sources")
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains("'de'") && warnings[0].contains("English"), warnings[0])
    }

    func testUnknownLanguageIsEnglishWithAWarning() throws {
        let (catalogue, warnings) = try LabelCatalogue.load(language: "xx")
        XCTAssertEqual(catalogue("contents"), "Contents")
        XCTAssertEqual(warnings.count, 1)
    }

    func testBilingualHeadings() throws {
        var vi = try LabelCatalogue.load(language: "vi").0
        vi.secondary = try LabelCatalogue.load(language: "en").0.labels
        XCTAssertEqual(vi.heading("reactions"), "Phản ứng quốc tế / International reactions")
        XCTAssertEqual(vi("reactions"), "Phản ứng quốc tế")
    }
}
