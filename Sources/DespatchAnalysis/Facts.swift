import DespatchCore
import DespatchModel
import Foundation

/// Short fact lines: the clause around each figure (counts, numbered resolutions, years, percentages).
enum FactExtractor {
    static func extract(_ sentences: [Sentence], limit: Int = 10) -> [Fact] {
        var facts: [Fact] = []
        var seen = Set<String>()
        for s in sentences where s.kind == .body {
            guard s.words.contains(where: { isFigure($0) }) else { continue }
            // Clauses split at strong punctuation and commas.
            var clauses: [String] = []
            var current = ""
            for ch in s.text {
                if ";,:()–—".contains(ch) && !(ch == "," && current.last?.isNumber == true) {
                    clauses.append(current); current = ""
                } else { current.append(ch) }
            }
            clauses.append(current)
            for c in clauses {
                let words = c.split(separator: " ")
                guard let idx = words.firstIndex(where: { isFigure($0) }) else { continue }
                // Keep up to 3 words before and 6 after the first figure.
                let lo = max(0, idx - 3), hi = min(words.count, idx + 7)
                var text = words[lo..<hi].joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                for lead in ["and ", "the ", "which ", "that ", "with "] where text.lowercased().hasPrefix(lead) { text = String(text.dropFirst(lead.count)) }
                guard text.split(separator: " ").count >= 2 else { continue }
                let key = TextFolding.key(text)
                if seen.contains(key) { continue }
                seen.insert(key)
                facts.append(Fact(text: text))
                if facts.count >= limit { return facts }
            }
        }
        return facts
    }
}

/// A figure: contains a digit and is not an ordinal ("14th", "1st").
func isFigure<S: StringProtocol>(_ w: S) -> Bool {
    // ASCII words (nearly all, once folded) are checked on bytes; others by Character.
    let hasNumber = w.utf8.allSatisfy({ $0 < 0x80 }) ? w.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } : w.contains(where: { $0.isNumber })
    guard hasNumber else { return false }
    let t = w.lowercased().trimmingCharacters(in: .punctuationCharacters)
    for suffix in ["st", "nd", "rd", "th"] where t.hasSuffix(suffix) && t.dropLast(2).allSatisfy({ $0.isNumber }) { return false }
    return true
}

enum DiscrepancyFinder {
    /// Dates in one article's text that contradict its own date or the date of another article
    /// (same day and month, another year: the year is likely wrong).
    /// The corpus's dated articles by day of the year (month * 100 + day), built once per
    /// corpus: indexing them again for every article made the analysis quadratic.
    typealias DatedIndex = [Int: [(file: String, date: CalendarDay)]]

    static func index(_ dated: [(file: String, date: CalendarDay)]) -> DatedIndex {
        var byDay: DatedIndex = [:]
        for o in dated { byDay[o.date.month * 100 + o.date.day, default: []].append(o) }
        return byDay
    }

    static func dates(article: ArticleStructure, file: String, others byDay: DatedIndex) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for (raw, day, _) in article.textDates {
            if let own = article.date, day > own {
                let msg = "Mentions \(raw) (\(day.iso)), after the article's own date \(own.iso)."
                if seen.insert(msg).inserted { out.append(msg) }
            }
            for o in byDay[day.month * 100 + day.day] ?? [] where o.file != file {
                if o.date.month == day.month, o.date.day == day.day, abs(o.date.year - day.year) == 1 {
                    let msg = "Dates an event '\(raw)' while \(o.file) is dated \(o.date.iso): the year may be wrong."
                    if seen.insert(msg).inserted { out.append(msg) }
                }
            }
        }
        return out
    }
}
