/// The documented exit codes of `despatch` (see README, "Exit codes").
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// Bad command line: unknown option, missing argument, invalid value.
    case usage = 1
    /// Input articles: folder missing, no readable article, limits exceeded.
    case input = 2
    /// Layout description: missing, malformed, invalid.
    case layout = 3
    /// Rendering or writing the output: fonts, Cairo, unwritable output, missing glyphs with --strict.
    case render = 4
    /// Article archive: database missing, corrupt or locked.
    case archive = 5
    /// Gold file or evaluation below threshold.
    case evaluation = 6
    /// The installation: a resource the build ships (the analysis vocabulary) is missing or unreadable.
    case installation = 7
    /// Interrupted by SIGINT or SIGTERM (128 + signal number is used for the exit code).
    case interrupted = 130
}

/// A failure that ends a run: one clear message and its exit status.
public struct DespatchFailure: Error, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
