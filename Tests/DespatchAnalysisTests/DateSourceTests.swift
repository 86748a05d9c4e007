import DespatchAnalysis
import DespatchCore
import DespatchModel
import XCTest

/// Where each article's date comes from, as `date_source` reports it.
final class DateSourceTests: XCTestCase {
    func analyse(_ text: String, file: String = "a.txt") throws -> ArticleDigest {
        var warnings: [String] = []
        let article = try ArticleReader().parse(text: text, file: file, extension: "txt", warnings: &warnings)
        return try XCTUnwrap(DigestBuilder().build(Corpus(articles: [article]), generator: "test").articles.first)
    }

    let body = "The minister met the delegation and discussed cooperation in trade and investment. "
        + "Both sides agreed to meet again next year to review the progress of their joint projects."

    func testEachSourceOfADate() throws {
        let front = try analyse("---\ntitle: Talks\ndate: 2026-03-02\n---\n" + body)
        XCTAssertEqual(front.date, "2026-03-02")
        XCTAssertEqual(front.dateSource, "front-matter")

        let raw = try analyse(" date 2026-03-03 Talks in the capital. " + body)
        XCTAssertEqual(raw.date, "2026-03-03")
        XCTAssertEqual(raw.dateSource, "ingest", "the collector's date prefix")

        let dateline = try analyse("Talks in the capital\n\nNAIROBI, March 4, 2026 (Wire) – " + body)
        XCTAssertEqual(dateline.date, "2026-03-04")
        XCTAssertEqual(dateline.dateSource, "dateline")

        let text = try analyse("Talks in the capital\n\nUpdated: Thursday, March 5, 2026\n\n" + body)
        XCTAssertEqual(text.date, "2026-03-05")
        XCTAssertEqual(text.dateSource, "text", "a line that is little more than a date")

        let none = try analyse("Talks in the capital\n\n" + body + " The treaty of March 6, 2020 was recalled.")
        XCTAssertNil(none.date, "a date inside a sentence is an event, not the publication date")
        XCTAssertNil(none.dateSource)
    }
}
