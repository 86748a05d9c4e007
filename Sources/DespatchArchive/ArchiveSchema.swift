import GRDB

/// The archive's schema as versioned migrations, from the first one on.
///
/// Why migrations from day one: archives outlive program versions; each later change is
/// a new migration ("v2", ...) appended here, never an edit of an old one, so that any
/// archive can be brought up to date in place, inside a transaction.
public enum ArchiveSchema {
    /// PRAGMA application_id of a despatch archive ("DSPT"): tells our files from other
    /// SQLite databases, so that despatch never adds tables to a file that is not its own.
    public static let applicationID: Int32 = 0x4453_5054

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            // One row per source file (its absolute path): the article's identity.
            try db.execute(sql: """
                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    source_path TEXT NOT NULL UNIQUE,
                    file TEXT NOT NULL,
                    first_seen TEXT NOT NULL,          -- UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)
                    current_revision_id INTEGER        -- the latest revision, the one used
                )
                """)
            // Every distinct body seen at that path, numbered from 1.
            try db.execute(sql: """
                CREATE TABLE revision (
                    id INTEGER PRIMARY KEY,
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,        -- SHA-256 of the normalised body, hex
                    ingested_at TEXT NOT NULL,         -- UTC, ISO 8601
                    title TEXT NOT NULL,
                    title_is_derived INTEGER NOT NULL DEFAULT 0,
                    date TEXT,                         -- YYYY-MM-DD as the article states it
                    date_source TEXT,
                    outlet TEXT,
                    language TEXT,
                    url TEXT,
                    paragraphs TEXT NOT NULL,          -- JSON array of strings
                    UNIQUE (article_id, number)
                )
                """)
            try db.execute(sql: "CREATE INDEX revision_content_hash ON revision(content_hash)")
            try db.execute(sql: "CREATE INDEX revision_date ON revision(date)")
            try db.execute(sql: "CREATE INDEX article_first_seen ON article(first_seen)")
        }
        // The voices (reaction speakers, countries, organisations) of each revision, as one
        // analysis version found them: briefs compare a week with all earlier weeks, and
        // re-analysing the whole history every Monday would grow without bound.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE voice_scan (
                    revision_id INTEGER NOT NULL REFERENCES revision(id) ON DELETE CASCADE,
                    analysis TEXT NOT NULL,            -- the analysis version (generator string)
                    PRIMARY KEY (revision_id, analysis)
                )
                """)
            try db.execute(sql: """
                CREATE TABLE voice (
                    revision_id INTEGER NOT NULL REFERENCES revision(id) ON DELETE CASCADE,
                    analysis TEXT NOT NULL,
                    key TEXT NOT NULL,                 -- folded name (case, accents, spacing)
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL                 -- speaker | country_or_org
                )
                """)
            try db.execute(sql: "CREATE INDEX voice_revision ON voice(revision_id, analysis)")
        }
        return migrator
    }
}
