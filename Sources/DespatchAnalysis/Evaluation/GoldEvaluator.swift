import DespatchCore
import DespatchModel
import Foundation

/// Precision, recall and F1 from counts.
public struct PRF: Sendable, Codable, Equatable {
    public var tp = 0, fp = 0, fn = 0
    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) { self.tp = tp; self.fp = fp; self.fn = fn }
    /// 1 when nothing was predicted and nothing expected.
    public var precision: Double { tp + fp == 0 ? (fn == 0 ? 1 : 0) : Double(tp) / Double(tp + fp) }
    public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public static func + (a: PRF, b: PRF) -> PRF { PRF(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn) }
}

/// A ratio with its counts (accuracy over matched items).
public struct Ratio: Sendable, Codable, Equatable {
    public var correct = 0, total = 0
    public init(correct: Int = 0, total: Int = 0) { self.correct = correct; self.total = total }
    public var value: Double { total == 0 ? 1 : Double(correct) / Double(total) }
    public static func + (a: Ratio, b: Ratio) -> Ratio { Ratio(correct: a.correct + b.correct, total: a.total + b.total) }
}

public struct ArticleEvaluation: Sendable {
    public var file: String
    public var bodyReactions = PRF()
    public var relatedReactions = PRF()
    public var country = Ratio()
    public var stance = Ratio()
    /// Gold task lists found (any predicted list matched by its items).
    public var taskListsFound = Ratio()
    public var statedCount = Ratio()
    public var itemCount = Ratio()
    public var themes = PRF()
    /// Human-readable notes on misses (for debugging a score).
    public var notes: [String] = []
}

public struct AlignmentEvaluation: Sendable {
    public var description: String
    public var found: Bool
    public var exact: Bool
}

public struct EvaluationReport: Sendable {
    public var articles: [ArticleEvaluation]
    public var alignments: [AlignmentEvaluation]
    /// Predicted alignments the gold does not list.
    public var extraAlignments: Int

    public var overall: ArticleEvaluation {
        var o = ArticleEvaluation(file: "overall")
        for a in articles {
            o.bodyReactions = o.bodyReactions + a.bodyReactions
            o.relatedReactions = o.relatedReactions + a.relatedReactions
            o.country = o.country + a.country
            o.stance = o.stance + a.stance
            o.taskListsFound = o.taskListsFound + a.taskListsFound
            o.statedCount = o.statedCount + a.statedCount
            o.itemCount = o.itemCount + a.itemCount
            o.themes = o.themes + a.themes
        }
        return o
    }

    public var alignmentExactness: Ratio {
        Ratio(correct: alignments.filter(\.exact).count, total: alignments.count)
    }

    public func formatted() -> String {
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? String(s.prefix(n)) : s + String(repeating: " ", count: n - s.count) }
        var lines: [String] = []
        lines.append(pad("article", 26) + " body P/R     related P/R  country stance lists  stated items  themes P/R/F1")
        for a in articles + [overall] {
            lines.append(pad(a.file, 26) + " "
                + pad("\(f(a.bodyReactions.precision))/\(f(a.bodyReactions.recall))", 12) + " "
                + pad("\(f(a.relatedReactions.precision))/\(f(a.relatedReactions.recall))", 12) + " "
                + pad(f(a.country.value), 7) + " " + pad(f(a.stance.value), 6) + " "
                + pad("\(a.taskListsFound.correct)/\(a.taskListsFound.total)", 6) + " "
                + pad("\(a.statedCount.correct)/\(a.statedCount.total)", 6) + " "
                + pad("\(a.itemCount.correct)/\(a.itemCount.total)", 5) + " "
                + "\(f(a.themes.precision))/\(f(a.themes.recall))/\(f(a.themes.f1))")
        }
        for al in alignments { lines.append("alignment \(al.description): " + (al.exact ? "exact" : al.found ? "found, pairs differ" : "missing")) }
        lines.append("alignment exactness \(alignmentExactness.correct)/\(alignmentExactness.total); extra alignments \(extraAlignments)")
        for a in articles { for n in a.notes { lines.append("  \(a.file): \(n)") } }
        return lines.joined(separator: "\n")
    }
}

