import Foundation

/// Liang's hyphenation (the algorithm of TeX and libhyphen) over a pattern dictionary in
/// libhyphen's .dic format, e.g. Debian's hyphen-en-us (/usr/share/hyphen/hyph_en_US.dic).
///
/// Inserts soft hyphens (U+00AD) where Pango may break. Only plain lower-case words are
/// hyphenated: names, acronyms and words with digits or diacritics are left whole.
final class PatternHyphenator: Hyphenator {
    private var patterns: [String: [UInt8]] = [:]
    private var maxPatternLength = 0
    private let leftMin: Int
    private let rightMin: Int
    private var cache: [Substring: String] = [:]
    private let lock = NSLock()
    static let softHyphen: Character = "\u{AD}"

    init?(dictionaryPath: String) {
        guard let data = FileManager.default.contents(atPath: dictionaryPath),
              let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else { return nil }
        var left = 2, right = 3
        for (i, raw) in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if i == 0 || line.isEmpty || line.hasPrefix("%") || line.hasPrefix("#") { continue }
            if line.hasPrefix("LEFTHYPHENMIN") { left = Int(line.split(separator: " ").last ?? "") ?? left; continue }
            if line.hasPrefix("RIGHTHYPHENMIN") { right = Int(line.split(separator: " ").last ?? "") ?? right; continue }
            if line.uppercased() == line, line.contains(where: { $0.isLetter }) { continue }  // other directives
            if line.contains("/") { continue }  // non-standard hyphenation entries
            var letters = ""
            var points: [UInt8] = [0]
            for ch in line {
                if let d = ch.wholeNumberValue, ch.isASCII {
                    points[points.count - 1] = UInt8(d)
                } else {
                    letters.append(ch)
                    points.append(0)
                }
            }
            patterns[letters] = points
            maxPatternLength = max(maxPatternLength, letters.count)
        }
        guard !patterns.isEmpty else { return nil }
        leftMin = left
        rightMin = right
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
        if let cached = cache[Substring(key)] { lock.unlock(); return Array(cached.utf8) }
        lock.unlock()
        let letters = Array("." + key.lowercased() + ".")
        var points = [UInt8](repeating: 0, count: letters.count + 1)
        for i in 0..<letters.count {
            var k = ""
            for j in i..<min(letters.count, i + maxPatternLength) {
                k.append(letters[j])
                if let p = patterns[k] {
                    for (n, v) in p.enumerated() where v > points[i + n] { points[i + n] = v }
                }
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
        cache[Substring(key)] = String(decoding: result, as: UTF8.self)
        lock.unlock()
        return result
    }
}
