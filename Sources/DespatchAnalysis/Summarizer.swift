import DespatchCore
import Foundation

/// Extractive summaries: LexRank (cosine over TF-IDF of folded stems, PageRank) with a small lead
/// bias and redundancy removal. Candidates are capped so a huge article stays cheap.
struct Summarizer {
    let stopwords: Set<String>
    var maxCandidates = 60

    typealias Vector = [Int: Double]

    func stems(_ folded: [String]) -> [String] {
        folded.compactMap { w in
            guard w.count >= 3, !stopwords.contains(w), !w.allSatisfy({ $0.isNumber }) else { return nil }
            return String(w.prefix(6))
        }
    }

    /// Ranks sentences, returns indices of the chosen ones (in the original order).
    func choose(_ sentences: [[String]], count: Int, leadBias: Bool = true) -> [Int] {
        guard count > 0, !sentences.isEmpty else { return [] }
        let n = min(sentences.count, maxCandidates)
        var ids: [String: Int] = [:]
        var df: [Int: Int] = [:]
        var bags: [[Int: Int]] = []
        for i in 0..<n {
            var bag: [Int: Int] = [:]
            for s in stems(sentences[i]) {
                let id = ids[s] ?? { let x = ids.count; ids[s] = x; return x }()
                bag[id, default: 0] += 1
            }
            for id in bag.keys { df[id, default: 0] += 1 }
            bags.append(bag)
        }
        let vectors: [Vector] = bags.map { bag in
            var v: Vector = [:]
            var norm = 0.0
            for (id, tf) in bag {
                let w = Double(tf) * log(Double(n + 1) / Double(df[id]! ))
                v[id] = w
                norm += w * w
            }
            norm = sqrt(norm)
            if norm > 0 { for k in v.keys { v[k]! /= norm } }
            return v
        }
        func cos(_ a: Vector, _ b: Vector) -> Double {
            let (small, big) = a.count < b.count ? (a, b) : (b, a)
            var s = 0.0
            for (k, x) in small { if let y = big[k] { s += x * y } }
            return s
        }
        var sim = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { let c = cos(vectors[i], vectors[j]); sim[i][j] = c; sim[j][i] = c } }
        var rank = Array(repeating: 1.0 / Double(n), count: n)
        let rowSums = sim.map { row in row.reduce(0, +) }
        for _ in 0..<25 {
            var next = Array(repeating: 0.15 / Double(n), count: n)
            for j in 0..<n where rowSums[j] > 0 {
                let share = 0.85 * rank[j] / rowSums[j]
                for i in 0..<n where sim[j][i] > 0 { next[i] += share * sim[j][i] }
            }
            rank = next
        }
        var score = rank
        for i in 0..<n {
            if leadBias { score[i] += 0.6 / Double(n) / Double(1 + i) }
            let len = sentences[i].count
            if len < 8 { score[i] *= 0.3 } else if len > 60 { score[i] *= 0.7 }
        }
        let order = (0..<n).sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
        var chosen: [Int] = []
        for i in order where chosen.count < count {
            if chosen.contains(where: { sim[$0][i] > 0.5 }) { continue }
            chosen.append(i)
        }
        return chosen.sorted()
    }
}
