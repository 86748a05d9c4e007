import DespatchCore
import DespatchModel
import Foundation

/// Enumerated lists in prose: ordinal paragraphs ("First, … Sixth, …"), counted announcements
/// ("five groups of focal tasks, including A; and B. He also called for C … Finally, D") and
/// dash or colon series ("three major tasks – a; b; and c").
struct TaskListExtractor {
    /// The vocabulary by reference (see `ReactionExtractor`).
    let box: VocabularyBox
    var v: Vocabulary { _read { yield box.vocabulary } }
    init(vocabulary: Vocabulary) { box = VocabularyBox(vocabulary) }
    init(box: VocabularyBox) { self.box = box }

    struct Found {
        var list: TaskList
        var fullItems: [String]
        var kind: String
    }

    /// A count as the analysis's English messages write it: its count word in list_cues.txt,
    /// else digits.
    static func word(_ n: Int) -> String { Vocabulary.shared.englishNumberWords[n] ?? String(n) }

    /// A sentence-opening ordinal ("Second,", "Thứ hai,") and its value; 0 = "Finally".
    func ordinal(_ s: Sentence, _ r: SentenceReading) -> (Int, Int)? {
        let n = min(4, s.folded.count)
        // Most sentences open with no ordinal: told by the first word's id, before copying.
        guard n > 0, v.ordinals.mayStart(id: r.ids[0]) else { return nil }
        guard let m = v.ordinals.matches(Array(s.folded[0..<n]), ids: Array(r.ids[0..<n])).first, m.start == 0 else { return nil }
        guard m.end < r.count, r.gaps[m.end].containsBytes(",") || r.gaps[m.end].containsBytes(":") else { return nil }
        return (m.payload, m.end)
    }

    /// Text of the sentence from token `i` on.
    static func rest(_ s: Sentence, from i: Int) -> String {
        guard i < s.tokens.count else { return "" }
        return Tokenizer.slice(s.bytes, s.tokens[i].offset, s.bytes.count)
    }

    static func clean(_ item: String) -> String {
        var t = item.trimmingScalars(where: { $0 == "," || $0 == ";" || Unicode.Scalar.isWhitespaceOrNewline($0) })
        // Only the item's opening is lowercased: the whole item once per joiner cost 150,000
        // instructions an item.
        for joiner in Vocabulary.shared.itemJoiners where opens(t, with: joiner) {
            t = String(t.dropFirst(joiner.count + 1))
        }
        while let last = t.last, Self.trailing.contains(last) { t.removeLast() }
        return t.trimmingSpaces()
    }

    /// What `clean` takes off an item's end. A set: a string literal's `contains` walks its
    /// characters with grapheme breaking at every call.
    static let trailing: Set<Character> = [".", "…", ";", ","]

    /// Whether `text` opens with `joiner` (lower case) and a space, in any case. An ASCII
    /// opening is compared byte by byte; any other is lowercased as characters, as before
    /// (a prefix lowercased and joined with a space for every joiner was most of `clean`).
    static func opens(_ text: String, with joiner: String) -> Bool {
        let n = joiner.utf8.count
        let head = text.utf8.prefix(n + 1)
        if joiner.isASCIIBytes, head.allSatisfy({ $0 < 0x80 }) {
            guard head.count == n + 1, head.last == 0x20 else { return false }
            return zip(head, joiner.utf8).allSatisfy { a, b in (a >= 0x41 && a <= 0x5A ? a | 0x20 : a) == b }
        }
        return text.prefix(joiner.count + 1).lowercased() == joiner + " "
    }

    /// A short label for an item: its first clause, at most 16 words.
    static func label(_ item: String) -> String {
        if item.isASCIIBytes {
            // Words are the runs between spaces (bytes, for ASCII, are characters): counted
            // without splitting the item into substrings.
            var runs: [Range<Int>] = [], start = -1
            var copy = item
            let over = copy.withUTF8 { b -> Bool in
                for (i, c) in b.enumerated() {
                    if c == 0x20 {
                        if start >= 0 { runs.append(start..<i); start = -1; if runs.count > 16 { return true } }
                    } else if start < 0 { start = i }
                }
                if start >= 0 { runs.append(start..<b.count) }
                return runs.count > 16
            }
            guard over else { return item }
            let u = Array(item.utf8)
            return runs.prefix(16).map { String(decoding: u[$0], as: UTF8.self) }.joined(separator: " ") + " …"
        }
        let words = item.split(separator: " ")
        if words.count <= 16 { return item }
        return words.prefix(16).joined(separator: " ") + " …"
    }

