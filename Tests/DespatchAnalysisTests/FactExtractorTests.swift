import DespatchAnalysis
import DespatchCore
import DespatchModel
import XCTest

/// Fact lines read as noun phrases around their figure, not as windows of words.
final class FactExtractorTests: XCTestCase {
    func facts(_ body: String) throws -> [String] {
        var warnings: [String] = []
        let article = try ArticleReader().parse(text: "Talks in the capital\n\n" + body, file: "a.txt", extension: "txt", warnings: &warnings)
        return try XCTUnwrap(DigestBuilder().build(Corpus(articles: [article]), generator: "test").articles.first).facts.map(\.text)
    }

    func testLeadInsAreDroppedAndPhrasesEndWhereTheyEnd() throws {
        let found = try facts("""
        The assembly also elected a 15-member council to oversee the reforms.

        He added that over 30 years of reform had transformed the economy of the country.

        The ministers recalled the treaty, including the 1991 Paris Peace Agreements on Cambodia.

        The government adopted Decree No. 17 on digital trade in the coming years with its partners.

        Both sides agreed to hold a “2+2” dialogue every year from now on between them.
        """)
        XCTAssertTrue(found.contains("15-member council"), "\(found)")
        XCTAssertTrue(found.contains("30 years of reform"), "\(found)")
        XCTAssertTrue(found.contains("1991 Paris Peace Agreements"), "the name runs to its end: \(found)")
        XCTAssertTrue(found.contains("Decree No. 17 on digital trade"), "\(found)")
        XCTAssertTrue(found.contains("“2+2” dialogue"), "\(found)")
    }

    /// A figure at the very end of a clause (this once trapped on an empty range).
    func testFigureEndingAClause() throws {
        let found = try facts("The delegates agreed that the forum will meet again with 120 members.\n\nTrade grew by 12%.")
        XCTAssertTrue(found.contains("120 members"), "\(found)")
        XCTAssertTrue(found.contains { $0.hasSuffix("12%") }, "the per cent sign stays: \(found)")
    }

    func testDatesAreNotFacts() throws {
        let found = try facts("The talks held on March 3, 2026, focused on trade and investment between the two countries.")
        XCTAssertEqual(found, [], "a date alone is not a figure worth reporting")
    }
}
