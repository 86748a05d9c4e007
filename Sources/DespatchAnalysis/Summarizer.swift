import DespatchCore
import Foundation

/// Extractive summaries: LexRank (cosine over TF-IDF of folded stems, PageRank) with a small lead
/// bias and redundancy removal. Candidates are capped so a huge article stays cheap.
struct Summarizer {
    let stopwords: WordSet
    var maxCandidates = 60

    /// The stems of a sentence's folded words as numbers, in order: the first six characters
    /// of each word of three or more that is neither a stopword nor a number. `stops[i]`,
    /// when given, says whether `folded[i]` is a stopword (from the lexicon). An ASCII stem
    /// (most of them) is its bytes and its length packed into 64 bits, so that it is
    /// numbered without making a string; any other is numbered through `others`, above the
    /// packed range. A stem's number says which stem it is, nothing more.
    func stemKeys(_ folded: [String], stops: TokenFlags.Column?, others: inout WordMap<Int>, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let listed = stops == nil ? folded.map { stopwords.contains($0) } : []
        for i in 0..<folded.count where !(stops?[i] ?? listed[i]) {
            var w = folded[i]
            let packed = w.withUTF8 { u -> UInt64?? in
                var digits = true
                for b in u {
                    if b >= 0x80 { return .none }
                    if b < 0x30 || b > 0x39 { digits = false }
                }
                // ASCII: characters are bytes.
                return .some(u.count >= 3 && !digits ? Self.packedStem(u) : nil)
            }
            if let packed {
                if let key = packed { out.append(key) }
                continue
            }
            guard w.count >= 3, !w.allSatisfy({ $0.isNumber }) else { continue }
            var stem = String(w.prefix(6))
            if stem.isASCIIBytes {
                out.append(stem.withUTF8 { Self.packedStem($0) })
            } else {
                let n = others[stem] ?? { let n = others.count; others[stem] = n; return n }()
                out.append(1 << 63 | UInt64(n))
            }
        }
    }

