import DespatchAnalysis
import DespatchRender
import Foundation

/// Starts loading the analysis vocabulary on the second core as the process starts, for the
/// commands that analyse articles.
///
/// Why: the vocabulary takes some 23 M instructions to load (5 to 10 ms here), and the
/// digest's analysis waited for it: the pipeline started it only after the command line had
/// been parsed and the layout loaded, so it ran alongside the reading of the articles, which
/// is shorter. Started before the command line is parsed (which alone is some 14 M
/// instructions of ArgumentParser's reflection), it is ready by the time the articles are read.
///
/// The loading thread is waited for at exit, so that a command that fails early (a missing
/// input folder) never exits while the vocabulary's files are being read.
public enum VocabularyPrefetch {
    private static let group = DispatchGroup()

    /// Starts the loading when `arguments` (the process's, program name first) run one of the
    /// commands named in `analysing` (or the default command, when `analysesByDefault`);
    /// does nothing otherwise.
    public static func begin(arguments: [String], analysing: Set<String>, analysesByDefault: Bool) {
        guard analyses(arguments, analysing: analysing, analysesByDefault: analysesByDefault) else { return }
        DispatchQueue.global().async(group: group) {
            let clock = PhaseClock()
            _ = Vocabulary.shared
            clock.mark("vocabulary (before the command line was parsed)")
        }
        atexit { VocabularyPrefetch.group.wait() }
    }

    /// Whether the command line runs a command that analyses: its first word names one of
    /// `analysing`, or it names none (no words, or options only) and the default command
    /// analyses. Not a request for help or the version.
    public static func analyses(_ arguments: [String], analysing: Set<String>, analysesByDefault: Bool) -> Bool {
        let words = arguments.dropFirst()
        if words.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "--version" }) { return false }
        guard let first = words.first, !first.hasPrefix("-") else { return analysesByDefault }
        return analysing.contains(first)
    }
}
