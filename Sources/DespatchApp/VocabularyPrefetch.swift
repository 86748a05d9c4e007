import DespatchAnalysis
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

    /// Starts the loading when `arguments` (the process's, program name first) run a command
    /// that analyses; does nothing otherwise.
    public static func begin(arguments: [String]) {
        guard analyses(arguments) else { return }
        DispatchQueue.global().async(group: group) { _ = Vocabulary.shared }
        atexit { VocabularyPrefetch.group.wait() }
    }

    /// The commands that analyse: `digest` (also when no command is named, as it is the
    /// default), `analyze`, `eval`, `export` and `brief`. Not `bench`, whose analysis
    /// scenario runs in a process of its own and measures the loading as it always has; not
    /// a request for help or the version.
    public static func analyses(_ arguments: [String]) -> Bool {
        let words = arguments.dropFirst()
        if words.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "--version" }) { return false }
        guard let first = words.first else { return true }
        if first.hasPrefix("-") { return true }  // options of the default command, digest
        return ["digest", "analyze", "eval", "export", "brief"].contains(first)
    }
}