    /// Splits a series on semicolons; with fewer than two parts, on commas and a final "and".
    static func splitSeries(_ text: String) -> [String] {
        var parts = text.split(separator: ";").map { clean(String($0)) }.filter { !$0.isEmpty }
        if parts.count < 2 {
            var series = text
            for joiner in Vocabulary.shared.seriesJoiners {
                series = series.replacingOccurrences(of: ", " + joiner + " ", with: ", ").replacingOccurrences(of: " " + joiner + " ", with: ", ")
            }
            parts = series.split(separator: ",").map { clean(String($0)) }.filter { !$0.isEmpty }
        }
        return parts
    }

    /// A counted announcement in a sentence: (count, label, token index where the items start).
    func announcement(_ s: Sentence, _ r: SentenceReading) -> (Int, String, Int)? {
        for i in 0..<s.folded.count {
            let f = s.folded[i]
            // A number word (by its lexicon id), or digits: only a word whose fold starts with a
            // digit can parse. The fold of a word that opens with an ASCII byte opens with that
            // byte lowered, so the sentence's own byte tells (a string's first byte cost some
            // twenty instructions a word).
            let lead = s.tokens[i].length > 0 ? s.bytes[s.tokens[i].offset] : 0
            let digits = lead < 0x80 ? lead >= 0x30 && lead <= 0x39 : f.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            guard let n = v.number(id: r.ids[i]) ?? (digits ? Int(f).flatMap { (2...30).contains($0) ? $0 : nil } : nil) else { continue }
            guard i + 1 < s.folded.count else { continue }
            let upper = min(s.folded.count, i + 5)
            let window = Array(s.folded[(i + 1)..<upper])
            guard let noun = v.listNouns.matches(window, ids: Array(r.ids[(i + 1)..<upper])).first else { continue }
            var end = i + 1 + noun.end
            // "groups of focal tasks": extend over "of" + up to three words ending in a list noun.
            if end < s.folded.count, v.nounLinks.contains(s.folded[end]) {
                let w2 = Array(s.folded[(end + 1)..<min(s.folded.count, end + 4)])
                if let n2 = v.listNouns.matches(w2).first { end = end + 1 + n2.end }
            }
            guard end < r.count else { continue }
            // Something between number and noun other than modifiers (e.g. punctuation) breaks it.
            if (i + 1..<end).contains(where: { r.gaps[$0].contains(where: { ",;:.".contains($0) }) }) { continue }
            // The items open within a few words: ":", a dash, or "including"/"namely"/"gồm"
            // (Vietnamese puts modifiers after the noun: "ba nhiệm vụ trọng tâm, gồm: …").
            var start: Int?
            var e = end
            while e < r.count, e - end <= 3 {
                let gap = r.gaps[e]
                if gap.containsBytes(":") || gap.containsBytes("–") || gap.containsBytes("—") || gap.containsBytes(" - ") { start = e; break }
                if let intro = v.listIntros.first(where: { e + $0.count <= r.count && s.folded[e..<(e + $0.count)].elementsEqual($0) }) {
                    start = e + intro.count
                    break
                }
                if gap.contains(where: { ",;.()".contains($0) }) && e > end || gap.contains(where: { ";.()".contains($0) }) { break }
                e += 1
            }
            guard let st = start, st < r.count else { continue }
            return (n, r.text(i, end), st)
        }
        return nil
    }

    func extract(_ sentences: [Sentence]) -> [Found] {
        extract(readings: sentences.filter { $0.kind == .body }.map { SentenceReading($0, box) })
    }

