import DespatchApp
import DespatchArchive
import Foundation
import XCTest

/// Briefs end to end: PDFs per layout, the empty week, and two runs at once.
final class BriefTests: XCTestCase {
    var folder = ""
    var db = ""

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder("brief")
        db = folder + "/archive.sqlite"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Fixtures.executable),
                      "build the executable first: \(Fixtures.executable)")
    }

    func ingestSamples() throws {
        let r = try Fixtures.despatch(["ingest", "--db", db, Fixtures.samples])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func assertCompletePDF(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-", path, file: file, line: line)
        XCTAssertTrue(String(decoding: data.suffix(32), as: UTF8.self).contains("%%EOF"), path, file: file, line: line)
    }

    func pdfText(_ path: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
              let r = try? Fixtures.despatchTool("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"]) else { return nil }
        return r
    }

    func leftovers(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".tmp-") }
    }

    func testBriefRendersOnePDFPerLayoutInParallel() throws {
        try ingestSamples()
        let out = folder + "/out"
        let r = try Fixtures.despatch(["brief", "--db", db, "--week", "2026-W06", "--layouts", "default,executive,newsletter",
                                       "--output-dir", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        for layout in ["default", "executive", "newsletter"] {
            let pdf = out + "/brief-2026-W06-\(layout).pdf"
            try assertCompletePDF(pdf)
            XCTAssertTrue(r.stderr.contains(pdf), r.stderr)
            if let text = pdfText(pdf) {
                XCTAssertTrue(text.contains("Việt Nam") || text.contains("Lê Hoài Trung"), "sample 002 (7 February) belongs to W06")
                XCTAssertFalse(text.contains("General Secretary Tô Lâm meets"), "sample 003 is W04")
            }
        }
        XCTAssertEqual(leftovers(out), [])
    }

    func testAWeekWithoutArticlesGivesANoNewCoverageBrief() throws {
        try ingestSamples()
        let out = folder + "/out"
        let r = try Fixtures.despatch(["brief", "--db", db, "--week", "2026-W20", "--output-dir", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let pdf = out + "/brief-2026-W20-default.pdf"
        try assertCompletePDF(pdf)
        if let text = pdfText(pdf) {
            XCTAssertTrue(text.contains("No new coverage this week."), text)
            XCTAssertTrue(text.contains("2026-W20"), text)
            XCTAssertTrue(text.contains("11 May 2026") && text.contains("17 May 2026"), "the week's dates: \(text)")
        }
        // Short: the cover and the summary only.
        let pages = r.stderr.components(separatedBy: "(").dropFirst().first?.split(separator: " ").first.flatMap { Int($0) }
        XCTAssertNotNil(pages, r.stderr)
        XCTAssertLessThanOrEqual(pages ?? 99, 2, r.stderr)
    }

    func testBadWeekIsAUsageErrorListingTheForms() throws {
        let r = try Fixtures.despatch(["brief", "--db", db, "--week", "last-ish", "--output-dir", folder])
        XCTAssertEqual(r.status, ExitStatus.usage.rawValue)
        XCTAssertTrue(r.stderr.contains("'last-ish' is not a week") && r.stderr.contains("YYYY-Www")
                      && r.stderr.contains("'this'") && r.stderr.contains("'last'"), r.stderr)
    }

    func testTwoBriefRunsAtOnceBothFinish() throws {
        try ingestSamples()
        let out = folder + "/out"
        let args = ["brief", "--db", db, "--week", "2026-W05", "--layouts", "default,executive", "--output-dir", out]
        let first = try Fixtures.start(args)
        let second = try Fixtures.start(args)
        let (a, b) = (try first.wait(), try second.wait())
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(b.status, 0, b.stderr)
        for layout in ["default", "executive"] { try assertCompletePDF(out + "/brief-2026-W05-\(layout).pdf") }
        XCTAssertEqual(leftovers(out), [])
        XCTAssertEqual(a.stderr.components(separatedBy: "despatch: wrote").count - 1, 2, a.stderr)
        XCTAssertEqual(b.stderr.components(separatedBy: "despatch: wrote").count - 1, 2, b.stderr)
    }

    func testASecondRunWaitsForTheLockThenGivesUpClearly() throws {
        try ingestSamples()
        let held = try ArchiveLock(databasePath: db, exclusive: true, timeout: 1)
        let started = Date()
        let r = try Fixtures.despatch(["brief", "--db", db, "--week", "2026-W05", "--lock-timeout", "1",
                                       "--output-dir", folder + "/out"])
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 1)
        XCTAssertEqual(r.status, ExitStatus.archive.rawValue, r.stderr)
        XCTAssertTrue(r.stderr.contains("waiting"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\(db) is in use by another despatch run"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out/brief-2026-W05-default.pdf"))
        // A reader waits for a writer too; once released, it goes through.
        held.release()
        let list = try Fixtures.despatch(["archive", "list", "--db", db, "--lock-timeout", "1"])
        XCTAssertEqual(list.status, 0, list.stderr)
    }

    func testTwoThreadsIngestingIntoOneArchiveAreSerialised() throws {
        let inputs = try (0..<2).map { t -> String in
            let dir = try Fixtures.temporaryFolder("thread\(t)")
            for i in 0..<50 {
                try Fixtures.writeArticle(dir, "t\(t)-\(i).txt", title: "T\(t) \(i)", date: "2026-01-2\(i % 7)",
                                          body: "Thread \(t) article \(i).")
            }
            return dir
        }
        let results = ThreadResults()
        DispatchQueue.concurrentPerform(iterations: 2) { t in
            do {
                let archive = try ArticleArchive(path: db, access: .write, lockTimeout: 30)
                defer { archive.close() }
                results.add(try ArchiveIngester(batchSize: 10).ingest(paths: [inputs[t]], into: archive).added)
            } catch {
                results.fail("\(error)")
            }
        }
        XCTAssertEqual(results.errors, [])
        XCTAssertEqual(results.added, 100)
        XCTAssertEqual(try ArticleArchive(path: db, access: .read).counts().articles, 100)
    }
}

final class ThreadResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var added = 0
    private(set) var errors: [String] = []
    func add(_ n: Int) { lock.lock(); added += n; lock.unlock() }
    func fail(_ e: String) { lock.lock(); errors.append(e); lock.unlock() }
}

extension Fixtures {
    /// Runs another tool and returns its standard output.
    static func despatchTool(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
