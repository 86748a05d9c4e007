import DespatchAnalysis
import DespatchCore
import DespatchModel
import XCTest

/// The analysis reads each article once; what needs the whole corpus (the host country, the
/// other articles' dates) is settled after that pass. These tests put the article that needs
/// it first, before the articles that decide it, and check the answer is the corpus's.
final class CorpusPassTests: XCTestCase {
    /// Names Japan more often than Kenya: alone, Japan would be its host.
    let first = Article(file: "a-first.txt", title: "Envoys on the summit", date: CalendarDay(iso: "2026-02-07"), paragraphs: [
        "Japanese Ambassador Kenji Sato congratulated Kenya on the summit. Japan will send a delegation, and Japan's ministers will follow.",
        "Kenyan Foreign Minister Otieno Mwangi said the country would host the next round.",
        "The first round was held on 7 February 2025 in Mombasa.",
        "Related news",
        "Brazilian ambassador hails the summit",
    ])
    let hostArticles = (1...2).map { n in
        Article(file: "b-host-\(n).txt", title: "Kenya summit \(n)", date: CalendarDay(iso: "2026-02-07"), paragraphs: [
            "Kenya opened the summit. Kenya welcomed delegations, and Kenyan officials met them in Nairobi.",
            "Kenya said the talks would go on.",
        ])
    }

    func testTheHostIsTheCorpusCountryEvenForTheFirstArticle() throws {
        let digest = DigestBuilder().build(Corpus(articles: [first] + hostArticles), generator: "t")
        let a = try XCTUnwrap(digest.articles.first { $0.file == first.file })
        let body = a.reactions.filter { !$0.related }
        XCTAssertEqual(body.map(\.speaker), ["Kenji Sato"])
        XCTAssertEqual(body.first?.countryOrOrg, "Japan")
        XCTAssertEqual(a.officials.map(\.name), ["Otieno Mwangi"])
        // The related block's voice is judged against the same host.
        XCTAssertEqual(a.reactions.filter(\.related).compactMap(\.countryOrOrg), ["Brazil"])
    }

    func testAloneTheArticleHasItsOwnHost() throws {
        // The contrast that makes the test above mean something: on its own the article's
        // host is Japan, and its Japanese ambassador is no foreign voice.
        let digest = DigestBuilder().build(Corpus(articles: [first]), generator: "t")
        let a = try XCTUnwrap(digest.articles.first)
        XCTAssertFalse(a.reactions.contains { $0.speaker == "Kenji Sato" }, "\(a.reactions.map(\.speaker))")
    }

    func testDatesAreCheckedAgainstArticlesReadAfter() throws {
        let digest = DigestBuilder().build(Corpus(articles: [first] + hostArticles), generator: "t")
        let a = try XCTUnwrap(digest.articles.first { $0.file == first.file })
        XCTAssertTrue(a.discrepancies.contains { $0.contains("b-host-1.txt") && $0.contains("the year may be wrong") },
                      "\(a.discrepancies)")
        let alone = DigestBuilder().build(Corpus(articles: [first]), generator: "t").articles[0]
        XCTAssertFalse(alone.discrepancies.contains { $0.contains("the year may be wrong") })
    }
}