    func extract(readings all: [SentenceReading]) -> [Found] {
        let readings = all.filter { $0.s.kind == .body }
        let body = readings.map(\.s)
        var lists: [Found] = []
        var i = 0
        var ordinalOpen: Int?   // index in `lists` of the open ordinal list
        var lastOrdinal = 0
        while i < body.count {
            let s = body[i]
            let r = readings[i]
            if let (value, cueEnd) = ordinal(s, r) {
                // The item: this sentence and the rest of its paragraph.
                var itemText = Self.rest(s, from: cueEnd)
                var k = i + 1
                while k < body.count, body[k].paragraph == s.paragraph { itemText += " " + body[k].text; k += 1 }
                let item = Self.clean(itemText)
                let short = Self.clean(Self.rest(s, from: cueEnd))
                if value == 1 {
                    // A new "First," after a list starts another list.
                    let (count, label) = i > 0 ? intro(readings[i - 1]) : (nil, nil)
                    lists.append(Found(list: TaskList(label: label ?? "points introduced by “First”", statedCount: count, items: [Self.label(short)]),
                                       fullItems: [item], kind: "ordinal"))
                    ordinalOpen = lists.count - 1
                    lastOrdinal = 1
                } else if let open = ordinalOpen, value == 0 || value > lastOrdinal {
                    lists[open].list.items.append(Self.label(short))
                    lists[open].fullItems.append(item)
                    lastOrdinal = value
                    if value == 0 { ordinalOpen = nil }
                }
                i = k
                continue
            }
            if let (n, label, start) = announcement(s, r) {
                var items = Self.splitSeries(Self.rest(s, from: start))
                // Continuations in the following sentences.
                var j = i + 1
                while j < body.count, body[j].paragraph - s.paragraph <= 3 {
                    let t = body[j]
                    let tr = readings[j]
                    if let (value, cueEnd) = ordinal(t, tr), value == 0 {
                        items += [Self.clean(Self.continuationText(t, from: cueEnd, skipping: v.leadInWords))]
                        j += 1
                        break
                    }
                    guard let c = v.continuations.matches(Array(t.folded.prefix(8))).first else { break }
                    items += Self.splitSeries(Self.continuationText(t, from: c.end, skipping: v.leadInWords))
                    j += 1
                }
                ordinalOpen = nil
                lists.append(Found(list: TaskList(label: label, statedCount: n, items: items.map(Self.label)), fullItems: items, kind: "counted"))
                i = j
                continue
            }
            i += 1
        }
        return lists
    }

    /// After a continuation cue, skip "he underscored the importance of" and similar lead-ins.
    /// `skip`: the lead-in words of function_words.txt.
    static func continuationText(_ s: Sentence, from i: Int, skipping skip: WordSet) -> String {
        var k = i
        while k < s.folded.count, skip.contains(s.folded[k]), k - i < 8 { k += 1 }
        return rest(s, from: k)
    }

    /// The announcing sentence before an ordinal list: "… will have the following key tasks:".
    func intro(_ r: SentenceReading) -> (Int?, String?) {
        let s = r.s
        var count: Int?
        var label: String?
        for i in 0..<s.folded.count {
            if let n = v.numbers[s.folded[i]], i + 1 < s.folded.count,
               let noun = v.listNouns.matches(Array(s.folded[(i + 1)..<min(s.folded.count, i + 5)])).first {
                count = n
                label = r.text(i, i + 1 + noun.end)
                break
            }
            if v.listAnnouncers.contains(s.folded[i]), i + 1 < s.folded.count,
               let noun = v.listNouns.matches(Array(s.folded[(i + 1)..<min(s.folded.count, i + 5)])).first {
                label = r.text(i + 1, i + 1 + noun.end)
            }
        }
        // Only a sentence that announces (ends with ":" or says "following") gives a count.
        let announces = s.text.trimmingSpaces().hasSuffix(":") || s.folded.contains(where: v.listAnnouncers.contains)
        return announces ? (count, label) : (nil, nil)
    }
}

/// Aligns task lists that describe the same plan in different articles.
struct TaskListAligner {
    let stopwords: WordSet
    var pairThreshold = 0.08
    var listThreshold = 0.15

    func stems(_ text: String) -> Set<String> {
        Set(Tokenizer.foldedWords(text).compactMap { w in
            guard w.count >= 3, !stopwords.contains(w), !w.allSatisfy({ $0.isNumber }) else { return nil }
            return String(w.prefix(5))
        })
    }

