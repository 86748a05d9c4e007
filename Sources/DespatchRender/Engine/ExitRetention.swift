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
public final class ExitRetention: @unchecked Sendable {  // its state is read and written under `lock`
    /// The process's one.
    public static let shared = ExitRetention()

    private var enabled = false
    private var kept: [Any] = []
    private let lock = NSLock()

    init() {}

    /// Whether objects handed to `keep` are kept to the end of the process.
    public var isEnabled: Bool {
        lock.lock(); defer { lock.unlock() }
        return enabled
    }

    /// Turns the keeping on, for the rest of the process (a one-document command's choice),
    /// unless DESPATCH_EXIT_RETENTION=0 in `environment`.
    public func enable(environment: [String: String] = ProcessInfo.processInfo.environment) {
        lock.lock(); defer { lock.unlock() }
        enabled = environment["DESPATCH_EXIT_RETENTION"] != "0"
    }

    /// Keeps `object` to the end of the process when enabled; does nothing otherwise.
    public func keep(_ object: Any) {
        lock.lock(); defer { lock.unlock() }
        guard enabled else { return }
        kept.append(object)
    }
}
