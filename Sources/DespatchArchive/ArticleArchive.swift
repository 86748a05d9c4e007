import DespatchCore
import DespatchModel
import Foundation
import GRDB

/// The article archive: an SQLite database (through GRDB) of every article ingested,
/// every revision of it, and when it was first seen.
///
/// Why this shape: opening checks the file before anything is written (a corrupt or
/// foreign file is never touched), takes the archive lock so that concurrent runs are
/// serialised, and brings the schema up to date with versioned migrations. Every write
/// is one transaction, so a crash leaves the archive as it was before the batch.
public final class ArticleArchive {
    public let path: String
    private let queue: DatabaseQueue
    private let lock: ArchiveLock
    /// "Now", injectable so that tests decide when an article was first seen.
    public var now: () -> Date

    /// How a command uses the archive.
    public enum Access: Sendable {
        /// Reads only; the archive must exist; shared lock (several readers at once).
        case read
        /// Reads and writes; the archive is created if missing; exclusive lock.
        case write
        /// The archive must exist; an exclusive lock for the whole run (briefs, which
        /// read articles and write only the analysis cache).
        case exclusive
    }

    /// Opens (and for `.write` creates) the archive at `path`.
    /// - Parameters:
    ///   - lockTimeout: seconds to wait for another run to release the archive.
    ///   - onWait: called once when the lock is held by another run.
    public init(path: String, access: Access, lockTimeout: Double = 30, now: @escaping () -> Date = Date.init,
                onWait: (() -> Void)? = nil) throws {
        self.path = path
        self.now = now
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw ArchiveError.invalid(path: path, reason: "it is a folder")
        }
        if access != .write, !fm.fileExists(atPath: path) { throw ArchiveError.notFound(path: path) }
        guard fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw ArchiveError.database(path: path, message: "folder \(folder) does not exist")
        }
        // A file that is plainly not SQLite is refused before even the lock file is made.
        try ArchiveValidator.checkHeader(path)
        lock = try ArchiveLock(databasePath: path, exclusive: access != .read, timeout: lockTimeout, onWait: onWait)
        // Checked under the lock, so that no other despatch is halfway through a write.
        try ArchiveValidator.check(path)
        if access != .write, (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue == 0 {
            throw ArchiveError.invalid(path: path, reason: "the file is empty (run 'despatch ingest' to fill it)")
        }
        var config = Configuration()
        config.label = "despatch.archive"
        config.foreignKeysEnabled = true
        // The flock above serialises despatch runs; this covers any other SQLite client.
        config.busyMode = .timeout(lockTimeout)
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            let migrator = ArchiveSchema.migrator
            let (superseded, complete, applied) = try queue.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db), try migrator.appliedIdentifiers(db))
            }
            if superseded {
                let known = Set(migrator.migrations)
                throw ArchiveError.newerSchema(path: path, unknown: applied.filter { !known.contains($0) }.sorted())
            }
            if !complete {
                if access == .read { try lock.upgrade(timeout: lockTimeout, databasePath: path) }
                try migrator.migrate(queue)
            }
        } catch let error as ArchiveError {
            throw error
        } catch let error as DatabaseError {
            throw ArchiveError.database(path: path, message: error.message ?? error.description)
        }
    }

    /// Closes the database and releases the lock (also done on deinit).
    public func close() {
        try? queue.close()
        lock.release()
    }

    deinit { close() }

    // MARK: Writing

    /// Stores `articles` (each with the path it was read from) in one transaction.
    public func ingest(_ articles: [(article: Article, sourcePath: String)]) throws -> IngestReport {
        var report = IngestReport()
        let stamp = UTCTimestamp.string(now())
        let encoder = JSONEncoder()
        try wrap {
            try queue.inTransaction { db in
                for (article, sourcePath) in articles {
                    let hash = ContentKey.of(article)
                    let existing = try Row.fetchOne(db, sql: """
                        SELECT a.id, r.content_hash, r.number FROM article a
                        LEFT JOIN revision r ON r.id = a.current_revision_id WHERE a.source_path = ?
                        """, arguments: [sourcePath])
                    if let existing, (existing["content_hash"] as String?) == hash {
                        report.unchanged += 1
                        continue
                    }
                    let articleID: Int64? = existing?["id"]
                    // The same body already stored from another file: one article, not two.
                    if let other = try String.fetchOne(db, sql: """
                        SELECT a.source_path FROM revision r JOIN article a ON a.id = r.article_id
                        WHERE r.content_hash = ? AND a.id IS NOT ? LIMIT 1
                        """, arguments: [hash, articleID]) {
                        report.duplicates += 1
                        report.warnings.append("\(sourcePath): same text as \(other); not stored again")
                        continue
                    }
                    let id: Int64
                    let number: Int
                    if let articleID {
                        id = articleID
                        number = ((existing?["number"] as Int?) ?? 0) + 1
                        report.revised += 1
                    } else {
                        try db.execute(sql: "INSERT INTO article (source_path, file, first_seen) VALUES (?, ?, ?)",
                                       arguments: [sourcePath, article.file, stamp])
                        id = db.lastInsertedRowID
                        number = 1
                        report.added += 1
                    }
                    let paragraphs = String(decoding: try encoder.encode(article.paragraphs), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO revision (article_id, number, content_hash, ingested_at, title, title_is_derived,
                                              date, date_source, outlet, language, url, paragraphs)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, number, hash, stamp, article.title, article.titleIsDerived,
                                         article.date?.iso, article.dateSource?.rawValue, article.source,
                                         article.language, article.url, paragraphs])
                    try db.execute(sql: "UPDATE article SET current_revision_id = ?, file = ? WHERE id = ?",
                                   arguments: [db.lastInsertedRowID, article.file, id])
                }
                return .commit
            }
        }
        return report
    }

    // MARK: Reading

    /// Latest revisions of the articles whose day (date, else first-seen day in
    /// `timeZone`) lies in `week`, ordered by day then file name.
    public func articles(in week: ISOWeek, timeZone: TimeZone) throws -> [StoredArticle] {
        try articles(from: week.firstDay, through: week.lastDay, timeZone: timeZone)
    }

    /// Latest revisions of the articles whose day is before `day`.
    public func articles(before day: CalendarDay, timeZone: TimeZone) throws -> [StoredArticle] {
        try articles(from: CalendarDay(year: 1, month: 1, day: 1)!, through: day.adding(days: -1), timeZone: timeZone)
    }

    /// Latest revisions of the articles whose day lies in `from...through` (inclusive).
    public func articles(from: CalendarDay, through: CalendarDay, timeZone: TimeZone) throws -> [StoredArticle] {
        guard from <= through else { return [] }
        let seenFrom = UTCTimestamp.string(WeekSelector.start(of: from, in: timeZone))
        let seenTo = UTCTimestamp.string(WeekSelector.start(of: through.adding(days: 1), in: timeZone))
        return try fetch(where: "(r.date BETWEEN ? AND ?) OR (r.date IS NULL AND a.first_seen >= ? AND a.first_seen < ?)",
                         arguments: [from.iso, through.iso, seenFrom, seenTo], timeZone: timeZone)
    }

    /// Every article (latest revision), ordered by day then file name.
    public func allArticles(timeZone: TimeZone) throws -> [StoredArticle] {
        try fetch(where: "1", arguments: [], timeZone: timeZone)
    }

    /// Numbers of articles and of revisions stored.
    public func counts() throws -> (articles: Int, revisions: Int) {
        try wrap {
            try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM revision") ?? 0)
            }
        }
    }

    /// All revisions of the article read from `sourcePath`, oldest first (titles and hashes).
    public func revisions(of sourcePath: String) throws -> [(number: Int, hash: String, title: String)] {
        try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT r.number, r.content_hash, r.title FROM revision r JOIN article a ON a.id = r.article_id
                    WHERE a.source_path = ? ORDER BY r.number
                    """, arguments: [sourcePath]).map { ($0["number"], $0["content_hash"], $0["title"]) }
            }
        }
    }

    // MARK: Voices cache

    /// The revisions among `ids` whose voices `analysis` has not recorded yet.
    public func revisionsWithoutVoices(_ ids: [Int64], analysis: String) throws -> [Int64] {
        let scanned = try wrap {
            try queue.read { db in
                Set(try Int64.fetchAll(db, sql: "SELECT revision_id FROM voice_scan WHERE analysis = ?", arguments: [analysis]))
            }
        }
        return ids.filter { !scanned.contains($0) }
    }

    /// Records the voices `analysis` found in each revision (an empty list counts too), in
    /// one transaction.
    public func storeVoices(_ voices: [Int64: [(key: String, name: String, kind: String)]], analysis: String) throws {
        guard !voices.isEmpty else { return }
        try wrap {
            try queue.inTransaction { db in
                for (revision, list) in voices {
                    try db.execute(sql: "DELETE FROM voice WHERE revision_id = ? AND analysis = ?", arguments: [revision, analysis])
                    for v in list {
                        try db.execute(sql: "INSERT INTO voice (revision_id, analysis, key, name, kind) VALUES (?, ?, ?, ?, ?)",
                                       arguments: [revision, analysis, v.key, v.name, v.kind])
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO voice_scan (revision_id, analysis) VALUES (?, ?)",
                                   arguments: [revision, analysis])
                }
                return .commit
            }
        }
    }

    /// Folded keys of the voices `analysis` recorded for the revisions `ids`.
    public func voiceKeys(of ids: [Int64], analysis: String) throws -> Set<String> {
        let wanted = Set(ids)
        let rows = try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT revision_id, key FROM voice WHERE analysis = ?", arguments: [analysis])
            }
        }
        return Set(rows.filter { wanted.contains($0["revision_id"]) }.map { $0["key"] as String })
    }

    private func fetch(where condition: String, arguments: StatementArguments, timeZone: TimeZone) throws -> [StoredArticle] {
        let decoder = JSONDecoder()
        let rows = try wrap {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT a.id, a.source_path, a.file, a.first_seen, r.id AS revision_id, r.number, r.content_hash, r.title,
                           r.title_is_derived, r.date, r.date_source, r.outlet, r.language, r.url, r.paragraphs
                    FROM article a JOIN revision r ON r.id = a.current_revision_id
                    WHERE \(condition)
                    """, arguments: arguments)
            }
        }
        let stored = rows.map { row -> StoredArticle in
            let paragraphsJSON: String = row["paragraphs"]
            let paragraphs = (try? decoder.decode([String].self, from: Data(paragraphsJSON.utf8))) ?? []
            let article = Article(file: row["file"], title: row["title"], titleIsDerived: row["title_is_derived"],
                                  date: (row["date"] as String?).flatMap { CalendarDay(iso: $0) },
                                  dateSource: (row["date_source"] as String?).flatMap { DateSource(rawValue: $0) },
                                  source: row["outlet"], language: row["language"], url: row["url"],
                                  paragraphs: paragraphs)
            return StoredArticle(id: row["id"], sourcePath: row["source_path"],
                                 firstSeen: UTCTimestamp.date(row["first_seen"]) ?? Date(timeIntervalSince1970: 0),
                                 revision: row["number"], revisionID: row["revision_id"], contentHash: row["content_hash"], article: article)
        }
        return stored.sorted { a, b in
            let (da, db) = (a.day(in: timeZone), b.day(in: timeZone))
            return da != db ? da < db : (a.article.file, a.sourcePath) < (b.article.file, b.sourcePath)
        }
    }

    /// Turns GRDB's errors into archive errors naming the file.
    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw ArchiveError.database(path: path, message: error.message ?? error.description)
        }
    }
}
