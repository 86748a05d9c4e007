import Foundation

/// Keeps what a render (or an analysis) made alive until the process exits, for a command that
/// exits as soon as its one document is written.
///
/// Why: at the end of the sample digest, freeing the pages, their blocks and shaped lines, the
/// digest and the corpus object by object took about 2 ms of the main thread, after the PDF
/// was complete, for memory that the operating system takes back at exit in one go. Compilers
/// do the same (clang's `-disable-free`). A process that renders many documents (the weekly
/// briefs, the tests) leaves this off, and everything is freed as it goes out of use.
///
/// `make memcheck` turns it off (DESPATCH_EXIT_RETENTION=0): LeakSanitizer is there to see
/// everything freed, and fontconfig holds parts of its patterns by encoded offsets, which it
/// cannot follow, so kept fonts would read as leaks.
public enum ExitRetention {
    nonisolated(unsafe) private static var enabledFlag = false
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    /// Whether objects handed to `keep` are kept to the end of the process.
    public static var isEnabled: Bool {
        lock.lock(); defer { lock.unlock() }
        return enabledFlag
    }

    /// Turns the keeping on, for the rest of the process (a one-document command's choice),
    /// unless DESPATCH_EXIT_RETENTION=0.
    public static func enable() {
        lock.lock(); defer { lock.unlock() }
        enabledFlag = ProcessInfo.processInfo.environment["DESPATCH_EXIT_RETENTION"] != "0"
    }

    /// Keeps `object` to the end of the process when enabled; does nothing otherwise.
    public static func keep(_ object: Any) {
        lock.lock(); defer { lock.unlock() }
        guard enabledFlag else { return }
        kept.append(object)
    }

    /// How many objects are kept (for tests).
    static var keptCount: Int {
        lock.lock(); defer { lock.unlock() }
        return kept.count
    }
}
