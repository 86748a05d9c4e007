import Foundation

/// Prints the time of each rendering phase to standard error when DESPATCH_TIMINGS is set,
/// so that a profile can be read without a profiler.
public final class PhaseClock {
    public init() {}
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["DESPATCH_TIMINGS"] != nil

    public func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "despatch: timing: %@: %.3f s\n", phase, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
