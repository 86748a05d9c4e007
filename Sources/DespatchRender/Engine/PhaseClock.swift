import Foundation

/// Prints the time of each rendering phase to standard error when DESPATCH_TIMINGS is set,
/// with the peak memory so far, so that a profile can be read without a profiler.
public final class PhaseClock {
    public init() {}
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["DESPATCH_TIMINGS"] != nil

    /// Prints a line without ending a phase.
    public func note(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("despatch: timing: \(text)\n".utf8))
    }

    public func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakMiB = Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        FileHandle.standardError.write(Data(String(format: "despatch: timing: %@: %.3f s (peak memory so far %.0f MiB)\n",
                                                   phase, now.timeIntervalSince(last), peakMiB).utf8))
        last = now
    }
}
