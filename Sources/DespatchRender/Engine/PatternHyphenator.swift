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
    private let table: PatternTable
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
    /// The same hash, for the table's builder.
    static var fnvStart: UInt64 { fnvOffset }
    @inline(__always) static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 { fnv(hash, byte) }

    /// Reads the dictionary as bytes (the .dic files are ASCII or ISO-8859-1; patterns with
    /// other letters are skipped, as only ASCII words are hyphenated). Line by line over the
    /// buffer by index: slices of it, trimmed and searched, and a `Dictionary` (SipHash over
    /// hashes already made) cost 25 M instructions for Debian's 9,800 patterns, on the core
    /// that loads the fonts while the other reads and analyses.
    init?(dictionaryPath: String) {
        guard let contents = FileManager.default.contents(atPath: dictionaryPath) else { return nil }
        let data = [UInt8](contents)
        guard let parsed = Self.parse(data) else { return nil }
        table = parsed.table
        letters = parsed.letters
        points = parsed.points
        starts = parsed.starts
        maxPatternLength = parsed.maxPatternLength
        leftMin = parsed.leftMin
        rightMin = parsed.rightMin
    }

    private struct Parsed {
        var table: PatternTable
        var letters: [UInt8] = [], points: [UInt8] = [], starts: [Int32] = [0]
        var maxPatternLength = 0
        var leftMin = 2, rightMin = 3
    }

    /// The patterns of a dictionary's bytes, line by line by index into the buffer; nil when
    /// it has none. Over unsafe buffers: read through `[UInt8]` subscripts and appended one
    /// byte at a time, Debian's 106 KB dictionary took 15 M instructions (each access checked,
    /// each append asking whether the array was shared) on the core that also shares the
    /// analysis; the letters and points are written into buffers of the input's size (neither
    /// can be longer), and the table is built once they are known (`PatternTable.init(letters:starts:)`).
    private static func parse(_ data: [UInt8]) -> Parsed? {
        var maxPatternLength = 0, leftMin = 2, rightMin = 3
        var starts: [Int32] = [0]
        let n = data.count
        // Each pattern has one more point than letters, and at most one pattern a line.
        let letterBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 1)
        let pointBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 1)
        defer { letterBuffer.deallocate(); pointBuffer.deallocate() }
        var letterCount = 0, pointCount = 0
        data.withUnsafeBufferPointer { d in
            var lineNumber = 0
            var lineStart = 0
            while lineStart < n, d[lineStart] == 0x0A || d[lineStart] == 0x0D { lineStart += 1 }  // empty lines count for nothing
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n, d[lineEnd] != 0x0A, d[lineEnd] != 0x0D { lineEnd += 1 }
                var a = lineStart, b = lineEnd
                lineStart = lineEnd
                while lineStart < n, d[lineStart] == 0x0A || d[lineStart] == 0x0D { lineStart += 1 }
                lineNumber += 1
                while a < b, d[a] == 0x20 || d[a] == 0x09 { a += 1 }
                while b > a, d[b - 1] == 0x20 || d[b - 1] == 0x09 { b -= 1 }
                // The first line names the charset; % and # start comments.
                guard lineNumber > 1, a < b, d[a] != 0x25, d[a] != 0x23 else { continue }
                // Directives are upper case; patterns never start with a capital, so most lines
                // are not compared with the directives' names at all.
                if d[a] >= 0x41 && d[a] <= 0x5A {
                    let line = Array(d[a..<b])[...]
                    if let value = directive("LEFTHYPHENMIN", line) { leftMin = value ?? leftMin; continue }
                    if let value = directive("RIGHTHYPHENMIN", line) { rightMin = value ?? rightMin; continue }
                }
                var hasLower = false, hasUpper = false, plain = true
                for i in a..<b {
                    let c = d[i]
                    if c >= 0x61 && c <= 0x7A { hasLower = true }
                    else if c >= 0x41 && c <= 0x5A { hasUpper = true }
                    else if c == 0x2F || c >= 0x80 { plain = false }  // non-standard entries, other letters
                }
                if !hasLower, hasUpper { continue }  // other directives
                guard plain else { continue }
                let letterStart = letterCount, pointStart = pointCount
                var point: UInt8 = 0
                for i in a..<b {
                    let c = d[i]
                    if c >= 0x30 && c <= 0x39 {
                        point = c - 0x30
                    } else {
                        pointBuffer[pointCount] = point
                        pointCount += 1
                        point = 0
                        letterBuffer[letterCount] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                        letterCount += 1
                    }
                }
                let length = letterCount - letterStart
                guard length > 0 else { pointCount = pointStart; continue }
                pointBuffer[pointCount] = point
                pointCount += 1
                starts.append(Int32(letterCount))
                maxPatternLength = max(maxPatternLength, length)
            }
        }
        let letters = Array(UnsafeBufferPointer(start: letterBuffer, count: letterCount))
        let points = Array(UnsafeBufferPointer(start: pointBuffer, count: pointCount))
        guard maxPatternLength > 0 else { return nil }
        let table = PatternTable(letters: letters, starts: starts)
        return Parsed(table: table, letters: letters, points: points, starts: starts, maxPatternLength: maxPatternLength,
                      leftMin: leftMin, rightMin: rightMin)
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

