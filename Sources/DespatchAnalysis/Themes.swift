import DespatchCore
import DespatchModel
import Foundation

/// Theme hits of one article: taxonomy matches in body sentences only.
struct ArticleThemes {
    var counts: [String: Int] = [:]
    var variants: [String: [String]] = [:]
    var evidence: [String: (String, Int)] = [:]   // best sentence and its number of hits

    /// The taxonomy's matches in each body sentence, computed once: the themes and the key
    /// phrases (which leave out what the taxonomy covers) both need them.
    static func matches(_ readings: [SentenceReading], vocabulary v: Vocabulary) -> [[PhraseMatcher<String>.Match]] {
        readings.map { $0.s.kind == .body ? v.themeMatcher.matches($0.s.folded, ids: $0.ids) : [] }
    }

    /// `matches` holds `ArticleThemes.matches` of the sentences' readings, one entry per sentence.
    init(sentences: [Sentence], matches: [[PhraseMatcher<String>.Match]]) {
        for (s, found) in zip(sentences, matches) where s.kind == .body {
            var perSentence: [String: Int] = [:]
            for m in found {
                counts[m.payload, default: 0] += 1
                perSentence[m.payload, default: 0] += 1
                let surface = s.words[m.start..<m.end].joined(separator: " ")
                if !(variants[m.payload] ?? []).contains(where: { TextFolding.key($0) == TextFolding.key(surface) }) {
                    variants[m.payload, default: []].append(surface)
                }
            }
            for (id, n) in perSentence where n > (evidence[id]?.1 ?? 0) { evidence[id] = (s.text, n) }
        }
    }

    /// Scores in 0...1, saturating with the number of hits.
    var scores: [ThemeScore] {
        counts.map { ThemeScore(id: $0.key, score: ((1 - exp(-Double($0.value) / 2)) * 1000).rounded() / 1000) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    }
}

/// Statistical key phrases (RAKE/YAKE-style: word degree over frequency, weighted by how many
/// articles use the phrase) for what the taxonomy does not cover.
enum KeyPhraseExtractor {
    /// Punctuation in the gap before a word that ends a candidate phrase.
    static let boundaries: Set<Character> = Set(",.;:()\"“”–—")

    /// Whether the text between two words holds one of `boundaries`; a single space (most
    /// gaps) is decided without decoding.
    static func isBoundary(_ gap: String) -> Bool {
        let u = gap.utf8
        if u.count == 1, u.first == 0x20 { return false }
        if u.isEmpty { return false }
        return gap.contains(where: { boundaries.contains($0) })
    }

    /// Fewer than three letters (scalars); ASCII words are measured in bytes.
    static func isShort(_ w: String) -> Bool {
        let n = w.utf8.count
        if n < 3 { return true }
        if w.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return w.unicodeScalars.count < 3
    }

    /// `isShort(w) || startsWithNumber(w)`, decided in one look at the bytes for ASCII words.
    static func isShortOrNumber(_ w: String) -> Bool {
        var copy = w
        let ascii: Bool? = copy.withUTF8 { u in
            guard u.count >= 3 else { return true }                  // short in bytes, so in scalars
            for b in u where b >= 0x80 { return nil }
            return u[0] >= 0x30 && u[0] <= 0x39                      // three ASCII letters or more
        }
        return ascii ?? (isShort(w) || startsWithNumber(w))
    }

    static func startsWithNumber(_ w: String) -> Bool {
        guard let b = w.utf8.first else { return false }
        return b < 0x80 ? b >= 0x30 && b <= 0x39 : w.first!.isNumber
    }

    /// What one article contributes: candidate phrases (runs of up to four content words
    /// between stop words and punctuation) and their words' counts. Tallies are merged in
    /// article order, so the readings of an article can be let go once it is counted.
    struct Tally: Sendable {
        /// Each content word with its count and its degree (the words of the phrases it is in).
        var words: [(word: String, freq: Int, degree: Int)] = []
        /// Phrases in the order first seen, with the words as written, and their counts.
        var phrases: [(key: String, surface: String, count: Int)] = []
        /// Words inside the taxonomy's matches.
        var covered: [String] = []
        var article = 0
    }

    /// One access to a table entry (one hash) for both counts.
    @inline(__always)
    fileprivate static func add(_ c: inout (freq: Int, degree: Int), _ freq: Int, _ degree: Int) {
        c.freq += freq
        c.degree += degree
    }

    /// `themeMatches` holds `ArticleThemes.matches` of the readings' sentences.
    static func tally(_ readings: [SentenceReading], themeMatches: [[PhraseMatcher<String>.Match]], article ai: Int,
                      vocabulary v: Vocabulary) -> Tally {
        // Counted in hash tables, handed back as arrays: a corpus's tallies are all held until
        // they are ranked, and the tables are mostly empty slots.
        var counter = PhraseCounter()
        var covered = WordSet()
        var run: [Int] = []
        for (r, found) in zip(readings, themeMatches) where r.s.kind == .body {
            // The arrays read in the loop, taken once: read through the classes, each access
            // retained and released its buffer.
            let folded = r.s.folded
            let flags = r.caps.bytes
            for m in found { for k in m.start..<m.end { covered.insert(folded[k]) } }
            run.removeAll(keepingCapacity: true)
            for i in 0..<folded.count {
                let f = flags[i]
                if i > 0 && f & TokenFlags.spaceBefore == 0 && Self.isBoundary(r.gaps[i]) { counter.flush(&run, r) }
                if f & (TokenFlags.stopword | TokenFlags.verb) != 0 || Self.isShortOrNumber(folded[i]) { counter.flush(&run, r) } else { run.append(i) }
            }
            counter.flush(&run, r)
        }
        var t = Tally()
        t.article = ai
        t.words.reserveCapacity(counter.words.count)
        for (w, c) in zip(counter.words, counter.counts) { t.words.append((w, c.freq, c.degree)) }
        t.phrases = counter.phrases
        t.covered = Array(covered)
        return t
    }

