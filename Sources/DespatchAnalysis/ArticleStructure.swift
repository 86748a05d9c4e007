import DespatchCore
import DespatchModel
import Foundation

/// One sentence with its tokens, original and folded (same count, same order).
///
/// A class with constant fields: every extractor keeps and filters arrays of sentences, and a
/// copy of a struct of five arrays retained each of them (a reference is one retain); constant
/// fields of a final class are read without the exclusivity checks of variables.
final class Sentence {
    enum Kind { case body, caption, related }
    let text: String
    let words: [String]
    let folded: [String]
    let paragraph: Int
    let kind: Kind
    /// For related sentences: index of the related item (headline + lede).
    let relatedItem: Int
    let isHeadline: Bool
    /// For body sentences: the index in `ArticleStructure.body` of the paragraph it was cut from.
    let bodyParagraph: Int
    /// The sentence as UTF-8 bytes; token offsets count these bytes.
    let bytes: [UInt8]
    /// Where each word is in `bytes`.
    let tokens: [Tokenizer.Span]

    init(_ text: String, paragraph: Int, kind: Kind, relatedItem: Int = -1, isHeadline: Bool = false, bodyParagraph: Int = -1) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        let (words, tokens) = Tokenizer.words(utf8: bytes)
        self.words = words
        self.tokens = tokens
        self.folded = Self.fold(words, tokens, bytes)
        self.paragraph = paragraph
        self.kind = kind
        self.relatedItem = relatedItem
        self.isHeadline = isHeadline
        self.bodyParagraph = bodyParagraph
    }
}

extension Sentence {
    /// `TextFolding.fold` of each token, decided on the sentence's bytes: a word of ASCII
    /// lower case and digits is its own fold (the common case: nothing is scanned twice or
    /// made anew), ASCII with capitals is lowered byte by byte, anything else is folded.
    /// One pass over one buffer for all the tokens: calling `fold` per word, which must reach
    /// each word's bytes on its own, cost 9 M more instructions per 50 articles.
    static func fold(_ words: [String], _ spans: [Tokenizer.Span], _ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { b in
            zip(words, spans).map { w, t -> String in
                var upper = false
                for k in t.offset..<t.end {
                    let c = b[k]
                    if c >= 0x80 { return TextFolding.fold(w) }
                    if c >= 0x41 && c <= 0x5A { upper = true }
                }
                guard upper else { return w }
                let length = t.length
                return String(unsafeUninitializedCapacity: length) { out in
                    for k in 0..<length {
                        let c = b[t.offset + k]
                        out[k] = c >= 0x41 && c <= 0x5A ? c + 32 : c
                    }
                    return length
                }
            }
        }
    }
}

/// An article split into clean body, captions and the trailing related-headlines block.
struct ArticleStructure {
    var body: [String] = []
    var captions: [String] = []
    /// Caption texts that occur more than once.
    var repeatedCaptions: [String] = []
    var repeatedParagraphs = 0
    var relatedHeadlines: [String] = []
    /// All sentences: body and captions in reading order, then related items.
    var sentences: [Sentence] = []
    var outletTag: String?
    var language = "en"
    var date: CalendarDay?
    var dateSource: String?
    var textDates: [(raw: String, day: CalendarDay, sentence: String)] = []

    static let splitter = SentenceSplitter(abbreviations: Vocabulary.shared.abbreviations,
                                           numericAbbreviations: Vocabulary.shared.numericAbbreviations)

    /// Maximum number of characters analysed per article; longer bodies are cut (with a warning).
    static let maxChars = 400_000

