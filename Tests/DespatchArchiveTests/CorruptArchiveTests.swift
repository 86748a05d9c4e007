import DespatchApp
import DespatchArchive
import GRDB
import XCTest

/// A file that is not a healthy despatch archive is refused with a message naming it, and
/// is byte-for-byte unchanged afterwards.
final class CorruptArchiveTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws { folder = try Fixtures.temporaryFolder("corrupt") }

    func randomFile(_ name: String, bytes: Int = 8192) throws -> (String, Data) {
        var data = Data(count: bytes)
        for i in 0..<bytes { data[i] = UInt8.random(in: 0...255) }
        let path = folder + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return (path, data)
    }

    func assertRefused(_ path: String, access: ArticleArchive.Access, reason: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ArticleArchive(path: path, access: access), file: file, line: line) { error in
            guard case ArchiveError.invalid(let p, _) = error else {
                return XCTFail("unexpected \(error)", file: file, line: line)
            }
            XCTAssertEqual(p, path, file: file, line: line)
            let message = String(describing: error)
            XCTAssertTrue(message.contains(path) && message.contains(reason), message, file: file, line: line)
        }
    }

    func testRandomBytesAreRefusedAndLeftUntouched() throws {
        let (path, data) = try randomFile("random.sqlite")
        for access in [ArticleArchive.Access.write, .read, .exclusive] {
            assertRefused(path, access: access, reason: "not an SQLite database")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), data)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-journal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".lock"), "nothing is created next to it")
    }

    func testDamagedPagesAfterAValidHeaderAreRefusedAndLeftUntouched() throws {
        // A real archive, then its pages after the first overwritten with garbage.
        let path = folder + "/damaged.sqlite"
        let archive = try ArticleArchive(path: path, access: .write)
        _ = try ArchiveIngester().ingest(paths: [Fixtures.samples], into: archive)
        archive.close()
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(data.count, 4096 * 3)
        for i in 4096..<data.count { data[i] = UInt8.random(in: 0...255) }
        try data.write(to: URL(fileURLWithPath: path))
        assertRefused(path, access: .write, reason: "damaged")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), data)
    }

    func testAnotherProgramsDatabaseGetsNoTables() throws {
        let path = folder + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        assertRefused(path, access: .write, reason: "another program")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testCommandLineExitsWithTheArchiveStatusAndNamesTheFile() throws {
        let (path, data) = try randomFile("cli.sqlite")
        for args in [["ingest", "--db", path, Fixtures.samples], ["archive", "list", "--db", path],
                     ["brief", "--db", path, "--week", "2026-W05", "--output-dir", folder + "/out"]] {
            let r = try Fixtures.despatch(args)
            XCTAssertEqual(r.status, ExitStatus.archive.rawValue, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("despatch: error: \(path) is not a usable despatch archive"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), data)
        let outputs = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/out")) ?? []
        XCTAssertEqual(outputs.filter { $0.hasSuffix(".pdf") || $0.contains(".tmp-") }, [])
    }

    func testAnArchiveOfTheFirstSchemaIsUpgradedInPlaceKeepingItsArticles() throws {
        let path = folder + "/v1.sqlite"
        let queue = try DatabaseQueue(path: path)
        try ArchiveSchema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO article (id, source_path, file, first_seen) VALUES (1, '/x/a.txt', 'a.txt', '2026-01-27T01:00:00Z')")
            try db.execute(sql: """
                INSERT INTO revision (id, article_id, number, content_hash, ingested_at, title, paragraphs)
                VALUES (1, 1, 1, 'h', '2026-01-27T01:00:00Z', 'Old article', '["Body."]')
                """)
            try db.execute(sql: "UPDATE article SET current_revision_id = 1")
        }
        try queue.close()
        let archive = try ArticleArchive(path: path, access: .read)
        let stored = try archive.articles(in: ISOWeek(iso: "2026-W05")!, timeZone: Fixtures.hanoi)
        XCTAssertEqual(stored.map { $0.article.title }, ["Old article"])
        XCTAssertEqual(stored.first?.article.paragraphs, ["Body."])
        XCTAssertEqual(try archive.revisionsWithoutVoices([1], analysis: "x"), [1], "v2's tables exist")
        archive.close()
    }

    func testAnArchiveFromANewerDespatchIsRefused() throws {
        let path = folder + "/newer.sqlite"
        try ArticleArchive(path: path, access: .write).close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        try queue.close()
        XCTAssertThrowsError(try ArticleArchive(path: path, access: .write)) { error in
            XCTAssertEqual(error as? ArchiveError, .newerSchema(path: path, unknown: ["v99"]))
            XCTAssertTrue(String(describing: error).contains(path))
        }
    }

    func testAnInterruptedWriteIsRolledBackNotCalledCorrupt() throws {
        // A snapshot of an archive taken in the middle of a transaction: the database file
        // already holds uncommitted pages, the hot journal the committed ones.
        let source = folder + "/live.sqlite"
        let snapshot = folder + "/interrupted.sqlite"
        try ArticleArchive(path: source, access: .write).close()
        let archive = try ArticleArchive(path: source, access: .write)
        _ = try ArchiveIngester().ingest(paths: [Fixtures.samples], into: archive)
        archive.close()
        let queue = try DatabaseQueue(path: source)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = 1")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE revision SET title = title || ' (uncommitted)', paragraphs = paragraphs || ' '")
            try FileManager.default.copyItem(atPath: source, toPath: snapshot)
            try FileManager.default.copyItem(atPath: source + "-journal", toPath: snapshot + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        try queue.close()
        let journal = try FileManager.default.attributesOfItem(atPath: snapshot + "-journal")[.size] as? NSNumber
        XCTAssertGreaterThan(journal?.intValue ?? 0, 0, "precondition: a hot journal")

        let reopened = try ArticleArchive(path: snapshot, access: .read)
        let titles = try reopened.allArticles(timeZone: Fixtures.hanoi).map { $0.article.title }
        reopened.close()
        XCTAssertEqual(titles.count, 5)
        XCTAssertFalse(titles.contains { $0.contains("(uncommitted)") }, "\(titles)")
    }

    func testAFreshArchiveIsMigratedAndReopened() throws {
        let path = folder + "/fresh.sqlite"
        try ArticleArchive(path: path, access: .write).close()
        let queue = try DatabaseQueue(path: path)
        let (appID, migrations) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        try queue.close()
        XCTAssertEqual(appID, ArchiveSchema.applicationID)
        XCTAssertEqual(migrations, ["v1", "v2"])
        XCTAssertNoThrow(try ArticleArchive(path: path, access: .read).close())
    }
}
