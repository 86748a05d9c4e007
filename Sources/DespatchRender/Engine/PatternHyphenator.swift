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

    func hyphenate(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var word = Substring()
        var start = text.startIndex
        var index = text.startIndex
        func flushWord(upTo end: String.Index) {
            word = text[start..<end]
            out += word.count >= leftMin + rightMin ? hyphenatedWord(word) : String(word)
        }
        while index < text.endIndex {
            let ch = text[index]
            if ch.isLetter && ch.isASCII {
                index = text.index(after: index)
                continue
            }
            if start < index { flushWord(upTo: index) }
            out.append(ch)
            index = text.index(after: index)
            start = index
        }
        if start < text.endIndex { flushWord(upTo: text.endIndex) }
        return out
    }

    private func hyphenatedWord(_ word: Substring) -> String {
        // Leave names and acronyms alone.
        if word.first?.isUppercase == true { return String(word) }
        lock.lock()
        if let cached = cache[word] { lock.unlock(); return cached }
        lock.unlock()
        let letters = Array("." + word.lowercased() + ".")
        var points = [UInt8](repeating: 0, count: letters.count + 1)
        for i in 0..<letters.count {
            var key = ""
            for j in i..<min(letters.count, i + maxPatternLength) {
                key.append(letters[j])
                if let p = patterns[key] {
                    for (k, v) in p.enumerated() where v > points[i + k] { points[i + k] = v }
                }
            }
        }
        var result = ""
        let chars = Array(word)
        for (i, ch) in chars.enumerated() {
            // points[i + 1] is the value before letter i (offset by the leading '.').
            // No break inside a likely ligature (ff, fi, fl): the font would fuse the letters and
            // the soft hyphen would end up inside the glyph's text, spoiling copy and search.
            let insideLigature = i > 0 && chars[i - 1] == "f" && "fil".contains(ch)
            if i >= leftMin, chars.count - i >= rightMin, points[i + 1] % 2 == 1, !insideLigature {
                result.append(Self.softHyphen)
            }
            result.append(ch)
        }
        lock.lock()
        cache[word] = result
        lock.unlock()
        return result
    }
}
