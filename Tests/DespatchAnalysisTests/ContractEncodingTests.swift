import DespatchAnalysis
@testable import DespatchModel
import Foundation
import XCTest

/// The model writes the contract's nullable fields itself (`Digest+ContractEncoding.swift`),
/// so a field added to one of these types must be added there too: these tests fail when an
/// encoding leaves out a key, with its optionals empty or filled.
final class ContractEncodingTests: XCTestCase {
    func keys<T: Encodable>(_ value: T) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        return Set(try XCTUnwrap(object).keys)
    }

    func testEveryKeyIsWrittenAndNullablesAreNull() throws {
        let empty = ArticleDigest(file: "a.txt", title: "A")
        XCTAssertEqual(try keys(empty), Set(ArticleDigest.CodingKeys.allCases.map(\.rawValue)))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(empty)) as? [String: Any])
        for k in ["date", "date_source", "source", "language", "url"] { XCTAssertTrue(object[k] is NSNull, k) }

        let reaction = Reaction(speaker: nil, role: nil, countryOrOrg: nil, stance: .neutral, gist: "g", evidence: [],
                                related: false, reportingVerb: nil)
        XCTAssertEqual(try keys(reaction), Set(Reaction.CodingKeys.allCases.map(\.rawValue)))
        XCTAssertEqual(try keys(Official(name: "N", role: nil)), Set(Official.CodingKeys.allCases.map(\.rawValue)))
        XCTAssertEqual(try keys(TaskList(label: "L", statedCount: nil, items: [])), Set(TaskList.CodingKeys.allCases.map(\.rawValue)))
        // `labels` is optional outside the contract and left out when absent.
        let theme = CorpusTheme(id: "t", label: "T", articles: [], variants: [], evidence: nil, score: 0, labels: ["vi": "V"])
        XCTAssertEqual(try keys(theme), Set(CorpusTheme.CodingKeys.allCases.map(\.rawValue)))
    }

    /// `analyze --json` writes NFC even when a string of the model is not (Swift's `==` on
    /// strings cannot see the difference, so the bytes are compared).
    func testTheJSONIsComposedEvenWhenTheModelIsNot() throws {
        let decomposed = "Vie\u{0302}\u{0323}t Nam ☕"
        let digest = Digest(generator: "test", articles: [ArticleDigest(file: "a.txt", title: decomposed)])
        let json = try DigestJSON.encode(digest)
        XCTAssertNotNil(json.range(of: Data("Vi\u{1EC7}t Nam ☕".utf8)), "the title is written composed")
        XCTAssertNil(json.range(of: Data("e\u{0302}".utf8)), "no decomposed letter is left")
    }

    func testFilledValuesRoundTrip() throws {
        let article = ArticleDigest(file: "a.txt", title: "A", date: "2026-01-28", dateSource: "front-matter", source: "VNA",
                                    language: "en", url: "https://example.org/a", summary: ["s"],
                                    reactions: [Reaction(speaker: "X", role: "Ambassador", countryOrOrg: "Y", stance: .positive,
                                                         gist: "g", evidence: ["e"], related: true, reportingVerb: "said")],
                                    taskLists: [TaskList(label: "L", statedCount: 3, items: ["a", "b", "c"])])
        let back = try JSONDecoder().decode(ArticleDigest.self, from: JSONEncoder().encode(article))
        XCTAssertEqual(back.date, "2026-01-28")
        XCTAssertEqual(back.dateSource, "front-matter")
        XCTAssertEqual(back.url, "https://example.org/a")
        XCTAssertEqual(back.reactions, article.reactions)
        XCTAssertEqual(back.taskLists, article.taskLists)
    }
}
