import Foundation
import GRDB

/// Checks an existing file before despatch opens it for writing.
///
/// Why: opening a damaged or foreign file read-write lets SQLite roll back journals,
/// rewrite headers or, with the migrator, add tables to somebody else's database. Here the
/// file is first read as plain bytes (the SQLite header), then opened read-only for
/// `PRAGMA quick_check` and the application id; only a file that passes is ever written.
public enum ArchiveValidator {
    static let header = Array("SQLite format 3\u{0}".utf8)

    /// Throws `ArchiveError.invalid` naming the file and the problem; a missing or empty
    /// file passes (it becomes a new archive).
    public static func check(_ path: String) throws {
        guard try checkHeader(path) else { return }
        do {
            try inspect(path, readonly: true)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK
            || error.extendedResultCode == .SQLITE_READONLY_RECOVERY {
            // A run was interrupted mid-transaction and left a hot journal. Rolling it back
            // restores the last committed state: SQLite's own recovery, which any client
            // performs on open, and which a read-only connection cannot do. Only then is the
            // file checked, still without a write of ours.
            try inspect(path, readonly: false)
        }
    }

    private static func inspect(_ path: String, readonly: Bool) throws {
        var config = Configuration()
        config.readonly = readonly
        config.label = "despatch.archive.check"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard problems == ["ok"] else {
                    throw ArchiveError.invalid(path: path, reason: "the database is damaged (\(problems.prefix(3).joined(separator: "; ")))")
                }
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if appID == ArchiveSchema.applicationID { return }
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
                if appID != 0 || !tables.isEmpty {
                    throw ArchiveError.invalid(path: path, reason: "it is an SQLite database of another program (tables: \(tables.prefix(5).joined(separator: ", ")))")
                }
            }
        } catch let error as ArchiveError {
            throw error
        } catch let error as DatabaseError where readonly && (error.extendedResultCode == .SQLITE_READONLY_ROLLBACK
            || error.extendedResultCode == .SQLITE_READONLY_RECOVERY) {
            throw error
        } catch let error as DatabaseError {
            throw ArchiveError.invalid(path: path, reason: "the database is damaged (\(error.message ?? error.description))")
        }
    }

    /// The cheap part, done before anything (even the lock file) is created: the file's
    /// first bytes must be SQLite's header. Returns false for a missing or empty file.
    @discardableResult
    public static func checkHeader(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw ArchiveError.invalid(path: path, reason: "it cannot be read (permission denied?)")
            }
            return false
        }
        let start = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if start.isEmpty { return false }
        guard start.count >= 100, Array(start.prefix(16)) == header else {
            throw ArchiveError.invalid(path: path, reason: "it is not an SQLite database (the file header is wrong; corrupt or another kind of file)")
        }
        return true
    }
}
