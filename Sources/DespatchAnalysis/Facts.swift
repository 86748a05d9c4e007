import DespatchCore
import DespatchModel
import Foundation

/// Short fact lines: the phrase around each figure (counts, numbered resolutions, years,
/// percentages), cut so that it reads as a noun phrase ("19-member Politburo", "over 40 years
/// of Doi moi") rather than a window of words.
enum FactExtractor {
    static func extract(_ sentences: [Sentence], vocabulary v: Vocabulary = .shared, limit: Int = 10) -> [Fact] {
        var facts: [Fact] = []
        var seen = Set<String>()
        for s in sentences where s.kind == .body {
            guard mayHoldFigure(s), s.words.contains(where: { isFigure($0) }) else { continue }
            // A date is not a fact: leave out figures that belong to one ("February 7, 2025").
            var sentence = s.text
            for (raw, _) in DateFinder.find(in: sentence) { sentence = sentence.replacingOccurrences(of: raw, with: " ; ") }
            for c in clauses(sentence) {
                let words = c.split(separator: " ")
                guard let idx = words.firstIndex(where: { isFigure($0) }) else { continue }
                var lo = max(0, idx - 3), hi = min(words.count, idx + 7)
                // A name the window ends inside runs to its end ("the 1973 Paris Peace Accords").
                var extra = 0
                while hi < words.count, extra < 4, isCapitalised(words[hi]) { hi += 1; extra += 1 }
                // End before the first function word that opens a new phrase ("to oversee …",
                // "in the coming years"), unless it joins another figure ("… and the 1973 …").
                if idx + 2 < hi, let cut = (idx + 2..<hi).first(where: { k in
                    isFunctionWord(words[k], v) && !isPhraseLink(words[k], v)
                        && !words[(k + 1)..<min(hi, k + 3)].contains(where: { isFigure($0) })
                }) { hi = cut }
                // Begin after the last function word before the figure ("… agreed to hold a “2+2”
                // dialogue"), when that leaves a phrase; then drop lead-ins ("added", "including").
                if let last = (lo..<idx).last(where: { isFunctionWord(words[$0], v) }), hi - (last + 1) >= 2 { lo = last + 1 }
                while lo < idx, isLeadIn(words[lo], v) { lo += 1 }
                while hi > idx + 1, isFunctionWord(words[hi - 1], v) { hi -= 1 }
                let phrase = balancedQuotes(words[lo..<hi].joined(separator: " ").trimmingCharacters(in: Self.edges))
                guard phrase.split(separator: " ").count >= 2 else { continue }
                let key = TextFolding.key(phrase)
                if seen.contains(key) { continue }
                seen.insert(key)
                facts.append(Fact(text: phrase))
                if facts.count >= limit { return facts }
            }
        }
        return facts
    }

    /// Whether a word of `s` could be a figure: the sentence has an ASCII digit, or a word
    /// with letters past ASCII (another script's digits). A figure holds a number, and an
    /// ASCII word holds one only as an ASCII digit: most sentences are told by one look at
    /// their bytes instead of a test of every word (some 130 instructions a word).
    static func mayHoldFigure(_ s: Sentence) -> Bool {
        s.bytes.withUnsafeBufferPointer { b in
            var nonASCII = false
            for c in b {
                if c >= 0x30 && c <= 0x39 { return true }
                if c >= 0x80 { nonASCII = true }
            }
            guard nonASCII else { return false }
            // Only the words past ASCII can hold another script's digits.
            for (k, t) in s.tokens.enumerated() where b[t.offset..<t.end].contains(where: { $0 >= 0x80 }) {
                if isFigure(s.words[k]) { return true }
            }
            return false
        }
    }

