import Foundation

/// Splits text into sentences. Survives abbreviations ("No. 59", "Dr.", "U.S.", "e.g."),
/// initials ("J. K. Rowling"), closing quotes and brackets after the stop, and the
/// wire-service end mark "./.". Linear in the input.
public struct SentenceSplitter: Sendable {
    /// Folded abbreviations (without the final dot) after which a period does not end a sentence.
    public var abbreviations: Set<String>

    public static let defaultAbbreviations: Set<String> = [
        "no", "nos", "nr", "md", "dr", "mr", "mrs", "ms", "mt", "st", "jr", "sr", "prof", "gen", "lt", "col", "maj",
        "capt", "cmdr", "adm", "sgt", "rev", "hon", "gov", "sen", "rep", "pres", "amb", "dept", "univ", "assn",
        "bros", "co", "corp", "inc", "ltd", "vs", "etc", "e.g", "i.e", "cf", "approx", "fig", "vol", "art", "para",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tp", "ths", "ts",
        "pgs", "gs", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "op", "ed", "int'l", "govt", "est", "ave"
    ]

    /// Abbreviations that hold only before a number ("No. 59", "Art. 3").
    public static let numericAbbreviations: Set<String> = ["no", "nos", "nr", "art", "para", "vol", "fig"]

    public init(abbreviations: Set<String> = SentenceSplitter.defaultAbbreviations) {
        self.abbreviations = abbreviations
    }

    public func split(_ text: String) -> [String] {
        let chars = Array(text)
        let n = chars.count
        var sentences: [String] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            guard end > start else { return }
            var a = start, b = end
            while a < b, chars[a].isWhitespace { a += 1 }
            while b > a, chars[b - 1].isWhitespace { b -= 1 }
            var s = String(chars[a..<b])
            if s.hasSuffix("/.") { s.removeLast(2); s = s.trimmingCharacters(in: .whitespaces); if !s.isEmpty, !".!?".contains(s.last!) { s.append(".") } }
            if !s.isEmpty, s.contains(where: { $0.isLetter || $0.isNumber }) { sentences.append(s) }
            start = end
        }
        while i < n {
            let c = chars[i]
            if c == "\n" {
                // A blank line always ends a sentence.
                if i + 1 < n, chars[i + 1] == "\n" { emit(i); i += 1; continue }
            }
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            // Take the whole run of terminal punctuation plus closing quotes/brackets and "/.".
            var j = i + 1
            while j < n, ".!?…/\"'”’)]»".contains(chars[j]) { j += 1 }
            // Must be followed by whitespace (or end).
            if j < n, !chars[j].isWhitespace { i = j; continue }
            if c == "." && j == i + 1 || (c == "." && j > i + 1 && !chars[(i + 1)..<j].contains(where: { ".!?…/".contains($0) }) ) {
                if isAbbreviationOrInitial(chars, dotAt: i) { i = j; continue }
            }
            // The next non-space character must look like a sentence start.
            var k = j
            while k < n, chars[k] == " " || chars[k] == "\t" { k += 1 }
            if k < n, chars[k] != "\n" {
                let next = chars[k]
                let startsSentence = next.isUppercase || next.isNumber || "\"'“‘([—–-•*".contains(next) || (!next.isLowercase && next.isLetter)
                if !startsSentence { i = j; continue }
            }
            emit(j)
            i = j
        }
        emit(n)
        return sentences
    }

    private func isAbbreviationOrInitial(_ chars: [Character], dotAt i: Int) -> Bool {
        // The word just before the dot (letters, dots, apostrophes).
        var b = i
        while b > 0, i - b < 24, chars[b - 1].isLetter || chars[b - 1] == "." || chars[b - 1] == "'" || chars[b - 1] == "’" { b -= 1 }
        guard b < i else { return false }
        let word = String(chars[b..<i])
        let folded = TextFolding.fold(word)
        if Self.numericAbbreviations.contains(folded) {
            var k = i + 1
            while k < chars.count, chars[k] == " " { k += 1 }
            return k < chars.count && chars[k].isNumber
        }
        if abbreviations.contains(folded) { return true }
        let letters = word.filter { $0.isLetter }
        // A single capital letter: an initial ("J. Smith"), or dotted capitals ("U.S.", "U.N.").
        if letters.count == 1, letters.first!.isUppercase { return true }
        if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count == 1 }) { return true }
        return false
    }
}
