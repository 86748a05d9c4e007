import DespatchArchive
import Foundation
import GRDB
import XCTest

/// SIGTERM in the middle of an ingest: exit 143, the archive passes SQLite's integrity check,
/// and running the same ingest again stores every article exactly once.
final class InterruptedIngestTests: XCTestCase {
    func testSIGTERMDuringIngestLeavesAnIntactArchiveThatASecondRunCompletes() throws {
        let folder = try Fixtures.temporaryFolder("interrupted-ingest")
        let input = folder + "/in"
        let db = folder + "/archive.sqlite"
        let count = 3000
        let synth = try Fixtures.despatch(["synth", "--articles", String(count), "--output", input])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        try FileManager.default.removeItem(atPath: input + "/answers.json")

        let run = try Fixtures.start(["ingest", "--db", db, input])
        let deadline = Date().addingTimeInterval(60)
        // Wait for the archive to exist (its schema is written first), then interrupt.
        while run.process.isRunning, !FileManager.default.fileExists(atPath: db), Date() < deadline { usleep(2_000) }
        usleep(150_000)
        try XCTSkipUnless(run.process.isRunning, "the ingest finished before it could be interrupted")
        kill(run.process.processIdentifier, SIGTERM)
        let interrupted = try run.wait()
        try XCTSkipIf(interrupted.status == 0, "the ingest finished before the signal arrived")
        XCTAssertEqual(interrupted.status, 143, interrupted.stderr)

        let again = try Fixtures.despatch(["ingest", "--db", db, input])
        XCTAssertEqual(again.status, 0, again.stderr)
        let queue = try DatabaseQueue(path: db)
        try queue.read { database in
            XCTAssertEqual(try String.fetchOne(database, sql: "PRAGMA integrity_check"), "ok")
            XCTAssertEqual(try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM article"), count, "every article once")
        }
    }
}