    init(article: Article, warnings: inout [String]) {
        var paragraphs = article.paragraphs
        var total = 0
        var cut = false
        var kept: [String] = []
        for p in paragraphs {
            let n = p.utf8.count
            if total + n > Self.maxChars {
                cut = true
                let room = Self.maxChars - total
                if room > 200 { kept.append(String(p.prefix(room))) }
                break
            }
            total += n
            kept.append(p)
        }
        paragraphs = kept
        if cut { warnings.append("\(article.file): article longer than \(Self.maxChars) characters; only the first part is analysed") }
        let titleKey = TextFolding.key(article.title)
        var inRelated = false
        var seenBody = WordSet()
        var captionCounts: [String: Int] = [:]
        var relatedLines: [String] = []
        for (pi, raw) in paragraphs.enumerated() {
            var p = String(TextNormalizer.trimSpaces(raw))
            // Short lines are compared word by word (markers, titles); long ones folded as they are.
            let key = p.utf8.count > 200 ? TextFolding.fold(p) : TextFolding.key(p)
            if key.isEmpty { continue }
            if inRelated { relatedLines.append(p); continue }
            if Vocabulary.shared.relatedMarkers.contains(key) { inRelated = true; continue }
            if Vocabulary.shared.dropLines.contains(key) { continue }
            if pi < 3, key == titleKey { continue }
            if Self.isCaption(p) {
                captionCounts[key, default: 0] += 1
                if captionCounts[key] == 1 { captions.append(p) } else if captionCounts[key] == 2 { repeatedCaptions.append(p) }
                sentences.append(Sentence(Self.stripCaptionCredit(p), paragraph: pi, kind: .caption))
                continue
            }
            // Outlet tag at the end ("— VNA/VNS"), wire end mark "./.".
            if let (rest, tag) = Self.stripOutletTag(p) { p = rest; outletTag = tag }
            // The wire end mark: "people./." ends with its own stop, "people/." with the mark's.
            if p.hasSuffixBytes("./.") { p.removeLast(2) } else if p.hasSuffixBytes("/.") { p = String(p.dropLast(2)) + "." }
            // A short line with no verb-like punctuation at the very end: outlet or byline.
            if pi >= paragraphs.count - 2, Self.wordCount(key) <= 3, !p.utf8.contains(0x2E), p == p.uppercased() {
                if outletTag == nil { outletTag = p }
                continue
            }
            if !seenBody.insert(key) { repeatedParagraphs += 1; continue }
            body.append(p)
            for s in Self.splitter.split(p) {
                sentences.append(Sentence(s, paragraph: pi, kind: .body, bodyParagraph: body.count - 1))
            }
        }
        // Related block: headlines (short, no final stop) each followed by an optional lede.
        var item = -1
        for line in relatedLines {
            let wc = Tokenizer.words(line).count
            let last = line.trimmingSpaces().last ?? " "
            let isHeadline = wc <= 22 && !".!?".contains(last)
            if isHeadline {
                item += 1
                relatedHeadlines.append(line)
                sentences.append(Sentence(line, paragraph: -1, kind: .related, relatedItem: item, isHeadline: true))
            } else {
                if item < 0 { item = 0 }
                for t in Self.splitter.split(line) {
                    sentences.append(Sentence(t, paragraph: -1, kind: .related, relatedItem: item))
                }
            }
        }
        language = article.language.map { $0.lowercased().hasPrefix("vi") ? "vi" : ($0.lowercased().hasPrefix("en") ? "en" : $0) }
            ?? Self.detectLanguage(Self.head(of: body, bytes: Self.languageSampleBytes))
        // Dates.
        if let d = article.date {
            date = d
            dateSource = article.dateSource?.rawValue ?? "front-matter"
        }
        for s in sentences where s.kind == .body {
            for (raw, day) in DateFinder.find(in: s) { textDates.append((raw, day, s.text)) }
        }
        if date == nil, let first = body.first {
            if let (day, _) = DateFinder.dateline(first) { date = day; dateSource = "dateline" }
        }
        if date == nil {
            // A paragraph that is little more than a date ("Saturday, February 7, 2026", "Cập nhật: 07/02/2026").
            let edges = Array(paragraphs.prefix(4)) + Array(paragraphs.suffix(3))
            for p in edges where Tokenizer.words(p).count <= 10 {
                if let (_, day) = DateFinder.find(in: p).first { date = day; dateSource = "text"; break }
            }
        }
    }

