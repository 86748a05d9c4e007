import DespatchModel
import Foundation

/// Reads .txt and .md articles: optional front matter, the raw collected form
/// (a leading " date YYYY-MM-DD" before the first sentence), then paragraphs.
public struct PlainTextArticleParser: Sendable {
    public var isMarkdown: Bool

    public init(isMarkdown: Bool) { self.isMarkdown = isMarkdown }

    public func parse(text raw: String, file: String, warnings: inout [String]) throws -> Article {
        let text = TextNormalizer.normalize(raw)
        let (yaml, bodyText) = FrontMatter.split(text)
        var meta = FrontMatter()
        var dateSource: DateSource?
        if let yaml {
            meta = try FrontMatter.parse(yaml, file: file, warnings: &warnings)
            if meta.date != nil { dateSource = .frontMatter }
        }
        var body = String(bodyText)
        if let (day, rest) = Self.stripCollectedDatePrefix(body) {
            body = rest
            if meta.date == nil {
                meta.date = day
                dateSource = .ingest
            }
        }
        var paragraphs = isMarkdown ? Self.markdownParagraphs(body) : Self.textParagraphs(body)
        var title = meta.title
        var derived = false
        if title == nil, isMarkdown, let first = paragraphs.first, first.hasPrefix("# ") {
            title = String(first.dropFirst(2)).trimmingSpaces()
            paragraphs.removeFirst()
        }
        if title == nil, let first = paragraphs.first {
            if Self.looksLikeHeadline(first), paragraphs.count > 1 {
                title = first
                paragraphs.removeFirst()
            } else {
                title = Self.headline(fromSentence: first)
                derived = true
            }
        }
        if isMarkdown {
            paragraphs = paragraphs.map { Self.stripMarkdownHeading($0) }
        }
        return Article(file: file, title: title ?? file, titleIsDerived: derived, date: meta.date,
                       dateSource: dateSource, source: meta.source, language: meta.language,
                       url: meta.url, paragraphs: paragraphs)
    }

    /// Recognises the collector's `" date 2026-01-28 "` prefix and returns the day and the rest.
    static func stripCollectedDatePrefix(_ body: String) -> (CalendarDay, String)? {
        let trimmed = body.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard trimmed.hasPrefix("date ") else { return nil }
        let afterKeyword = trimmed.dropFirst(5).drop(while: { $0 == " " })
        let candidate = String(afterKeyword.prefix(10))
        guard let day = CalendarDay(iso: candidate) else { return nil }
        let rest = afterKeyword.dropFirst(10).drop(while: { $0 == " " })
        return (day, String(rest))
    }

    /// Paragraphs of plain text: blocks separated by blank lines. Inside a block, lines are
    /// joined when the block looks hard-wrapped; otherwise each line is its own paragraph
    /// (collected news text puts one paragraph per line).
    static func textParagraphs(_ body: String) -> [String] {
        var result: [String] = []
        for lines in blocks(body) {
            if isHardWrapped(lines) {
                result.append(TextNormalizer.collapseSpaces(lines.joined(separator: " ")))
            } else {
                result.append(contentsOf: lines.map { TextNormalizer.collapseSpaces($0) })
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// Markdown: blocks separated by blank lines are paragraphs; lines inside a block join,
    /// except list items and headings, which stay on their own.
    static func markdownParagraphs(_ body: String) -> [String] {
        var result: [String] = []
        for block in blocks(body) {
            var current: [String] = []
            for line in block {
                let t = line.trimmingSpaces()
                if t.isEmpty { continue }
                let startsItem = t.hasPrefix("#") || t.hasPrefix("- ") || t.hasPrefix("* ")
                    || t.range(of: #"^\d+[.)] "#, options: .regularExpression) != nil
                if startsItem, !current.isEmpty {
                    result.append(TextNormalizer.collapseSpaces(current.joined(separator: " ")))
                    current = []
                }
                current.append(t)
                if t.hasPrefix("#") {
                    result.append(TextNormalizer.collapseSpaces(current.joined(separator: " ")))
                    current = []
                }
            }
            if !current.isEmpty { result.append(TextNormalizer.collapseSpaces(current.joined(separator: " "))) }
        }
        return result.map(stripInlineMarkdown).filter { !$0.isEmpty }
    }

    /// Blocks of lines separated by blank lines; each line trimmed of spaces and tabs.
    /// Splits UTF-8 bytes at newlines (carriage returns are gone after normalising), which is
    /// what splitting at the newline character does, without grapheme breaking.
    static func blocks(_ body: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        var text = body
        text.withUTF8 { bytes in
            let n = bytes.count
            var lineStart = 0
            var i = 0
            while i <= n {
                if i == n || bytes[i] == 0x0A {
                    var lo = lineStart, hi = i
                    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
                    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
                    if lo == hi {
                        if !current.isEmpty { blocks.append(current); current = [] }
                    } else {
                        current.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self))
                    }
                    lineStart = i + 1
                }
                i += 1
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// A block is hard-wrapped when it has several lines, all but the last of similar
    /// moderate length, and the inner lines do not end a sentence.
    static func isHardWrapped(_ lines: [String]) -> Bool {
        guard lines.count >= 2 else { return false }
        let inner = lines.dropLast()
        let lengths = inner.map { $0.count }
        guard let maxLen = lengths.max(), let minLen = lengths.min() else { return false }
        guard maxLen <= 100, minLen >= 30 else { return false }
        let endsSentence = inner.filter { l in l.last.map { ".!?:\"”".contains($0) } ?? false }.count
        return endsSentence * 2 < inner.count
    }

    static func looksLikeHeadline(_ line: String) -> Bool {
        let words = line.split(separator: " ").count
        guard words >= 2, words <= 25, line.count <= 200 else { return false }
        guard let last = line.last else { return false }
        return !".!?;,".contains(last)
    }

    /// A headline made from the first sentence when an article has no title.
    static func headline(fromSentence paragraph: String) -> String {
        var sentence = paragraph
        if let r = paragraph.range(of: #"[.!?](\s|$)"#, options: .regularExpression) {
            sentence = String(paragraph[..<r.lowerBound])
        }
        let words = sentence.split(separator: " ")
        if words.count <= 16 { return sentence }
        return words.prefix(14).joined(separator: " ") + "…"
    }

    static func stripMarkdownHeading(_ p: String) -> String {
        guard p.hasPrefix("#") else { return p }
        return String(p.drop(while: { $0 == "#" })).trimmingSpaces()
    }

    static func stripInlineMarkdown(_ p: String) -> String {
        var s = p.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        // [text](url) -> text
        s = s.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        return s
    }
}