    /// Clauses split at strong punctuation and commas; a comma between digits ("1,000") stays.
    static func clauses(_ text: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            let thousands = ch == "," && current.last?.isNumber == true && i + 1 < chars.count && chars[i + 1].isNumber
            if clauseBreaks.contains(ch) && !thousands {
                clauses.append(current); current = ""
            } else { current.append(ch) }
        }
        clauses.append(current)
        return clauses
    }

    /// What ends a clause. A set: asking a string literal whether it contains a character
    /// walks its characters each time, 2,400 instructions a character of a fact's sentence
    /// (8.7 M of the sample digest).
    static let clauseBreaks: Set<Character> = Set(";,:()–—")

    static func isCapitalised(_ w: Substring) -> Bool { w.first?.isUppercase == true }

    /// Trimmed from a fact's ends: white space and punctuation, but not per cent signs nor
    /// quotation marks, which `balancedQuotes` settles ("“3-in-1” approach" keeps both).
    static let edges = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters).subtracting(CharacterSet(charactersIn: "“”\"‘’%‰"))

    /// Drops a quotation mark at either end that has no partner inside.
    static func balancedQuotes(_ text: String) -> String {
        var t = Substring(text)
        let opens = t.filter { $0 == "“" }.count, closes = t.filter { $0 == "”" }.count
        if opens > closes, t.first == "“" { t = t.dropFirst() }
        if closes > opens, t.last == "”" { t = t.dropLast() }
        if t.filter({ $0 == "\"" }).count % 2 == 1 { t = t.first == "\"" ? t.dropFirst() : (t.last == "\"" ? t.dropLast() : t) }
        return String(t).trimmingSpaces()
    }

    /// Function words that join one noun phrase to the next inside a fact ("40 years of renewal",
    /// "Resolution No.250 of the National Assembly"): function_words.txt, kind phrase-link.
    static func isPhraseLink(_ w: Substring, _ v: Vocabulary) -> Bool {
        v.phraseLinks.contains(TextFolding.fold(String(w)))
    }

    /// Stopwords (stopwords.txt), lower case only: "The" at a name's start is kept.
    static func isFunctionWord(_ w: Substring, _ v: Vocabulary) -> Bool {
        !isCapitalised(w) && v.stopwords.contains(TextFolding.fold(String(w)))
    }

    /// A word to drop from the front: a function word, a reporting verb (reporting_verbs.txt),
    /// or a lower-case English participle ("elected", "including"): verbs that lead into the
    /// figure's phrase rather than belong to it.
    static func isLeadIn(_ w: Substring, _ v: Vocabulary) -> Bool {
        if isFunctionWord(w, v) { return true }
        guard !isCapitalised(w), !isFigure(w) else { return false }
        let folded = TextFolding.fold(String(w))
        if !v.reportingVerbs.matches([folded]).isEmpty { return true }
        return folded.count > 4 && v.participleEndings.contains { folded.hasSuffix($0) }
    }
}

/// A figure: contains a digit and is not an ordinal ("14th", "1st").
func isFigure<S: StringProtocol>(_ w: S) -> Bool {
    // ASCII words (nearly all, once folded) are checked on bytes; others by Character.
    func scan<C: Sequence>(_ bytes: C) -> (digit: Bool, ascii: Bool) where C.Element == UInt8 {
        var digit = false
        for b in bytes {
            if b >= 0x80 { return (digit, false) }
            if b >= 0x30 && b <= 0x39 { digit = true }
        }
        return (digit, true)
    }
    let (digit, ascii) = w.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(w.utf8)
    let hasNumber = ascii ? digit : w.contains(where: { $0.isNumber })
    guard hasNumber else { return false }
    let t = w.lowercased().trimmingCharacters(in: .punctuationCharacters)
    for suffix in Vocabulary.shared.ordinalEndings where t.hasSuffix(suffix) && t.dropLast(suffix.count).allSatisfy({ $0.isNumber }) { return false }
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

    static func dates(textDates: [(raw: String, day: CalendarDay, sentence: String)], date: CalendarDay?, file: String,
                      others byDay: DatedIndex) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for (raw, day, _) in textDates {
            if let own = date, day > own {
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
