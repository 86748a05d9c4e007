import DespatchApp
import DespatchArchive
import DespatchCore
import DespatchModel
import XCTest

/// Ingest: dedupe by content, revisions, weeks of dated and undated articles.
final class IngestTests: XCTestCase {
    var folder = ""
    var db = ""
    let clock = TestClock(Fixtures.utc("2026-01-30", 3))  // Friday of 2026-W05

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder("ingest")
        db = folder + "/archive.sqlite"
    }

    func openArchive() throws -> ArticleArchive {
        try ArticleArchive(path: db, access: .write, now: { [clock] in clock.now })
    }

    func ingest(_ paths: [String]) throws -> IngestReport {
        let archive = try openArchive()
        defer { archive.close() }
        return try ArchiveIngester().ingest(paths: paths, into: archive)
    }

    func files(_ stored: [StoredArticle]) -> [String] { stored.map { $0.article.file.prefix(3) }.map(String.init) }

    func testSamplesIngestedTwiceAreStoredOnce() throws {
        let first = try ingest([Fixtures.samples])
        XCTAssertEqual(first.added, 5)
        XCTAssertEqual(first.unchanged, 0)
        let second = try ingest([Fixtures.samples])
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.revised, 0)
        XCTAssertEqual(second.unchanged, 5)
        let archive = try openArchive()
        let counts = try archive.counts()
        XCTAssertEqual(counts.articles, 5)
        XCTAssertEqual(counts.revisions, 5)
        XCTAssertEqual(Set(try archive.allArticles(timeZone: Fixtures.hanoi).map { $0.article.file }).count, 5)
    }

    func testSameTextUnderAnotherNameIsADuplicate() throws {
        let copies = try Fixtures.copySamples()
        try FileManager.default.copyItem(atPath: copies + "/000_d1766aa8ae1902e4.txt", toPath: copies + "/copy-of-000.txt")
        let report = try ingest([copies])
        XCTAssertEqual(report.added, 5)
        XCTAssertEqual(report.duplicates, 1)
        XCTAssertTrue(report.warnings.contains { $0.contains("copy-of-000.txt") && $0.contains("000_d1766aa8ae1902e4.txt") },
                      "\(report.warnings)")
        XCTAssertEqual(try openArchive().counts().articles, 5)
    }

    func testChangedBodyBecomesANewRevisionAndTheLatestIsUsed() throws {
        let copies = try Fixtures.copySamples()
        let path = copies + "/000_d1766aa8ae1902e4.txt"
        XCTAssertEqual(try ingest([copies]).added, 5)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "\nA correction was appended to this article on 29 January.\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // Spacing alone is not a change.
        let other = copies + "/003_e52cc29c756538a9.txt"
        try (try String(contentsOfFile: other, encoding: .utf8)).replacingOccurrences(of: ". ", with: ".   ")
            .write(toFile: other, atomically: true, encoding: .utf8)

        clock.now = Fixtures.utc("2026-01-31")
        let report = try ingest([copies])
        XCTAssertEqual(report.revised, 1)
        XCTAssertEqual(report.unchanged, 4)
        XCTAssertEqual(report.added, 0)

        let archive = try openArchive()
        XCTAssertEqual(try archive.counts().articles, 5)
        XCTAssertEqual(try archive.counts().revisions, 6)
        let source = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let revisions = try archive.revisions(of: source)
        XCTAssertEqual(revisions.map { $0.number }, [1, 2])
        defer { archive.close() }
        XCTAssertNotEqual(revisions[0].hash, revisions[1].hash)
        let stored = try XCTUnwrap(try archive.allArticles(timeZone: Fixtures.hanoi).first { $0.sourcePath == source })
        XCTAssertEqual(stored.revision, 2)
        XCTAssertTrue(stored.article.body.contains("A correction was appended"))
        // First seen is when the first revision came in, not the second.
        XCTAssertEqual(UTCTimestamp.string(stored.firstSeen), "2026-01-30T03:00:00Z")

        archive.close()
        // Changing it back is a third revision (the latest is what counts), not a duplicate.
        try (try String(contentsOfFile: Fixtures.samples + "/000_d1766aa8ae1902e4.txt", encoding: .utf8))
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ingest([path]).revised, 1)
        XCTAssertEqual(try openArchive().revisions(of: source).count, 3)
    }

    func testWeeksOfTheSamples() throws {
        _ = try ingest([Fixtures.samples])
        let archive = try openArchive()
        let w05 = files(try archive.articles(in: ISOWeek(iso: "2026-W05")!, timeZone: Fixtures.hanoi))
        XCTAssertTrue(w05.contains("000"), "\(w05)")       // 28 January
        XCTAssertFalse(w05.contains("003"), "\(w05)")      // 25 January is in W04
        XCTAssertFalse(w05.contains("002"), "\(w05)")
        XCTAssertEqual(files(try archive.articles(in: ISOWeek(iso: "2026-W04")!, timeZone: Fixtures.hanoi)), ["003"])
        XCTAssertEqual(files(try archive.articles(in: ISOWeek(iso: "2026-W06")!, timeZone: Fixtures.hanoi)), ["002"])
        // 001 and 004 are undated: first seen Friday 30 January 2026 (the injected clock), so W05.
        XCTAssertEqual(Set(w05), ["000", "001", "004"])
    }

    func testUndatedArticlesFallInTheWeekOfTheirFirstSeenDay() throws {
        let input = try Fixtures.temporaryFolder("undated")
        try Fixtures.writeArticle(input, "a.txt", title: "Undated A", date: nil, body: "Text of article A.")
        // Sunday 1 February 2026 at 18:00 UTC is already Monday 2 February in Hanoi (W06).
        clock.now = Fixtures.utc("2026-02-01", 18)
        _ = try ingest([input])
        try Fixtures.writeArticle(input, "b.txt", title: "Undated B", date: nil, body: "Text of article B.")
        clock.now = Fixtures.utc("2026-02-10", 9)  // W07
        _ = try ingest([input])

        let archive = try openArchive()
        let w06 = try archive.articles(in: ISOWeek(iso: "2026-W06")!, timeZone: Fixtures.hanoi)
        XCTAssertEqual(w06.map { $0.article.title }, ["Undated A"])
        XCTAssertEqual(w06.first?.day(in: Fixtures.hanoi).iso, "2026-02-02")
        let dated = try XCTUnwrap(w06.first?.datedArticle(in: Fixtures.hanoi))
        XCTAssertEqual(dated.date?.iso, "2026-02-02")
        XCTAssertEqual(dated.dateSource, .ingest)
        XCTAssertEqual(try archive.articles(in: ISOWeek(iso: "2026-W07")!, timeZone: Fixtures.hanoi).map { $0.article.title },
                       ["Undated B"])
        // In UTC the same instant is still Sunday: W05.
        let utc = TimeZone(identifier: "UTC")!
        XCTAssertEqual(try archive.articles(in: ISOWeek(iso: "2026-W05")!, timeZone: utc).map { $0.article.title }, ["Undated A"])
    }

    func testAThousandTinyArticlesInOneGo() throws {
        let input = try Fixtures.temporaryFolder("thousand")
        var expected: [Int: Int] = [:]
        for i in 0..<1000 {
            let date = CalendarDay(iso: "2026-01-05")!.adding(days: i % 28)  // W02 .. W05
            expected[ISOWeek(containing: date).week, default: 0] += 1
            let day = date.iso
            try Fixtures.writeArticle(input, String(format: "a%04d.txt", i), title: "Article \(i)", date: day,
                                      body: "Body number \(i) about the congress.")
        }
        var calls = 0
        var last = (0, 0)
        let archive = try openArchive()
        let report = try ArchiveIngester().ingest(paths: [input], into: archive) { done, total in
            calls += 1
            last = (done, total)
        }
        XCTAssertEqual(report.added, 1000)
        XCTAssertEqual(report.skipped + report.duplicates, 0)
        XCTAssertEqual(last.0, 1000)
        XCTAssertEqual(last.1, 1000)
        XCTAssertGreaterThan(calls, 1)
        XCTAssertEqual(try archive.counts().articles, 1000)
        var total = 0
        for w in 2...5 {
            let n = try archive.articles(in: ISOWeek(year: 2026, week: w)!, timeZone: Fixtures.hanoi).count
            XCTAssertEqual(n, expected[w], "W0\(w)")
            total += n
        }
        XCTAssertEqual(total, 1000)
        archive.close()
        XCTAssertEqual(try ingest([input]).unchanged, 1000)
    }

    func testIngestThroughTheCommandLineReportsAndListsByWeek() throws {
        let r = try Fixtures.despatch(["ingest", "--db", db, Fixtures.samples])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("5 new"), r.stderr)
        XCTAssertFalse(r.stderr.contains("ingesting"), "progress only on a terminal: \(r.stderr)")
        let list = try Fixtures.despatch(["archive", "list", "--db", db])
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 5, list.stdout)
        XCTAssertTrue(lines[0].hasPrefix("2026-01-25") && lines[0].contains("VNA/VNS") && lines[0].contains("Tô Lâm"), list.stdout)
        let w06 = try Fixtures.despatch(["archive", "list", "--db", db, "--week", "2026-W06"])
        XCTAssertEqual(w06.stdout.split(separator: "\n").count, 1, w06.stdout)
        XCTAssertTrue(w06.stdout.hasPrefix("2026-02-07"), w06.stdout)
        let missing = try Fixtures.despatch(["archive", "list", "--db", folder + "/none.sqlite"])
        XCTAssertEqual(missing.status, ExitStatus.archive.rawValue)
        XCTAssertTrue(missing.stderr.contains(folder + "/none.sqlite"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/none.sqlite"))
        let badWeek = try Fixtures.despatch(["archive", "list", "--db", db, "--week", "2026-W99"])
        XCTAssertEqual(badWeek.status, ExitStatus.usage.rawValue)
        XCTAssertTrue(badWeek.stderr.contains("accepted forms"), badWeek.stderr)
    }
}
