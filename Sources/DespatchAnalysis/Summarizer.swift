import DespatchCore
import Foundation

/// Extractive summaries: LexRank (cosine over TF-IDF of folded stems, PageRank) with a small lead
/// bias and redundancy removal. Candidates are capped so a huge article stays cheap.
struct Summarizer {
    let stopwords: WordSet
    var maxCandidates = 60

    /// `stops[i]`, when given, says whether `folded[i]` is a stopword (from the lexicon).
    func stems(_ folded: [String], stops: [Bool]? = nil) -> [String] {
        var out: [String] = []
        out.reserveCapacity(folded.count)
        for (i, w) in folded.enumerated() {
            let isStop = stops.map { $0[i] } ?? stopwords.contains(w)
            var copy = w
            let ascii = copy.withUTF8 { u -> String?? in
                for b in u where b >= 0x80 { return .none }
                // ASCII: characters are bytes.
                guard u.count >= 3, !isStop, !u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .some(nil) }
                return .some(u.count <= 6 ? w : String(decoding: UnsafeBufferPointer(rebasing: u[0..<6]), as: UTF8.self))
            }
            if let ascii {
                if let stem = ascii { out.append(stem) }
                continue
            }
            guard w.count >= 3, !isStop, !w.allSatisfy({ $0.isNumber }) else { continue }
            out.append(String(w.prefix(6)))
        }
        return out
    }

    /// A ranking: candidate indices best first, and their pairwise similarities.
    struct Ranking {
        var order: [Int] = []
        /// Pairwise similarities, row by row (`n` by `n`).
        var sim: [Double] = []
        var n = 0

        /// The best `count` sentences, skipping near-duplicates of those already chosen, in original order.
        func select(_ count: Int) -> [Int] {
            var chosen: [Int] = []
            for i in order where chosen.count < count {
                if chosen.contains(where: { sim[$0 * n + i] > 0.5 }) { continue }
                chosen.append(i)
            }
            return chosen.sorted()
        }
    }

    /// Ranks sentences, returns indices of the chosen ones (in the original order).
    func choose(_ sentences: [[String]], count: Int, leadBias: Bool = true) -> [Int] {
        guard count > 0 else { return [] }
        return rank(sentences, leadBias: leadBias).select(count)
    }

    /// `stops`, when given, holds each sentence's stopword flags (see `stems`).
    func rank(_ sentences: [[String]], stops: [[Bool]]? = nil, leadBias: Bool = true) -> Ranking {
        guard !sentences.isEmpty else { return Ranking() }
        let n = min(sentences.count, maxCandidates)
        // Term ids in order of first use; each sentence a sorted list of (id, count).
        var ids = WordMap<Int>()
        var df: [Int] = []
        var bags: [[(Int, Int)]] = []
        bags.reserveCapacity(n)
        var termIDs: [Int] = []
        for i in 0..<n {
            termIDs.removeAll(keepingCapacity: true)
            for s in stems(sentences[i], stops: stops?[i]) {
                if let x = ids[s] { termIDs.append(x) } else { ids[s] = df.count; termIDs.append(df.count); df.append(0) }
            }
            termIDs.sort()
            var bag: [(Int, Int)] = []
            bag.reserveCapacity(termIDs.count)
            for id in termIDs {
                if let last = bag.last, last.0 == id { bag[bag.count - 1].1 += 1 } else { bag.append((id, 1)) }
            }
            for (id, _) in bag { df[id] += 1 }
            bags.append(bag)
        }
        // The TF-IDF vectors, normalised, in one array (`start[i]..<start[i + 1]` is sentence i):
        // an array per sentence was retained and bounds-checked at each of the n² products.
        var terms: [Int] = [], weights: [Double] = []
        var start = [Int](repeating: 0, count: n + 1)
        for (i, bag) in bags.enumerated() {
            let first = weights.count
            for (id, tf) in bag {
                terms.append(id)
                weights.append(Double(tf) * log(Double(n + 1) / Double(df[id])))
            }
            var squares = 0.0
            for k in first..<weights.count { squares += weights[k] * weights[k] }
            let norm = sqrt(squares)
            if norm > 0 { for k in first..<weights.count { weights[k] /= norm } }
            start[i + 1] = weights.count
        }
        // Cosines: each vector scattered once into a dense row, then dotted with the later
        // ones. The products are summed in increasing term order, as a merge of the two
        // sparse vectors would (the absent terms add exact zeros: weights are positive).
        var sim = [Double](repeating: 0, count: n * n)
        var dense = [Double](repeating: 0, count: df.count)
        terms.withUnsafeBufferPointer { t in
            weights.withUnsafeBufferPointer { w in
                dense.withUnsafeMutableBufferPointer { d in
                    sim.withUnsafeMutableBufferPointer { out in
                        for i in 0..<n {
                            for k in start[i]..<start[i + 1] { d[t[k]] = w[k] }
                            for j in (i + 1)..<max(i + 1, n) {
                                var c = 0.0
                                for k in start[j]..<start[j + 1] { c += d[t[k]] * w[k] }
                                out[i * n + j] = c
                                out[j * n + i] = c
                            }
                            for k in start[i]..<start[i + 1] { d[t[k]] = 0 }
                        }
                    }
                }
            }
        }
        var rank = Array(repeating: 1.0 / Double(n), count: n)
        // Row sums, and each row's non-zero entries gathered once (one array, rows delimited
        // by `rowStart`) for the power iteration: the same sums in the same order as over the
        // full rows, without walking the zeros.
        // Row sums, and each row's non-zero entries gathered once (one array, rows delimited
        // by `rowStart`) for the power iteration: the same sums in the same order as over the
        // full rows, without walking the zeros (a loop over full rows is not vectorised here,
        // and cost 30 % more).
        var rowSums = [Double](repeating: 0, count: n)
        var edges: [(Int, Double)] = []
        var rowStart = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n {
                let w = sim[i * n + j]
                sum += w
                if w > 0 { edges.append((j, w)) }
            }
            rowSums[i] = sum
            rowStart[i + 1] = edges.count
        }
        var next = [Double](repeating: 0, count: n)
        edges.withUnsafeBufferPointer { all in
            for _ in 0..<25 {
                next.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n { out[i] = 0.15 / Double(n) }
                    for j in 0..<n where rowSums[j] > 0 {
                        let share = 0.85 * rank[j] / rowSums[j]
                        for k in rowStart[j]..<rowStart[j + 1] { out[all[k].0] += share * all[k].1 }
                    }
                }
                swap(&rank, &next)
            }
        }
        var score = rank
        for i in 0..<n {
            if leadBias { score[i] += 0.6 / Double(n) / Double(1 + i) }
            let len = sentences[i].count
            if len < 8 { score[i] *= 0.3 } else if len > 60 { score[i] *= 0.7 }
        }
        let order = (0..<n).sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
        return Ranking(order: order, sim: sim, n: n)
    }
}