    /// The stem of an ASCII word: its first six bytes, and their count in the top byte.
    @inline(__always)
    static func packedStem(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key = UInt64(min(u.count, 6)) << 56
        for k in 0..<min(u.count, 6) { key |= UInt64(u[k]) << (8 * UInt64(k)) }
        return key
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

    /// `stops`, when given, holds each sentence's stopword flags (see `stemKeys`).
    func rank(_ sentences: [[String]], stops: [TokenFlags.Column]? = nil, leadBias: Bool = true) -> Ranking {
        guard !sentences.isEmpty else { return Ranking() }
        let n = min(sentences.count, maxCandidates)
        // Term ids in order of first use; each sentence a sorted list of (id, count).
        var ids = PackedKeyMap(capacity: 256)
        var others = WordMap<Int>()
        var df: [Int] = []
        var bags: [[(Int, Int)]] = []
        bags.reserveCapacity(n)
        var keys: [UInt64] = []
        var termIDs: [Int] = []
        for i in 0..<n {
            termIDs.removeAll(keepingCapacity: true)
            stemKeys(sentences[i], stops: stops?[i], others: &others, into: &keys)
            for key in keys {
                let x = ids.value(for: key, insertingIfAbsent: df.count)
                if x == df.count { df.append(0) }
                termIDs.append(x)
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
        let (sim, pairs) = Self.cosines(n: n, terms: terms, weights: weights, start: start, df: df)
        var score = Self.lexRank(n: n, pairs: pairs)
        for i in 0..<n {
            if leadBias { score[i] += 0.6 / Double(n) / Double(1 + i) }
            let len = sentences[i].count
            if len < 8 { score[i] *= 0.3 } else if len > 60 { score[i] *= 0.7 }
        }
        let order = (0..<n).sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
        return Ranking(order: order, sim: sim, n: n)
    }

    /// The pairs of sentences that share a term, (i, j > i) with their cosine, in the order
    /// found (i increasing, and for each i, j increasing), and the n-by-n matrix of them.
    /// Sentence i is the TF-IDF vector `weights[start[i]..<start[i + 1]]` over `terms`.
    static func cosines(n: Int, terms: [Int], weights: [Double], start: [Int], df: [Int])
        -> (sim: [Double], pairs: [(i: Int32, j: Int32, w: Double)]) {
        // Cosines over an inverted index: for sentence i, each of its terms in increasing
        // order adds its products with the later sentences that hold the term. Only pairs
        // that share a term are touched (most pairs of short sentences share none: dotting
        // every pair cost three quarters of ranking), and each pair's products are summed in
        // increasing term order, as a merge of the two sparse vectors sums them.
        var sim = [Double](repeating: 0, count: n * n)
        // Postings of each term, by sentence in increasing order: `df` is each one's length.
        var postingStart = [Int](repeating: 0, count: df.count + 1)
        for (t, d) in df.enumerated() { postingStart[t + 1] = postingStart[t] + d }
        var cursor = Array(postingStart.dropLast())
        var postedSentence = [Int](repeating: 0, count: terms.count)
        var postedWeight = [Double](repeating: 0, count: terms.count)
        for i in 0..<n {
            for k in start[i]..<start[i + 1] {
                let t = terms[k]
                postedSentence[cursor[t]] = i
                postedWeight[cursor[t]] = weights[k]
                cursor[t] += 1
            }
        }
        // `cursor[t]` now walks each term's postings again: at sentence i it is i's own.
        for t in 0..<df.count { cursor[t] = postingStart[t] }
        var sums = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        touched.reserveCapacity(n)
        var pairs: [(i: Int32, j: Int32, w: Double)] = []
        pairs.reserveCapacity(4 * n)
        terms.withUnsafeBufferPointer { terms in
            weights.withUnsafeBufferPointer { weights in
                postedSentence.withUnsafeBufferPointer { postedSentence in
                    postedWeight.withUnsafeBufferPointer { postedWeight in
                        sums.withUnsafeMutableBufferPointer { sums in
                            sim.withUnsafeMutableBufferPointer { out in
                                for i in 0..<n {
                                    for k in start[i]..<start[i + 1] {
                                        let t = terms[k], wi = weights[k]
                                        let own = cursor[t]
                                        cursor[t] = own + 1
                                        for p in (own + 1)..<postingStart[t + 1] {
                                            let j = postedSentence[p]
                                            if sums[j] == 0 { touched.append(j) }
                                            sums[j] += wi * postedWeight[p]
                                        }
                                    }
                                    touched.sort()
                                    for j in touched {
                                        out[i * n + j] = sums[j]
                                        out[j * n + i] = sums[j]
                                        pairs.append((Int32(i), Int32(j), sums[j]))
                                        sums[j] = 0
                                    }
                                    touched.removeAll(keepingCapacity: true)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (sim, pairs)
    }

    /// LexRank's scores: 25 steps of the power iteration (damping 0.85) over the graph of
    /// `pairs` (see `cosines`).
    static func lexRank(n: Int, pairs: [(i: Int32, j: Int32, w: Double)]) -> [Double] {
        var rank = Array(repeating: 1.0 / Double(n), count: n)
        // Each row's non-zero entries (rows delimited by `rowStart`) for the power iteration,
        // which walks no zeros (a loop over full rows is not vectorised here, and cost 30 %
        // more), and the row sums. Row r holds its pairs with every i < r, found in increasing
        // i before r's own pass, then those of r's own pass in increasing j: filled in the
        // order found, each row is in increasing column order without sorting, and without
        // reading the n-by-n matrix. The matrix is symmetric, so row i's entries are also what
        // every j gives to i: each new rank is summed in one register over its own row, in
        // increasing j, which are the same sums in the same order as scattering each row's
        // shares into the others; and a row's sum over its non-zero entries in increasing
        // order is its sum over the full row.
        var rowStart = [Int](repeating: 0, count: n + 1)
        for p in pairs { rowStart[Int(p.i) + 1] += 1; rowStart[Int(p.j) + 1] += 1 }
        for i in 0..<n { rowStart[i + 1] += rowStart[i] }
        var fill = Array(rowStart.dropLast())
        var columns = [Int32](repeating: 0, count: 2 * pairs.count)
        var edgeWeights = [Double](repeating: 0, count: 2 * pairs.count)
        for p in pairs {
            let i = Int(p.i), j = Int(p.j)
            columns[fill[i]] = p.j; edgeWeights[fill[i]] = p.w; fill[i] += 1
            columns[fill[j]] = p.i; edgeWeights[fill[j]] = p.w; fill[j] += 1
        }
        var rowSums = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for k in rowStart[i]..<rowStart[i + 1] { sum += edgeWeights[k] }
            rowSums[i] = sum
        }
        var share = [Double](repeating: 0, count: n)
        columns.withUnsafeBufferPointer { col in
            edgeWeights.withUnsafeBufferPointer { w in
                share.withUnsafeMutableBufferPointer { share in
                    rank.withUnsafeMutableBufferPointer { rank in
                        let base = 0.15 / Double(n)
                        for _ in 0..<25 {
                            // A row without entries gives nothing, and no row holds it.
                            for j in 0..<n where rowSums[j] > 0 { share[j] = 0.85 * rank[j] / rowSums[j] }
                            for i in 0..<n {
                                var sum = base
                                for k in rowStart[i]..<rowStart[i + 1] { sum += share[Int(col[k])] * w[k] }
                                rank[i] = sum
                            }
                        }
                    }
                }
            }
        }
        return rank
    }
}
