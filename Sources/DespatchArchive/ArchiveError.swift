/// Why the archive cannot be used: every case names the database file, because the
/// person reading the message has to know which file to look at (exit status 5).
public enum ArchiveError: Error, CustomStringConvertible, Equatable {
    /// No database at the path (reading commands do not create one).
    case notFound(path: String)
    /// The file exists but is not a usable despatch archive; it was left untouched.
    case invalid(path: String, reason: String)
    /// Another despatch run held the archive for longer than the timeout.
    case locked(path: String, lockFile: String, seconds: Double)
    /// The archive was written by a newer despatch (it has migrations this one does not know).
    case newerSchema(path: String, unknown: [String])
    /// SQLite failed on a file that looked valid (disk full, permissions...).
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .notFound(let p):
            return "no archive at \(p) (run 'despatch ingest --db \(p) FOLDER' first)"
        case .invalid(let p, let reason):
            return "\(p) is not a usable despatch archive: \(reason); the file was left untouched"
        case .locked(let p, let lock, let s):
            return "\(p) is in use by another despatch run (waited \(Int(s.rounded())) s for the lock \(lock)); try again later"
        case .newerSchema(let p, let unknown):
            return "\(p) was written by a newer despatch (schema \(unknown.joined(separator: ", "))); upgrade despatch to use it"
        case .database(let p, let message):
            return "\(p): \(message)"
        }
    }
}