    /// Words of a folded key (single spaces between them), counted as bytes.
    static func wordCount(_ key: String) -> Int {
        var count = 0, inWord = false
        for b in key.utf8 {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    static func isCaption(_ p: String) -> Bool {
        // The first 8 and the last 70 scalars, found on the UTF-8 bytes (a scalar starts at
        // every byte that is not a continuation byte), folded.
        var copy = p
        var (head, tail) = copy.withUTF8 { b -> (String, String) in
            var end = 0, seen = 0
            while end < b.count {
                if b[end] & 0xC0 != 0x80 { if seen == 8 { break }; seen += 1 }
                end += 1
            }
            var start = b.count, taken = 0
            while start > 0, taken < 70 {
                start -= 1
                if b[start] & 0xC0 != 0x80 { taken += 1 }
            }
            return (TextFolding.fold(UTF8Scan.string(b, 0, end)), TextFolding.fold(UTF8Scan.string(b, start, b.count)))
        }
        return head.withUTF8 { h in tail.withUTF8 { t in hasCaptionMarker(head: h, tail: t) } }
    }

    /// Whether the folded first characters of a paragraph start with a caption marker, or its
    /// folded last characters hold one (see boilerplate.txt).
    static func hasCaptionMarker(head h: UnsafeBufferPointer<UInt8>, tail t: UnsafeBufferPointer<UInt8>) -> Bool {
        let v = Vocabulary.shared
        if v.captionStarts.contains(where: { ByteSearch.hasPrefix($0, in: h) }) { return true }
        if v.captionInside.contains(where: { ByteSearch.offset(of: $0, in: t) != nil }) { return true }
        // "... Photo: VNA" at the very end, with a short credit.
        for marker in v.captionEnds {
            guard let at = ByteSearch.offset(of: marker, in: t, last: true) else { continue }
            let credit = UnsafeBufferPointer(rebasing: t[(at + marker.utf8.count)...])
            // Its words (runs between spaces) and whether it holds or ends with a full stop.
            var words = 0, inWord = false
            for b in credit {
                if b == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            }
            let dot = credit.contains(0x2E), endsWithDot = credit.last == 0x2E
            if words <= 5, !dot || endsWithDot && words <= 3 { return true }
        }
        return false
    }

    static func stripCaptionCredit(_ p: String) -> String {
        var s = p
        for marker in Vocabulary.shared.captionCredits {
            if let r = s.range(of: marker, options: [.backwards, .caseInsensitive]) { s = String(s[..<r.lowerBound]) }
        }
        return s.trimmingSpaces()
    }

    static func stripOutletTag(_ p: String) -> (String, String)? {
        // "... text.— VNA/VNS" or "... text. – VNS"
        let b = Array(p.utf8)
        // The last em or en dash (E2 80 94 / E2 80 93) among the final 40 bytes.
        var dash = -1
        var k = b.count - 3
        while k >= max(0, b.count - 40) {
            if b[k] == 0xE2, b[k + 1] == 0x80, b[k + 2] == 0x94 || b[k + 2] == 0x93 { dash = k; break }
            k -= 1
        }
        guard dash >= 0 else { return nil }
        let tag = Tokenizer.slice(b, dash + 3, b.count).trimmingSpaces()
        guard !tag.isEmpty, tag.count <= 16, tag.allSatisfy({ $0.isUppercase || $0 == "/" || $0 == " " || $0.isNumber }) else { return nil }
        let rest = Tokenizer.slice(b, 0, dash).trimmingSpaces()
        return (rest, tag)
    }

    /// How much of the body `detectLanguage` reads.
    static let languageSampleBytes = 24_000

    /// The paragraphs joined by spaces up to the one that reaches `bytes` (joining a whole
    /// long body to read its first 24,000 bytes cost a copy of all of it).
    static func head(of paragraphs: [String], bytes: Int) -> String {
        var out = ""
        for p in paragraphs {
            if !out.isEmpty { out += " " }
            out += p
            if out.utf8.count >= bytes { break }
        }
        return out
    }

    /// Letters only Vietnamese uses among the Latin scripts, both cases, as scalars (NFC).
    static let viMarks: Set<UInt32> = {
        let lower = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
        return Set((lower + lower.uppercased()).unicodeScalars.map(\.value))
    }()

    /// "vi" when Vietnamese function words or marks dominate, else "en". Reads the first
    /// 24,000 bytes; a word with no byte above ASCII has no Vietnamese mark, so only the
    /// others are decoded.
    static func detectLanguage(_ text: String) -> String {
        var vi = 0, en = 0
        let enWords = Vocabulary.shared.languageMarkers["en"] ?? []
        let viWords = Vocabulary.shared.languageMarkers["vi"] ?? []
        var head = Array(text.utf8.prefix(languageSampleBytes))
        while let last = head.last, last & 0xC0 == 0x80 { head.removeLast() }  // end on a whole scalar
        if let last = head.last, last >= 0xC0 { head.removeLast() }
        for token in Tokenizer.tokens(utf8: head) {
            let w = token.text
            let ascii = w.utf8.allSatisfy { $0 < 0x80 }
            if !ascii, w.unicodeScalars.contains(where: { viMarks.contains($0.value) }) { vi += 1 }
            let f = TextFolding.fold(w)
            if enWords.contains(f) { en += 2 }
            else if !ascii && viWords.contains(f) { vi += 1 }
        }
        return vi > en ? "vi" : "en"
    }
}

/// Finds calendar dates in text: "February 7, 2026", "7 February 2026", "2026-02-07", "07/02/2026"
/// (day first), "ngày 7 tháng 2 năm 2026".
enum DateFinder {
    /// The words come from dates.txt.
    static func find(in text: String) -> [(String, CalendarDay)] {
        let chars = Array(text.utf8)
        guard chars.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let (words, spans) = Tokenizer.words(utf8: chars)
        return find(chars, words, spans, folded: nil)
    }

    /// `find(in: s.text)`, over the tokens and folded words the sentence already has: every
    /// body sentence with a digit is searched, and tokenizing it again cost more than the search.
    static func find(in s: Sentence) -> [(String, CalendarDay)] {
        guard s.bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        return find(s.bytes, s.words, s.tokens, folded: s.folded)
    }

    /// The search over a text's bytes and its tokens; `folded` holds `TextFolding.fold` of each
    /// word when the caller has them (nil: folded here as needed).
    private static func find(_ chars: [UInt8], _ words: [String], _ toks: [Tokenizer.Span],
                             folded: [String]?) -> [(String, CalendarDay)] {
        let v = Vocabulary.shared
        var out: [(String, CalendarDay)] = []
        func raw(_ a: Int, _ b: Int) -> String { Tokenizer.slice(chars, toks[a].offset, toks[b].end) }
        func fold(_ i: Int) -> String { folded?[i] ?? TextFolding.fold(words[i]) }
        var i = 0
        while i < toks.count {
            let t = words[i]
            let f = t.first?.isNumber == true ? t : fold(i)
            if let m = v.months[f] {
                // Month D, YYYY
                if i + 2 < toks.count, let d = Int(words[i + 1]), let y = Int(words[i + 2]), words[i + 2].count == 4,
                   let day = CalendarDay(year: y, month: m, day: d) {
                    out.append((raw(i, i + 2), day)); i += 3; continue
                }
                // D Month YYYY
                if i >= 1, i + 1 < toks.count, let d = Int(words[i - 1]), let y = Int(words[i + 1]), words[i + 1].count == 4,
                   let day = CalendarDay(year: y, month: m, day: d) {
                    out.append((raw(i - 1, i + 1), day)); i += 2; continue
                }
            }
            // ngày D tháng M năm YYYY
            if v.dayWords.contains(f), i + 5 < toks.count, let d = Int(words[i + 1]), v.monthWords.contains(fold(i + 2)),
               let m = Int(words[i + 3]), v.yearWords.contains(fold(i + 4)), let y = Int(words[i + 5]),
               let day = CalendarDay(year: y, month: m, day: d) {
                out.append((raw(i, i + 5), day)); i += 6; continue
            }
            // ISO or D/M/YYYY, tokens split by punctuation: look at the raw characters.
            if let d = Int(t), i + 2 < toks.count, let b = Int(words[i + 1]), let c = Int(words[i + 2]) {
                let sep1 = Character(Unicode.Scalar(chars[toks[i].end]))
                let adjacent = toks[i + 1].offset == toks[i].end + 1 && toks[i + 2].offset == toks[i + 1].end + 1
                if adjacent {
                    if sep1 == "-", t.count == 4, let day = CalendarDay(year: d, month: b, day: c) {
                        out.append((raw(i, i + 2), day)); i += 3; continue
                    }
                    if sep1 == "/", words[i + 2].count == 4, let day = CalendarDay(year: c, month: b, day: d) {
                        out.append((raw(i, i + 2), day)); i += 3; continue
                    }
                }
            }
            i += 1
        }
        return out
    }

    /// A dateline at the start of the lead: "HANOI, Feb 7, 2026 (VNA) —", "Hà Nội, 7/2/2026 –".
    static func dateline(_ paragraph: String) -> (CalendarDay, String)? {
        let head = String(paragraph.prefix(80))
        let cut: String
        if let r = head.firstRange(ofBytes: "—") ?? head.firstRange(ofBytes: " – ") ?? head.firstRange(ofBytes: " - ") { cut = String(head[..<r.lowerBound]) } else { return nil }
        guard Tokenizer.words(cut).count <= 9, let (raw, day) = find(in: cut).first else { return nil }
        return (day, raw)
    }
}
