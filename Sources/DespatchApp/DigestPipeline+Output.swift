import DespatchAnalysis
import DespatchModel
import Foundation

extension DigestPipeline {
    /// The digest as pretty-printed JSON, field names as in ANALYSIS-JSON.md.
    public static func encodeJSON(_ digest: Digest) throws -> Data {
        try DigestJSON.encode(digest)
    }

    /// Scores the digest against a gold file (the shape of ../shared/gold/seeds.json).
    public func evaluate(_ digest: Digest, gold path: String) throws -> EvaluationReport {
        do {
            return try GoldEvaluator().evaluate(digest, goldURL: URL(fileURLWithPath: path))
        } catch {
            throw DespatchFailure(.evaluation, "\(path): cannot be read as a gold file (\(error))")
        }
    }

    /// A short human-readable account of the analysis, for the terminal.
    public static func textSummary(_ digest: Digest) -> String {
        var lines: [String] = []
        for a in digest.articles {
            lines.append("\(a.file)  \(a.date ?? "undated")  \(a.source ?? "-")  \(a.title)")
            lines.append("  themes: \(a.themes.map(\.id).joined(separator: ", "))")
            lines.append("  reactions: \(a.reactions.count), officials: \(a.officials.count), task lists: \(a.taskLists.count), facts: \(a.facts.count)")
            for d in a.discrepancies { lines.append("  ! \(d)") }
        }
        return lines.joined(separator: "\n")
    }
}
