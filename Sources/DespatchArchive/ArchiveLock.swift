import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock (flock(2)) on a file next to the database, "<db>.lock".
///
/// Why a lock file and not only SQLite's own locking: a brief reads the archive, analyses
/// and renders for many seconds; two runs at once must not interleave their reads with an
/// ingest's writes, and the second run should wait (up to a timeout) and then say clearly
/// why it gave up, instead of failing on SQLITE_BUSY halfway. flock locks belong to the
/// open file, so the kernel releases them when a process dies: a crashed run never leaves
/// the archive locked. The lock file itself is never removed (removing it would race).
public final class ArchiveLock {
    public let path: String
    private var fd: Int32

    /// Locks `<databasePath>.lock`, shared (readers) or exclusive (writers and briefs),
    /// polling until `timeout` seconds have passed; `onWait` is called once if it must wait.
    public init(databasePath: String, exclusive: Bool, timeout: Double, onWait: (() -> Void)? = nil) throws {
        path = databasePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ArchiveError.database(path: databasePath,
                                        message: "cannot open the lock file \(path) (\(String(cString: strerror(errno))))")
        }
        let operation = exclusive ? LOCK_EX : LOCK_SH
        let start = Date()
        var waited = false
        while flock(fd, operation | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw ArchiveError.database(path: databasePath,
                                            message: "cannot lock \(path) (\(String(cString: strerror(code))))")
            }
            if !waited { waited = true; onWait?() }
            if Date().timeIntervalSince(start) >= timeout {
                close(fd)
                fd = -1
                throw ArchiveError.locked(path: databasePath, lockFile: path, seconds: timeout)
            }
            usleep(50_000)
        }
    }

    /// Turns a shared lock into an exclusive one (to migrate an older archive), waiting as above.
    func upgrade(timeout: Double, databasePath: String) throws {
        let start = Date()
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date().timeIntervalSince(start) >= timeout {
                throw ArchiveError.locked(path: databasePath, lockFile: path, seconds: timeout)
            }
            usleep(50_000)
        }
    }

    public func release() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
