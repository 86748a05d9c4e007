import Foundation

/// Liang's hyphenation (the algorithm of TeX and libhyphen) over a pattern dictionary in
/// libhyphen's .dic format, e.g. Debian's hyphen-en-us (/usr/share/hyphen/hyph_en_US.dic).
///
/// Inserts soft hyphens (U+00AD) where Pango may break. Only plain lower-case words are
/// hyphenated: names, acronyms and words with digits or diacritics are left whole.
final class PatternHyphenator: Hyphenator, @unchecked Sendable {  // its one mutable table, the cache, is read and written under `lock`
    /// Every pattern, and every beginning of one, by the FNV-1a hash of its letters. The
    /// lookup extends a hash letter by letter along the word, so no substring is ever built,
    /// and stops as soon as no pattern begins with the letters so far (a trie's walk, in one
    /// table): a few lookups a letter instead of one per letter and pattern length. A value
    /// is `(pattern index + 1) << 1 | extends`: index 0 when only a beginning hashes here, and
    /// `extends` when some longer pattern begins with these letters.
    private let table: [UInt64: UInt32]
    /// The patterns' letters (ASCII lower case and '.'), one after another; pattern k's are
    /// `letters[starts[k]..<starts[k + 1]]`, and its inter-letter values are
    /// `points[starts[k] + k...starts[k + 1] + k]` (one more value than letters). Flat
    /// stores: two arrays a pattern cost two allocations each to load and a retain at each
    /// lookup.
    private let letters: [UInt8]
    private let points: [UInt8]
    private let starts: [Int32]
    private let maxPatternLength: Int
    private let leftMin: Int
    private let rightMin: Int
    /// Words already hyphenated, as the bytes to write (a word's bytes back as a `String` and
    /// then as an array again cost an allocation per word).
    private var cache: [String: [UInt8]] = [:]
    private let lock = NSLock()
    static let softHyphen: Character = "\u{AD}"

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// Reads the dictionary as bytes (the .dic files are ASCII or ISO-8859-1; patterns with
    /// other letters are skipped, as only ASCII words are hyphenated).
    init?(dictionaryPath: String) {
        guard let contents = FileManager.default.contents(atPath: dictionaryPath) else { return nil }
        let data = [UInt8](contents)
        var left = 2, right = 3
        var lineNumber = 0
        var table: [UInt64: UInt32] = [:]
        table.reserveCapacity(data.count / 2)  // about one entry for every two bytes of patterns
        var letterStore: [UInt8] = [], pointStore: [UInt8] = [], starts: [Int32] = [0]
        var maxPatternLength = 0
        for raw in data.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            lineNumber += 1
            var line = raw[...]
            while let f = line.first, f == 0x20 || f == 0x09 { line = line.dropFirst() }
            while let l = line.last, l == 0x20 || l == 0x09 { line = line.dropLast() }
            // The first line names the charset; % and # start comments.
            guard lineNumber > 1, let first = line.first, first != 0x25, first != 0x23 else { continue }
            // Directives are upper case; patterns never start with a capital, so most lines
            // are not compared with the directives' names at all.
            if first >= 0x41 && first <= 0x5A {
                if let value = Self.directive("LEFTHYPHENMIN", line) { left = value ?? left; continue }
                if let value = Self.directive("RIGHTHYPHENMIN", line) { right = value ?? right; continue }
            }
            let hasLower = line.contains { $0 >= 0x61 && $0 <= 0x7A }
            if !hasLower, line.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { continue }  // other directives
            if line.contains(0x2F) { continue }  // non-standard hyphenation entries
            guard line.allSatisfy({ $0 < 0x80 }) else { continue }
            let letterStart = letterStore.count, pointStart = pointStore.count
            pointStore.append(0)
            for b in line {
                if b >= 0x30 && b <= 0x39 {
                    pointStore[pointStore.count - 1] = b - 0x30
                } else {
                    letterStore.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    pointStore.append(0)
                }
            }
            let length = letterStore.count - letterStart
            guard length > 0 else { pointStore.removeLast(pointStore.count - pointStart); continue }
            var hash = Self.fnvOffset
            for k in letterStart..<letterStore.count - 1 {
                hash = Self.fnv(hash, letterStore[k])
                table[hash, default: 0] |= 1
            }
            hash = Self.fnv(hash, letterStore[letterStore.count - 1])
            let index = UInt32(starts.count - 1)
            table[hash] = (table[hash] ?? 0) & 1 | (index + 1) << 1
            starts.append(Int32(letterStore.count))
            maxPatternLength = max(maxPatternLength, length)
        }
        guard maxPatternLength > 0 else { return nil }
        self.table = table
        self.letters = letterStore
        self.points = pointStore
        self.starts = starts
        self.maxPatternLength = maxPatternLength
        leftMin = left
        rightMin = right
    }

    /// `NAME value` lines: nil when `line` is not this directive, .some(nil) when its value is bad.
    private static func directive(_ name: String, _ line: ArraySlice<UInt8>) -> Int?? {
        let key = Array(name.utf8)
        guard line.starts(with: key) else { return nil }
        let value = line.dropFirst(key.count).filter { $0 != 0x20 && $0 != 0x09 }
        return .some(Int(String(decoding: value, as: UTF8.self)))
    }

    /// Works on UTF-8 bytes: a word is a run of bytes that are not spaces or ASCII
    /// punctuation; only words made of ASCII letters alone are looked at.
    func hyphenate(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var start = 0
        var i = 0
        func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x27
        }
        func flush(_ end: Int) {
            guard start < end else { return }
            let word = bytes[start..<end]
            let plain = word.count >= leftMin + rightMin && word.allSatisfy { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }
            if plain, let hyphenated = hyphenatedWord(word) {
                out.append(contentsOf: hyphenated)
            } else {
                out.append(contentsOf: word)
            }
        }
        while i < bytes.count {
            if !isWordByte(bytes[i]) {
                flush(i)
                out.append(bytes[i])
                start = i + 1
            }
            i += 1
        }
        flush(bytes.count)
        return String(decoding: out, as: UTF8.self)
    }

    private static let softHyphenBytes: [UInt8] = [0xC2, 0xAD]

    /// The word with soft hyphens, or nil to leave it as it is (names, acronyms).
    private func hyphenatedWord(_ word: ArraySlice<UInt8>) -> [UInt8]? {
        // Leave names and acronyms alone.
        if let first = word.first, first >= 0x41, first <= 0x5A { return nil }
        let key = String(decoding: word, as: UTF8.self)
        lock.lock()
        if let cached = cache[key] { lock.unlock(); return cached }
        lock.unlock()
        // '.' marks the word's edges, as in the patterns.
        let letters: [UInt8] = [0x2E] + word.map { $0 | 0x20 } + [0x2E]
        var points = [UInt8](repeating: 0, count: letters.count + 1)
        for i in 0..<letters.count {
            var hash = Self.fnvOffset
            for j in i..<min(letters.count, i + maxPatternLength) {
                hash = Self.fnv(hash, letters[j])
                // No entry: no pattern begins with letters[i...j] (every beginning is stored).
                guard let value = table[hash] else { break }
                let k = Int(value >> 1) - 1
                if k >= 0 {
                    let start = Int(starts[k]), end = Int(starts[k + 1])
                    if end - start == j - i + 1, self.letters[start..<end].elementsEqual(letters[i...j]) {
                        for n in 0...(end - start) {
                            let v = self.points[start + k + n]
                            if v > points[i + n] { points[i + n] = v }
                        }
                    }
                }
                if value & 1 == 0 { break }
            }
        }
        var result: [UInt8] = []
        let chars = Array(word)
        for (i, ch) in chars.enumerated() {
            // points[i + 1] is the value before letter i (offset by the leading '.').
            // No break inside a likely ligature (ff, fi, fl): the font would fuse the letters and
            // the soft hyphen would end up inside the glyph's text, spoiling copy and search.
            let insideLigature = i > 0 && chars[i - 1] == 0x66 && (ch == 0x66 || ch == 0x69 || ch == 0x6C)
            if i >= leftMin, chars.count - i >= rightMin, points[i + 1] % 2 == 1, !insideLigature {
                result.append(contentsOf: Self.softHyphenBytes)
            }
            result.append(ch)
        }
        lock.lock()
        cache[key] = result
        lock.unlock()
        return result
    }
}
