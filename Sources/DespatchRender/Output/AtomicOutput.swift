import Foundation

/// Writes a file under a temporary name in the destination folder, then renames it into
/// place: a failed or interrupted run never leaves a half-written file, an existing file
/// stays untouched until the new one is complete, and a symlink at the destination is
/// replaced rather than followed.
///
/// The temporary file is created here, exclusively, and written only through
/// `fileDescriptor` (Cairo writes through a stream callback, never by path): once a signal
/// handler has removed every pending file, no thread can bring one back by name, and no new
/// one can be started.
public final class AtomicOutput {
    public let destination: String
    public let temporaryPath: String
    /// The open temporary file; closed by `commit` or `abandon`.
    public private(set) var fileDescriptor: Int32 = -1
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
        self.fileDescriptor = try AtomicOutput.create(temporaryPath, for: destination)
    }

    deinit {
        if !committed { abandon() }
    }

    /// Moves the finished temporary file into place.
    public func commit() throws {
        if fsync(fileDescriptor) != 0 || close(fileDescriptor) != 0 {
            let reason = String(cString: strerror(errno))
            fileDescriptor = -1
            abandon()
            throw RenderError.output(path: destination, reason: "cannot be written (\(reason))")
        }
        fileDescriptor = -1
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
        if fileDescriptor >= 0 { close(fileDescriptor); fileDescriptor = -1 }
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

    nonisolated(unsafe) private static var shuttingDown = false

    /// Creates the temporary file (O_EXCL: never an existing file or a symlink) and records
    /// it, both under the lock that `removeAllPending` takes: a file is either removed by it
    /// or never created.
    private static func create(_ path: String, for destination: String) throws -> Int32 {
        lock.lock(); defer { lock.unlock() }
        guard !shuttingDown else { throw RenderError.output(path: destination, reason: "interrupted") }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RenderError.output(path: destination, reason: "cannot be written (\(String(cString: strerror(errno))))")
        }
        pending.insert(path)
        return fd
    }

    /// Writes all of `bytes` to the temporary file; false on a write error (errno is set).
    public func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        Self.writeAll(fileDescriptor, bytes)
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    private static func unregister(_ path: String) {
        lock.lock(); pending.remove(path); lock.unlock()
    }

    /// Deletes every temporary file not yet committed (on SIGINT/SIGTERM).
    /// Tests only: accept new outputs again after `removeAllPending`.
    static func resumeAfterShutdownForTesting() {
        lock.lock(); shuttingDown = false; lock.unlock()
    }

    public static func removeAllPending() {
        lock.lock()
        shuttingDown = true
        for p in pending { unlink(p) }
        pending.removeAll()
        lock.unlock()
    }
}