    /// The counts of one article's candidate phrases while they are found. A struct with a
    /// mutating method, not a nested function capturing the tables: captured variables pay a
    /// dynamic exclusivity check on every access.
    ///
    /// Words are numbered in the order the article first uses them, and a phrase is found by
    /// its words' numbers packed into 64 bits (16 a word, a phrase has at most four): the
    /// phrase's text is joined only the first time it is seen. Joining it and hashing it for
    /// every occurrence cost a tenth of the analysis of an article.
    private struct PhraseCounter {
        var wordIndex = WordMap<Int>(capacity: 64)
        /// The article's content words in order of first use, and each one's counts.
        var words: [String] = []
        var counts: [(freq: Int, degree: Int)] = []
        var phraseIndex = PackedKeyMap(capacity: 512)
        /// Phrases with a word numbered past 16 bits (an article of more than 65,534 content
        /// words), by their text.
        var phraseByText = WordMap<Int>()
        var phrases: [(key: String, surface: String, count: Int)] = []

        /// Counts the run of content words `run` (token indices of `r`) as a phrase, and empties it.
        mutating func flush(_ run: inout [Int], _ r: SentenceReading) {
            guard !run.isEmpty else { return }  // most calls: emptying an empty array is not free
            defer { run.removeAll(keepingCapacity: true) }
            guard run.count <= 4 else { return }
            // Names, places and titles are entities, not key phrases.
            let flags = r.caps.bytes, placeIndexAt = r.placeIndexAt
            if run.allSatisfy({ flags[$0] & TokenFlags.capital != 0 })
                || run.contains(where: { placeIndexAt[$0] >= 0 || flags[$0] & (TokenFlags.title | TokenFlags.city) != 0 }) { return }
            let s = r.s
            let folded = s.folded
            var packed: UInt64 = 0
            var packable = true
            for k in run {
                let w = folded[k]
                let n: Int
                if let known = wordIndex[w] {
                    n = known
                } else {
                    n = words.count
                    wordIndex[w] = n
                    words.append(w)
                    counts.append((0, 0))
                }
                KeyPhraseExtractor.add(&counts[n], 1, run.count)
                if n >= 0xFFFF { packable = false }
                packed = packed << 16 | UInt64(truncatingIfNeeded: n + 1)
            }
            func key() -> String {
                var key = folded[run[0]]
                for k in run.dropFirst() { key += " "; key += folded[k] }
                return key
            }
            let text: String
            if packable {
                let n = phraseIndex.value(for: packed, insertingIfAbsent: phrases.count)
                if n < phrases.count { phrases[n].count += 1; return }
                text = key()
            } else {
                text = key()
                if let n = phraseByText[text] { phrases[n].count += 1; return }
                phraseByText[text] = phrases.count
            }
            // The words as written, joined by appending (`[String].joined` is not specialised here).
            var surface = s.words[run[0]]
            for k in run.dropFirst() { surface += " "; surface += s.words[k] }
            phrases.append((text, surface, 1))
        }
    }

    /// Scores the merged tallies (RAKE-style degree over frequency, times log count and the
    /// spread over articles) and returns the best `limit` phrases not covered by the taxonomy.
    static func rank(_ tallies: [Tally], limit: Int = 15) -> [KeyPhrase] {
        // One table for the words and one for the phrases (count, articles, first surface):
        // tallies come in article order, so a phrase's articles are counted by comparing
        // with the last one seen.
        var words = WordMap<(freq: Int, degree: Int)>()
        var phrases = WordMap<(count: Int, docs: Int, lastArticle: Int, surface: String)>()
        var covered = WordSet()
        for t in tallies {
            for (w, f, d) in t.words { add(&words[w, default: (0, 0)], f, d) }
            for (k, form, n) in t.phrases {
                if var p = phrases[k] {
                    p.count += n
                    if p.lastArticle != t.article { p.docs += 1; p.lastArticle = t.article }
                    phrases[k] = p
                } else {
                    phrases[k] = (n, 1, t.article, form)
                }
            }
            covered.formUnion(t.covered)
        }
        var scored: [(key: String, score: Double, surface: String, docs: Int)] = []
        phrases.forEach { key, p in
            guard p.count >= 2 else { return }
            let parts = key.split(separator: " ").map(String.init)
            guard parts.count >= 2, !parts.allSatisfy({ covered.contains($0) }) else { return }
            let wordScore = parts.reduce(0.0) { sum, w in
                let c = words[w]
                return sum + Double(c?.degree ?? 0) / Double(max(1, c?.freq ?? 1))
            }
            scored.append((key, wordScore * log(1 + Double(p.count)) * (1 + log(Double(p.docs))), p.surface, p.docs))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        let top = scored.first?.score ?? 1
        return scored.prefix(limit).map { p in
            KeyPhrase(phrase: p.surface, score: (p.score / top * 1000).rounded() / 1000, articles: p.docs)
        }
    }
}
