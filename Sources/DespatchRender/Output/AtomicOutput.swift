import Foundation

/// Writes a file under a temporary name in the destination folder, then renames it into
/// place: a failed or interrupted run never leaves a half-written file, an existing file
/// stays untouched until the new one is complete, and a symlink at the destination is
/// replaced rather than followed.
public final class AtomicOutput {
    public let destination: String
    public let temporaryPath: String
    private var committed = false

    /// Checks that the destination folder exists and is writable before any work is done.
    public init(destination: String) throws {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw RenderError.output(path: destination, reason: "folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw RenderError.output(path: destination, reason: "folder \(folder) is not writable")
        }
        var isDirDest: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirDest), isDirDest.boolValue {
            throw RenderError.output(path: destination, reason: "is a folder, not a file")
        }
        self.destination = destination
        self.temporaryPath = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        AtomicOutput.register(temporaryPath)
    }

    deinit {
        if !committed { abandon() }
    }

    /// Moves the finished temporary file into place.
    public func commit() throws {
        if rename(temporaryPath, destination) != 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw RenderError.output(path: destination, reason: "cannot be written (\(reason))")
        }
        committed = true
        AtomicOutput.unregister(temporaryPath)
    }

    /// Removes the temporary file.
    public func abandon() {
        unlink(temporaryPath)
        AtomicOutput.unregister(temporaryPath)
    }

    /// Free bytes on the file system holding `path`'s folder.
    public static func availableBytes(near path: String) -> Int? {
        var stats = statvfs()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(folder, &stats) == 0 else { return nil }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    // Temporary files still open, removed by `removeAllPending()` from a signal handler path.
    nonisolated(unsafe) private static var pending = Set<String>()
    private static let lock = NSLock()

    private static func register(_ path: String) {
        lock.lock(); pending.insert(path); lock.unlock()
    }

    private static func unregister(_ path: String) {
        lock.lock(); pending.remove(path); lock.unlock()
    }

    /// Deletes every temporary file not yet committed (on SIGINT/SIGTERM).
    public static func removeAllPending() {
        lock.lock()
        let paths = pending
        lock.unlock()
        for p in paths { unlink(p) }
    }
}