/// Scores a `Digest` against a hand-made answer key (the format of gold/seeds.json).
///
/// A reaction matches by speaker name (case- and diacritic-insensitive; a surname match counts),
/// or, where the gold speaker is null, by country_or_org (or, both null, by the head noun of the role).
public struct GoldEvaluator: Sendable {
    public init() {}

    public func evaluate(_ digest: Digest, goldURL: URL) throws -> EvaluationReport {
        let data = try Data(contentsOf: goldURL)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let goldArticles = root["articles"] as? [[String: Any]] else {
            throw NSError(domain: "GoldEvaluator", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(goldURL.path): not an answer key"])
        }
        let taxonomy = (root["themes"] as? [String: Any]).map { Set($0.keys) }
        return evaluate(digest, gold: goldArticles, taxonomy: taxonomy)
    }

    static func key(_ s: String?) -> String? { s.map { TextFolding.key($0) }.flatMap { $0.isEmpty ? nil : $0 } }

    static func headNoun(_ role: String?) -> String? {
        guard var w = Tokenizer.foldedWords(role ?? "").last else { return nil }
        if w.hasSuffix("s") { w.removeLast() }
        return w
    }

    static func speakerMatches(gold: [String: Any], pred: Reaction) -> Bool {
        if let gs = key(gold["speaker"] as? String) {
            guard let ps = key(pred.speaker) else { return false }
            if gs == ps { return true }
            let gw = gs.split(separator: " "), pw = ps.split(separator: " ")
            return gw.last == pw.last || gs.contains(ps) || ps.contains(gs)
        }
        if pred.speaker != nil { return false }
        if let gc = key(gold["country_or_org"] as? String) { return key(pred.countryOrOrg) == gc }
        return pred.countryOrOrg == nil && headNoun(gold["role"] as? String) == headNoun(pred.role)
    }

    /// `taxonomy`: the theme ids the answer key knows; predicted themes outside it are not scored
    /// (the key cannot say whether they are right).
    func evaluate(_ digest: Digest, gold: [[String: Any]], taxonomy: Set<String>? = nil) -> EvaluationReport {
        var report = EvaluationReport(articles: [], alignments: [], extraAlignments: 0)
        var listMatch: [String: [Int: Int]] = [:]   // file -> gold list index (1-based) -> predicted list index
        var goldLists: [String: [[String: Any]]] = [:]
        for g in gold {
            guard let file = g["file"] as? String else { continue }
            var e = ArticleEvaluation(file: file)
            guard let pred = digest.articles.first(where: { $0.file == file }) else {
                e.notes.append("article missing from the digest")
                report.articles.append(e)
                continue
            }
            // Reactions, body and related separately.
            let goldReactions = g["reactions"] as? [[String: Any]] ?? []
            for related in [false, true] {
                let gs = goldReactions.filter { ($0["related"] as? Bool ?? false) == related }
                var ps = pred.reactions.filter { $0.related == related }
                var prf = PRF()
                for gr in gs {
                    if let i = ps.firstIndex(where: { Self.speakerMatches(gold: gr, pred: $0) }) {
                        let p = ps.remove(at: i)
                        prf.tp += 1
                        let countryOK = Self.key(gr["country_or_org"] as? String) == Self.key(p.countryOrOrg)
                        e.country.total += 1; if countryOK { e.country.correct += 1 } else {
                            e.notes.append("country of \(p.speaker ?? p.role ?? "?"): \(p.countryOrOrg ?? "nil") ≠ \(gr["country_or_org"] as? String ?? "nil")")
                        }
                        e.stance.total += 1
                        if (gr["stance"] as? String) == p.stance.rawValue { e.stance.correct += 1 } else {
                            e.notes.append("stance of \(p.speaker ?? p.role ?? "?"): \(p.stance.rawValue) ≠ \(gr["stance"] as? String ?? "nil")")
                        }
                    } else {
                        prf.fn += 1
                        e.notes.append("missed \(related ? "related " : "")reaction \(gr["speaker"] as? String ?? gr["role"] as? String ?? "?") (\(gr["country_or_org"] as? String ?? "nil"))")
                    }
                }
                prf.fp = ps.count
                for p in ps { e.notes.append("extra \(related ? "related " : "")reaction \(p.speaker ?? "nil") / \(p.role ?? "nil") (\(p.countryOrOrg ?? "nil"))") }
                if related { e.relatedReactions = prf } else { e.bodyReactions = prf }
            }
            // Task lists: each gold list is matched to the predicted list sharing the most item words.
            let gl = g["task_lists"] as? [[String: Any]] ?? []
            goldLists[file] = gl
            var used = Set<Int>()
            for (gi, l) in gl.enumerated() {
                let gItems = l["items"] as? [String] ?? []
                let gWords = Set(Tokenizer.foldedWords(gItems.joined(separator: " ")).filter { $0.count > 3 })
                var best: (Int, Double)?
                for (pi, pl) in pred.taskLists.enumerated() where !used.contains(pi) {
                    let pWords = Set(Tokenizer.foldedWords(pl.items.joined(separator: " ")).filter { $0.count > 3 })
                    let overlap = Double(gWords.intersection(pWords).count) / Double(max(1, gWords.count))
                    if overlap > (best?.1 ?? 0.2) { best = (pi, overlap) }
                }
                e.taskListsFound.total += 1; e.statedCount.total += 1; e.itemCount.total += 1
                guard let (pi, _) = best else { e.notes.append("task list \(gi + 1) not found"); continue }
                used.insert(pi)
                listMatch[file, default: [:]][gi + 1] = pi + 1
                let pl = pred.taskLists[pi]
                e.taskListsFound.correct += 1
                if pl.statedCount == l["stated_count"] as? Int { e.statedCount.correct += 1 } else { e.notes.append("list \(gi + 1) stated count \(pl.statedCount.map(String.init) ?? "nil")") }
                if pl.items.count == gItems.count { e.itemCount.correct += 1 } else { e.notes.append("list \(gi + 1) has \(pl.items.count) items, gold \(gItems.count)") }
            }
            // Themes.
            let gThemes = Set(g["themes"] as? [String] ?? [])
            let pThemes = Set(pred.themes.map(\.id)).filter { taxonomy?.contains($0) ?? true }
            e.themes = PRF(tp: gThemes.intersection(pThemes).count, fp: pThemes.subtracting(gThemes).count, fn: gThemes.subtracting(pThemes).count)
            if !pThemes.subtracting(gThemes).isEmpty { e.notes.append("extra themes \(pThemes.subtracting(gThemes).sorted())") }
            if !gThemes.subtracting(pThemes).isEmpty { e.notes.append("missed themes \(gThemes.subtracting(pThemes).sorted())") }
            report.articles.append(e)
        }
        // Alignments.
        var matchedPredicted = Set<Int>()
        for g in gold {
            guard let file = g["file"] as? String, let al = g["alignment"] as? [String: Any],
                  let with = al["with"] as? String, let goldPairs = al["pairs"] as? [[Int]] else { continue }
            let parts = with.components(separatedBy: " / ")
            let otherFile = parts[0].trimmingCharacters(in: .whitespaces)
            let otherLabel = parts.count > 1 ? parts[1] : ""
            let otherLists = goldLists[otherFile] ?? []
            let otherIndex = (otherLists.firstIndex { ($0["label"] as? String) == otherLabel } ?? 0) + 1
            let myLists = goldLists[file] ?? []
            let myIndex = (myLists.lastIndex { ($0["items"] as? [String] ?? []).count == goldPairs.count } ?? max(0, myLists.count - 1)) + 1
            let desc = "\(file)#\(myIndex) ~ \(otherFile)#\(otherIndex)"
            guard let pMine = listMatch[file]?[myIndex], let pOther = listMatch[otherFile]?[otherIndex] else {
                report.alignments.append(AlignmentEvaluation(description: desc, found: false, exact: false)); continue
            }
            var result = AlignmentEvaluation(description: desc, found: false, exact: false)
            for (ai, a) in digest.alignments.enumerated() {
                var pairs: Set<[Int]>
                if a.a.file == file && a.a.list == pMine && a.b.file == otherFile && a.b.list == pOther {
                    pairs = Set(a.pairs.map { [Int($0[0]), Int($0[1])] })
                } else if a.b.file == file && a.b.list == pMine && a.a.file == otherFile && a.a.list == pOther {
                    pairs = Set(a.pairs.map { [Int($0[1]), Int($0[0])] })
                } else { continue }
                matchedPredicted.insert(ai)
                result.found = true
                result.exact = pairs == Set(goldPairs)
            }
            report.alignments.append(result)
        }
        report.extraAlignments = digest.alignments.count - matchedPredicted.count
        return report
    }
}