    func align(_ lists: [(file: String, index: Int, items: [String])]) -> [TaskAlignment] {
        // Each item is a sorted array of unique stems: sums over it always run in the same
        // order, so equal scores stay equal and the output never depends on hash seeds.
        let bags: [[[String]]] = lists.map { $0.items.map { stems($0).sorted() } }
        var df: [String: Int] = [:]
        var total = 0
        for l in bags { for b in l { total += 1; for s in b { df[s, default: 0] += 1 } } }
        // The idf of every stem, item by item, and each item's mass, computed once (not per pair).
        let weights: [[[Double]]] = bags.map { l in l.map { b in b.map { log(Double(total + 1) / Double(df[$0] ?? 1)) } } }
        let masses: [[Double]] = weights.map { l in l.map { $0.reduce(0.0, +) } }
        func sim(_ x: Int, _ i: Int, _ y: Int, _ j: Int) -> Double {
            let a = bags[x][i], b = bags[y][j], wa = weights[x][i]
            var inter = 0.0
            var p = 0, q = 0
            while p < a.count && q < b.count {
                if a[p] == b[q] { inter += wa[p]; p += 1; q += 1 } else if a[p] < b[q] { p += 1 } else { q += 1 }
            }
            let ma = masses[x][i], mb = masses[y][j]
            let union = ma + mb - inter
            let small = min(ma, mb)
            // Mean of Jaccard and overlap coefficient: a short item inside a long one still scores.
            return union > 0 && small > 0 ? 0.5 * inter / union + 0.5 * inter / small : 0
        }
        // Blocking: only lists sharing at least three not-too-common stems are compared, so a
        // large corpus does not compare every list with every other.
        var postings: [String: [Int]] = [:]
        for (x, l) in bags.enumerated() where l.count >= 2 {
            for s in l.reduce(into: Set<String>(), { $0.formUnion($1) }) { postings[s, default: []].append(x) }
        }
        var shared: [Int: Int] = [:]   // x * lists.count + y -> shared stems
        for (_, xs) in postings where xs.count >= 2 && xs.count <= 60 {
            for i in 0..<xs.count { for j in (i + 1)..<xs.count { shared[xs[i] * lists.count + xs[j], default: 0] += 1 } }
        }
        // At most 12 partners per list, those sharing the most stems.
        var partners: [Int: [(Int, Int)]] = [:]
        for (k, c) in shared where c >= 3 {
            let x = k / lists.count, y = k % lists.count
            partners[x, default: []].append((y, c))
        }
        var pairsToCompare: [(Int, Int)] = []
        for x in partners.keys.sorted() {
            for (y, _) in partners[x]!.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }).prefix(12) { pairsToCompare.append((x, y)) }
        }
        var candidates: [(Int, Int, TaskAlignment)] = []
        for (x, y) in pairsToCompare where lists[x].file != lists[y].file {
            do {
                let a = bags[x], b = bags[y]
                guard a.count >= 2, b.count >= 2 else { continue }
                let m = (0..<a.count).map { i in (0..<b.count).map { j in sim(x, i, y, j) } }
                // Monotone alignment (order as tie-break): dynamic programming over the similarity matrix.
                var dp = Array(repeating: Array(repeating: 0.0, count: b.count + 1), count: a.count + 1)
                for i in 1...a.count {
                    for j in 1...b.count {
                        let s = m[i - 1][j - 1]
                        dp[i][j] = max(dp[i - 1][j], dp[i][j - 1], dp[i - 1][j - 1] + (s >= pairThreshold ? s : 0))
                    }
                }
                var pairs: [[Double]] = []
                var i = a.count, j = b.count
                while i > 0 && j > 0 {
                    let s = m[i - 1][j - 1]
                    if s >= pairThreshold, abs(dp[i][j] - (dp[i - 1][j - 1] + s)) < 1e-12 {
                        pairs.append([Double(i), Double(j), (s * 100).rounded() / 100]); i -= 1; j -= 1
                    } else if dp[i - 1][j] >= dp[i][j - 1] { i -= 1 } else { j -= 1 }
                }
                pairs.reverse()
                let score = dp[a.count][b.count] / Double(max(a.count, b.count))
                guard score >= listThreshold, Double(pairs.count) >= Double(min(a.count, b.count)) / 2 else { continue }
                let al = TaskAlignment(a: TaskListRef(file: lists[x].file, list: lists[x].index),
                                       b: TaskListRef(file: lists[y].file, list: lists[y].index),
                                       pairs: pairs, score: (score * 1000).rounded() / 1000)
                candidates.append((x, y, al))
            }
        }
        // Each list pairs with at most one list of another article: best score first.
        candidates.sort { $0.2.score > $1.2.score }
        var used = Set<String>()
        var result: [TaskAlignment] = []
        for (x, y, al) in candidates {
            let kx = "\(x)>\(lists[y].file)", ky = "\(y)>\(lists[x].file)"
            if used.contains(kx) || used.contains(ky) { continue }
            used.insert(kx); used.insert(ky)
            result.append(al)
        }
        return result
    }
}
