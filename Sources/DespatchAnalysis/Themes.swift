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

    static func startsWithNumber(_ w: String) -> Bool {
        guard let b = w.utf8.first else { return false }
        return b < 0x80 ? b >= 0x30 && b <= 0x39 : w.first!.isNumber
    }

    /// What one article contributes: candidate phrases (runs of up to four content words
    /// between stop words and punctuation) and their words' counts. Tallies are merged in
    /// article order, so the readings of an article can be let go once it is counted.
    struct Tally: Sendable {
        var freq = WordMap<Int>()
        var degree = WordMap<Int>()
        var phraseCount = WordMap<Int>()
        /// Phrases in the order first seen, with the words as written.
        var surfaces: [(key: String, surface: String)] = []
        var covered = WordSet()
        var article = 0
    }

    /// `themeMatches` holds `ArticleThemes.matches` of the readings' sentences.
    static func tally(_ readings: [SentenceReading], themeMatches: [[PhraseMatcher<String>.Match]], article ai: Int,
                      vocabulary v: Vocabulary) -> Tally {
        var t = Tally()
        t.article = ai
        for (r, found) in zip(readings, themeMatches) where r.s.kind == .body {
            let s = r.s
            for m in found { for k in m.start..<m.end { t.covered.insert(s.folded[k]) } }
            var run: [Int] = []
            func flush() {
                defer { run.removeAll() }
                guard !run.isEmpty, run.count <= 4 else { return }
                // Names, places and titles are entities, not key phrases.
                if run.allSatisfy({ r.caps[$0] }) || run.contains(where: { r.placeAt[$0] != nil || r.titleAt[$0] || r.isCity[$0] }) { return }
                let key = run.count == 1 ? s.folded[run[0]] : run.map { s.folded[$0] }.joined(separator: " ")
                for k in run { t.freq[s.folded[k], default: 0] += 1; t.degree[s.folded[k], default: 0] += run.count }
                if let n = t.phraseCount[key] {
                    t.phraseCount[key] = n + 1
                } else {
                    t.phraseCount[key] = 1
                    t.surfaces.append((key, run.count == 1 ? s.words[run[0]] : run.map { s.words[$0] }.joined(separator: " ")))
                }
            }
            for i in 0..<s.folded.count {
                let w = s.folded[i]
                let boundary = i > 0 && Self.isBoundary(r.gaps[i])
                if boundary { flush() }
                if Self.isShort(w) || v.stopwords.contains(w) || Self.startsWithNumber(w) || r.verbAt[i] { flush() } else { run.append(i) }
            }
            flush()
        }
        return t
    }

    /// Scores the merged tallies (RAKE-style degree over frequency, times log count and the
    /// spread over articles) and returns the best `limit` phrases not covered by the taxonomy.
    static func rank(_ tallies: [Tally], limit: Int = 15) -> [KeyPhrase] {
        var freq: [String: Int] = [:]
        var degree: [String: Int] = [:]
        var phraseCount: [String: Int] = [:]
        var phraseDocs: [String: Set<Int>] = [:]
        var surface: [String: String] = [:]
        var covered = Set<String>()
        for t in tallies {
            t.freq.forEach { w, n in freq[w, default: 0] += n }
            t.degree.forEach { w, n in degree[w, default: 0] += n }
            t.phraseCount.forEach { k, n in phraseCount[k, default: 0] += n; phraseDocs[k, default: []].insert(t.article) }
            for (k, form) in t.surfaces where surface[k] == nil { surface[k] = form }
            covered.formUnion(t.covered)
        }
        var scored: [(String, Double)] = []
        for (key, n) in phraseCount where n >= 2 {
            let words = key.split(separator: " ").map(String.init)
            guard words.count >= 2, !words.allSatisfy({ covered.contains($0) }) else { continue }
            let wordScore = words.reduce(0.0) { $0 + Double(degree[$1] ?? 0) / Double(max(1, freq[$1] ?? 1)) }
            let docs = Double(phraseDocs[key]?.count ?? 1)
            scored.append((key, wordScore * log(1 + Double(n)) * (1 + log(docs))))
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let top = scored.first?.1 ?? 1
        return scored.prefix(limit).map { key, score in
            KeyPhrase(phrase: surface[key] ?? key, score: (score / top * 1000).rounded() / 1000,
                      articles: phraseDocs[key].map { $0.sorted() }?.count ?? 0)
        }
    }
}
