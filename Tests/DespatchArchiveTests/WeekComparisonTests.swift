import DespatchApp
import DespatchArchive
import DespatchCore
import DespatchModel
import Foundation
import XCTest

/// Trends against the previous week, from real article counts in the archive.
final class WeekComparisonTests: XCTestCase {
    var folder = ""
    var db = ""
    let clock = TestClock(Fixtures.utc("2026-02-02", 3))

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder("trends")
        db = folder + "/archive.sqlite"
    }

    /// A small deterministic analysis: a theme per keyword in the body, a reaction per
    /// "VOICE: name" line. It stands in for the real analysis so that the counts are known.
    static func keywordAnalysis(_ corpus: Corpus, _ sentences: Int) -> Digest {
        let keywords = ["trade", "climate", "security"]
        let articles = corpus.articles.map { a -> ArticleDigest in
            let body = a.body.lowercased()
            let themes = keywords.filter { body.contains($0) }.map { ThemeScore(id: $0, score: 1) }
            let reactions = a.paragraphs.filter { $0.hasPrefix("VOICE: ") }.map {
                Reaction(speaker: String($0.dropFirst(7)), role: nil, countryOrOrg: nil, stance: .neutral, gist: "", evidence: [])
            }
            return ArticleDigest(file: a.file, title: a.title, date: a.date?.iso, dateSource: a.dateSource?.rawValue,
                                 themes: themes, reactions: reactions, paragraphs: a.paragraphs)
        }
        return Digest(generator: "keywords", articles: articles)
    }

    func write(_ name: String, _ date: String, _ body: String) throws {
        try Fixtures.writeArticle(folder + "/in", name, title: name, date: date, body: body)
    }

    func testThemesNewRisingFallingAndVoicesHeardForTheFirstTime() throws {
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        // 2026-W02: Carol speaks.
        try write("w02-a.txt", "2026-01-06", "Security talks.\n\nVOICE: Carol")
        // 2026-W04 (19-25 January): trade x3, climate x1, security x1; Alice speaks.
        try write("w04-a.txt", "2026-01-19", "Trade deal signed.\n\nVOICE: Alice")
        try write("w04-b.txt", "2026-01-21", "More trade news.")
        try write("w04-c.txt", "2026-01-25", "Trade and climate together.")
        try write("w04-d.txt", "2026-01-22", "Security council.")
        // 2026-W05 (26 January - 1 February): trade x1, climate x2, no security; Alice, Bob, Carol speak.
        try write("w05-a.txt", "2026-01-26", "Trade again.\n\nVOICE: Alice")
        try write("w05-b.txt", "2026-01-28", "Climate summit.\n\nVOICE: Bob")
        try write("w05-c.txt", "2026-02-01", "Climate finance.\n\nVOICE: Carol\n\nVOICE: Bob")
        let archive = try ArticleArchive(path: db, access: .write, now: { [clock] in clock.now })
        defer { archive.close() }
        XCTAssertEqual(try ArchiveIngester().ingest(paths: [folder + "/in"], into: archive).added, 8)

        let brief = BriefPipeline(now: { [clock] in clock.now }, analyze: Self.keywordAnalysis)
        let digest = try brief.prepare(archive: archive, week: ISOWeek(iso: "2026-W05")!, timeZone: Fixtures.hanoi)
        let trends = try XCTUnwrap(digest.trends)
        XCTAssertEqual(trends.week, "2026-W05")
        XCTAssertEqual(trends.previousWeek, "2026-W04")
        XCTAssertEqual(trends.from, "2026-01-26")
        XCTAssertEqual(trends.to, "2026-02-01")
        XCTAssertEqual(trends.articleCount, 3)
        XCTAssertEqual(trends.previousArticleCount, 4)
        let byID = Dictionary(uniqueKeysWithValues: trends.themes.map { ($0.id, $0) })
        XCTAssertEqual(byID["trade"]?.count, 1)
        XCTAssertEqual(byID["trade"]?.previousCount, 3)
        XCTAssertEqual(byID["trade"]?.direction, .falling)
        XCTAssertEqual(byID["climate"]?.count, 2)
        XCTAssertEqual(byID["climate"]?.previousCount, 1)
        XCTAssertEqual(byID["climate"]?.direction, .rising)
        XCTAssertEqual(byID["security"]?.direction, .gone)
        XCTAssertEqual(trends.themes.map { $0.id }, ["climate", "trade", "security"])
        // Bob is new; Alice spoke the week before, Carol three weeks before.
        XCTAssertEqual(trends.newVoices.map { $0.name }, ["Bob"])
        XCTAssertEqual(trends.newVoices.first?.articles, ["w05-b.txt", "w05-c.txt"])

        // The week after: nothing stored; everything of W05 is gone, nobody is new.
        let empty = try brief.prepare(archive: archive, week: ISOWeek(iso: "2026-W06")!, timeZone: Fixtures.hanoi)
        XCTAssertEqual(empty.articles.count, 0)
        XCTAssertEqual(empty.trends?.previousArticleCount, 3)
        XCTAssertEqual(Set(empty.trends?.themes.map { $0.direction } ?? []), [.gone])
        XCTAssertEqual(empty.trends?.from, "2026-02-02", "the renderer dates an empty week from its trends")

        // A theme absent the week before is new.
        let w04 = try brief.prepare(archive: archive, week: ISOWeek(iso: "2026-W04")!, timeZone: Fixtures.hanoi)
        XCTAssertEqual(Set(w04.trends?.themes(.new).map { $0.id } ?? []), ["trade", "climate", "security"])
        XCTAssertEqual(w04.trends?.newVoices.map { $0.name }, ["Alice"])
    }

    func testEarlierVoicesAreAnalysedOnceAndCachedPerAnalysisVersion() throws {
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try write("w02-a.txt", "2026-01-06", "Security talks.\n\nVOICE: Carol")
        try write("w03-a.txt", "2026-01-13", "Trade talks.\n\nVOICE: Dan")
        try write("w05-a.txt", "2026-01-27", "Climate.\n\nVOICE: Carol\n\nVOICE: Erin")
        let archive = try ArticleArchive(path: db, access: .write, now: { [clock] in clock.now })
        defer { archive.close() }
        _ = try ArchiveIngester().ingest(paths: [folder + "/in"], into: archive)
        let calls = ThreadResults()
        func brief(_ version: String) -> BriefPipeline {
            BriefPipeline(now: { [clock] in clock.now }, analyze: { corpus, n in
                calls.add(corpus.articles.count)
                return Self.keywordAnalysis(corpus, n)
            }, analysisVersion: version)
        }
        let w05 = ISOWeek(iso: "2026-W05")!
        let first = try brief("v-a").prepare(archive: archive, week: w05, timeZone: Fixtures.hanoi)
        XCTAssertEqual(first.trends?.newVoices.map { $0.name }, ["Erin"])
        XCTAssertEqual(calls.added, 3, "this week's article and each of the two earlier ones")
        let again = try brief("v-a").prepare(archive: archive, week: w05, timeZone: Fixtures.hanoi)
        XCTAssertEqual(again.trends, first.trends)
        XCTAssertEqual(calls.added, 4, "earlier weeks come from the cache")
        _ = try brief("v-b").prepare(archive: archive, week: w05, timeZone: Fixtures.hanoi)
        XCTAssertEqual(calls.added, 7, "another analysis version analyses them again")
    }

    func testVoiceKeysFoldAccentsCaseAndSpacing() {
        XCTAssertEqual(WeekComparer.voiceKey("Lê Hoài  Trung"), WeekComparer.voiceKey("le hoai trung"))
        XCTAssertNotEqual(WeekComparer.voiceKey("Le Hoai Trung"), WeekComparer.voiceKey("Le Hoai"))
    }

    func testSamplesWithTheRealAnalysisCarryTrendsIntoTheDigestJSON() throws {
        clock.now = Fixtures.utc("2026-01-29")  // undated 001 and 004 first seen in W05
        let archive = try ArticleArchive(path: db, access: .write, now: { [clock] in clock.now })
        defer { archive.close() }
        _ = try ArchiveIngester().ingest(paths: [Fixtures.samples], into: archive)
        let digest = try BriefPipeline(now: { [clock] in clock.now })
            .prepare(archive: archive, week: ISOWeek(iso: "2026-W05")!, timeZone: Fixtures.hanoi)
        XCTAssertEqual(digest.articles.map { String($0.file.prefix(3)) }.sorted(), ["000", "001", "004"])
        XCTAssertEqual(digest.articles.filter { $0.dateSource == "ingest" }.map { $0.date }, ["2026-01-29", "2026-01-29"])
        XCTAssertEqual(digest.trends?.articleCount, 3)
        XCTAssertEqual(digest.trends?.previousArticleCount, 1)
        let json = String(decoding: try JSONEncoder().encode(digest), as: UTF8.self)
        XCTAssertTrue(json.contains("\"trends\"") && json.contains("\"previous_week\":\"2026-W04\""), json.prefix(300) + "")
        let back = try JSONDecoder().decode(Digest.self, from: Data(json.utf8))
        XCTAssertEqual(back.trends, digest.trends)
        // A plain digest has no trends key at all (the analyze --json contract is unchanged).
        let plain = String(decoding: try JSONEncoder().encode(Digest(generator: "g", articles: [])), as: UTF8.self)
        XCTAssertFalse(plain.contains("trends"))
    }
}