/// The hyphenator's table: from the FNV-1a hash of a pattern or of the beginning of one to
/// its value (never 0 once stored, so 0 marks an empty slot), by open addressing over the
/// hash itself, which is already well mixed.
struct PatternTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private var mask: Int
    private var count = 0

    /// The table of the patterns whose letters are `letters[starts[k]..<starts[k + 1]]`, in
    /// their order (a pattern given twice keeps the later index), as `markBeginning` for
    /// every beginning of each and then `setPattern` would make it, filled through the arrays'
    /// buffers. Sized for a third of the letters being distinct beginnings (Debian's English
    /// patterns: 15,610 of 71,198), and made again twice the size if more are.
    init(letters: [UInt8], starts: [Int32]) {
        var capacity = max(16, letters.count / 3)
        while true {
            var table = PatternTable(capacity: capacity)
            if table.fill(letters: letters, starts: starts) { self = table; return }
            capacity *= 2
        }
    }

    /// Inserts every pattern and its beginnings; false, leaving the table unusable, when they
    /// would fill more than half of it.
    private mutating func fill(letters: [UInt8], starts: [Int32]) -> Bool {
        let mask = self.mask, limit = keys.count / 2
        var count = 0
        let filled = keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
                letters.withUnsafeBufferPointer { letters -> Bool in
                    func slot(_ key: UInt64) -> Int {
                        var i = Int(truncatingIfNeeded: key ^ key >> 32) & mask
                        while values[i] != 0, keys[i] != key { i = (i + 1) & mask }
                        if values[i] == 0 { keys[i] = key; count += 1 }
                        return i
                    }
                    for k in 0..<(starts.count - 1) {
                        let from = Int(starts[k]), to = Int(starts[k + 1])
                        var hash = PatternHyphenator.fnvStart
                        for j in from..<(to - 1) {
                            hash = PatternHyphenator.fnvStep(hash, letters[j])
                            values[slot(hash)] |= 1
                        }
                        hash = PatternHyphenator.fnvStep(hash, letters[to - 1])
                        let i = slot(hash)
                        values[i] = values[i] & 1 | (UInt32(k) + 1) << 1
                        if count > limit { return false }
                    }
                    return true
                }
            }
        }
        self.count = count
        return filled
    }

    init(capacity: Int) {
        var size = 16
        while size < 2 * max(1, capacity) { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key ^ key >> 32) & mask
        while values[i] != 0, keys[i] != key { i = (i + 1) & mask }
        return i
    }

    subscript(key: UInt64) -> UInt32? {
        let value = values[slot(key)]
        return value == 0 ? nil : value
    }

    /// Marks `key` as the hash of the beginning of a longer pattern.
    mutating func markBeginning(_ key: UInt64) {
        let i = insertionSlot(key)
        values[i] |= 1
    }

    /// Makes `key` the hash of pattern `index`, keeping whether longer patterns begin so.
    mutating func setPattern(_ key: UInt64, _ index: UInt32) {
        let i = insertionSlot(key)
        values[i] = values[i] & 1 | (index + 1) << 1
    }

    /// The slot of `key`, claimed for it if it has none (growing the table first if need be).
    private mutating func insertionSlot(_ key: UInt64) -> Int {
        var i = slot(key)
        if values[i] == 0 {
            if 2 * (count + 1) > keys.count {
                grow()
                i = slot(key)
            }
            count += 1
            keys[i] = key
        }
        return i
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where v != 0 {
            let i = slot(k)
            keys[i] = k
            values[i] = v
        }
    }
}
