import Foundation

/// Splits text into sentences. Survives abbreviations ("No. 59", "Dr.", "U.S.", "e.g."),
/// initials ("J. K. Rowling"), closing quotes and brackets after the stop, and the
/// wire-service end mark "./.". Linear in the input.
public struct SentenceSplitter: Sendable {
    /// Folded abbreviations (without the final dot) after which a period does not end a
    /// sentence, for lookup: asked at every full stop, where SipHash cost more than the rest.
    private let abbreviationTable: WordSet
    /// Abbreviations that hold only before a number ("No. 59", "Art. 3"); asked first.
    private let numericAbbreviationTable: WordSet

    /// The lists are vocabulary (the analysis reads them from its abbreviations.txt).
    public init(abbreviations: Set<String>, numericAbbreviations: Set<String>) {
        abbreviationTable = WordSet(abbreviations)
        numericAbbreviationTable = WordSet(numericAbbreviations)
    }

    /// Closing punctuation that may follow a stop: . ! ? … / " ' ” ’ ) ] »
    @inline(__always)
    static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x2F, 0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D, 0xBB: return true
        default: return false
        }
    }

    /// Punctuation that may open a sentence: " ' “ ‘ ( [ — – - • *
    @inline(__always)
    static func isOpener(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x201C, 0x2018, 0x28, 0x5B, 0x2014, 0x2013, 0x2D, 0x2022, 0x2A: return true
        default: return false
        }
    }

    @inline(__always)
    static func isStop(_ v: UInt32) -> Bool { v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 || v == 0x2F }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    public func split(_ text: String) -> [String] {
        let b = Array(text.utf8)
        let n = b.count
        var sentences: [String] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            guard end > start else { return }
            var lo = start, hi = end
            while lo < hi, Self.isSpace(b[lo]) { lo += 1 }
            while hi > lo, Self.isSpace(b[hi - 1]) { hi -= 1 }
            start = end
            guard hi > lo else { return }
            var s = String(decoding: b[lo..<hi], as: UTF8.self)
            if s.hasSuffixBytes("/.") {
                s.removeLast(2)
                while s.last == " " { s.removeLast() }
                if let last = s.last, !".!?".contains(last) { s.append(".") }
            }
            if s.unicodeScalars.contains(where: { Tokenizer.isWordScalar($0) }) { sentences.append(s) }
        }
        while i < n {
            // Eight bytes at a time past those that can end nothing: no full stop, ! or ?,
            // no newline and no lead byte of "…". A byte at a time, this loop was most of the
            // splitter's own cost.
            if i + 8 <= n {
                let w = b.withUnsafeBufferPointer { ByteLanes.load($0, i) }
                if !(ByteLanes.hasByte(w, 0x2E) || ByteLanes.hasByte(w, 0x21) || ByteLanes.hasByte(w, 0x3F)
                     || ByteLanes.hasByte(w, 0x0A) || ByteLanes.hasByte(w, 0xE2)) {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c == 0x0A, i + 1 < n, b[i + 1] == 0x0A { emit(i); i += 1; continue }
            var termLen = 0
            if c == 0x2E || c == 0x21 || c == 0x3F { termLen = 1 }
            else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA6 { termLen = 3 }   // …
            guard termLen > 0 else { i += 1; continue }
            // The whole run of terminal punctuation plus closing quotes/brackets and "/.".
            var j = i + termLen
            var moreStops = false
            while j < n {
                let (sc, len) = UTF8Scan.scalar(b, j)
                guard Self.isCloser(sc.value) else { break }
                if Self.isStop(sc.value) { moreStops = true }
                j += len
            }
            // Must be followed by whitespace (or end).
            if j < n, !Self.isSpace(b[j]) { i = j; continue }
            if c == 0x2E, !moreStops, isAbbreviationOrInitial(b, dotAt: i) { i = j; continue }
            // The next non-space character must look like a sentence start.
            var k = j
            while k < n, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
            if k < n, b[k] != 0x0A {
                let startsSentence: Bool
                let c = b[k]
                if c < 0x80 {
                    // ASCII: a capital, a digit or an opener (the properties below, decided on the byte).
                    startsSentence = (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || Self.isOpener(UInt32(c))
                } else {
                    let (next, _) = UTF8Scan.scalar(b, k)
                    let p = next.properties
                    startsSentence = p.isUppercase || p.numericType != nil || Self.isOpener(next.value)
                        || (p.isAlphabetic && !p.isLowercase)
                }
                if !startsSentence { i = j; continue }
            }
            emit(j)
            i = j
        }
        emit(n)
        return sentences
    }

    private func isAbbreviationOrInitial(_ b: [UInt8], dotAt i: Int) -> Bool {
        // The word just before the dot (letters, dots, apostrophes).
        var lo = i
        while lo > 0, i - lo < 24 {
            let prev = b[lo - 1]
            if prev < 0x80 {
                // ASCII: letters, dots and apostrophes, decided on the byte.
                guard (prev >= 0x41 && prev <= 0x5A) || (prev >= 0x61 && prev <= 0x7A) || prev == 0x2E || prev == 0x27 else { break }
                lo -= 1
                continue
            }
            let p = UTF8Scan.previousStart(b, lo)
            let (sc, _) = UTF8Scan.scalar(b, p)
            guard sc.properties.isAlphabetic || sc == "." || sc == "'" || sc == "\u{2019}" else { break }
            lo = p
        }
        guard lo < i else { return false }
        let word = b.withUnsafeBufferPointer { UTF8Scan.string($0, lo, i) }
        let folded = TextFolding.fold(word)
        if numericAbbreviationTable.contains(folded) {
            var k = i + 1
            while k < b.count, b[k] == 0x20 { k += 1 }
            return k < b.count && b[k] >= 0x30 && b[k] <= 0x39
        }
        if abbreviationTable.contains(folded) { return true }
        // A single capital letter: an initial ("J. Smith"), or dotted capitals ("U.S.", "U.N.").
        var letters = 0
        var firstLetter: Unicode.Scalar?
        // Characters between dots (NFC: one scalar each): how many pieces, the longest, and the
        // current one's length.
        var pieces = 1, longestPiece = 0, piece = 0
        for scalar in word.unicodeScalars {
            if scalar == "." { pieces += 1; piece = 0; continue }
            piece += 1
            longestPiece = max(longestPiece, piece)
            let v = scalar.value
            if v < 0x80 {
                // ASCII letters (the only ASCII letter categories: upper and lower case).
                if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
                    letters += 1
                    if firstLetter == nil { firstLetter = scalar }
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                letters += 1
                if firstLetter == nil { firstLetter = scalar }
            default: break
            }
        }
        if letters == 1, let first = firstLetter, first.properties.isUppercase { return true }
        // Every piece between dots one character: "U.S", "e.g".
        if pieces > 1, longestPiece <= 1 { return true }
        return false
    }
}
