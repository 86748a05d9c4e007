import DespatchModel
import Foundation

/// Reads an .html article: keeps the <title> and paragraph-level text, drops scripts,
/// styles, navigation and forms, decodes entities. Tolerant of broken markup: it never
/// throws on bad HTML, it just reads what text it can find.
public struct HTMLArticleParser: Sendable {
    /// Elements whose whole content is boilerplate.
    static let droppedElements: Set<String> = ["script", "style", "nav", "noscript", "template", "svg",
                                               "form", "iframe", "button", "select", "aside", "footer"]
    /// Elements that end a paragraph.
    static let blockElements: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
                                             "blockquote", "section", "article", "header", "tr", "td", "th",
                                             "ul", "ol", "table", "figure", "figcaption", "main", "pre", "hr",
                                             "dd", "dt", "body", "title"]

    public init() {}

    public func parse(text raw: String, file: String, warnings: inout [String]) -> Article {
        let html = TextNormalizer.normalize(raw)
        var paragraphs: [String] = []
        var current = ""
        var title: String?
        var firstHeading: String?
        var inTitle = false
        var titleText = ""
        var headingDepth = 0
        var headingText = ""
        var dropStack: [String] = []
        var meta: [String: String] = [:]

        func flush() {
            let p = TextNormalizer.collapseSpaces(Self.decodeEntities(current))
            if !p.isEmpty { paragraphs.append(p) }
            current = ""
        }

        var i = html.startIndex
        while i < html.endIndex {
            let ch = html[i]
            if ch == "<" {
                // Comments
                if html[i...].hasPrefix("<!--") {
                    if let end = html.range(of: "-->", range: i..<html.endIndex) { i = end.upperBound } else { i = html.endIndex }
                    continue
                }
                guard let close = html[i...].firstIndex(of: ">") else { break }
                let tagBody = html[html.index(after: i)..<close]
                i = html.index(after: close)
                let isEnd = tagBody.hasPrefix("/")
                let nameChars = tagBody.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                let name = nameChars.lowercased()
                if name.isEmpty { continue }
                if !dropStack.isEmpty {
                    if isEnd, name == dropStack.last { dropStack.removeLast() }
                    else if !isEnd, Self.droppedElements.contains(name), !tagBody.hasSuffix("/") { dropStack.append(name) }
                    continue
                }
                if !isEnd, Self.droppedElements.contains(name) {
                    if !tagBody.hasSuffix("/") { flush(); dropStack.append(name) }
                    continue
                }
                if name == "meta", !isEnd {
                    let attrs = Self.attributes(String(tagBody))
                    if let key = attrs["property"] ?? attrs["name"], let content = attrs["content"] {
                        meta[key.lowercased()] = Self.decodeEntities(content)
                    }
                    continue
                }
                if name == "title" {
                    if isEnd { inTitle = false; title = TextNormalizer.collapseSpaces(Self.decodeEntities(titleText)) }
                    else { inTitle = true; titleText = "" }
                    continue
                }
                if name.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()), (1...6).contains(level) {
                    if isEnd { headingDepth = max(0, headingDepth - 1)
                        if firstHeading == nil { firstHeading = TextNormalizer.collapseSpaces(Self.decodeEntities(headingText)) }
                    } else { headingDepth += 1; headingText = "" }
                }
                if Self.blockElements.contains(name) { flush() }
                continue
            }
            if inTitle { titleText.append(ch) }
            else if dropStack.isEmpty {
                current.append(ch)
                if headingDepth > 0 { headingText.append(ch) }
            }
            i = html.index(after: i)
        }
        flush()
        let pageTitle = (title?.isEmpty == false) ? title : nil
        let chosenTitle = meta["og:title"] ?? firstHeading ?? pageTitle
        if let t = chosenTitle, let first = paragraphs.first, first == t { paragraphs.removeFirst() }
        var date: CalendarDay?
        for key in ["article:published_time", "date", "pubdate", "dc.date"] {
            if let v = meta[key], let d = CalendarDay(iso: String(v.prefix(10))) { date = d; break }
        }
        return Article(file: file, title: chosenTitle ?? PlainTextArticleParser.headline(fromSentence: paragraphs.first ?? file),
                       titleIsDerived: chosenTitle == nil, date: date, dateSource: date == nil ? nil : .frontMatter,
                       source: meta["og:site_name"], language: nil, url: meta["og:url"], paragraphs: paragraphs)
    }

    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        let pattern = #"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return result }
        let ns = tag as NSString
        for m in regex.matches(in: tag, range: NSRange(location: 0, length: ns.length)) {
            let key = ns.substring(with: m.range(at: 1)).lowercased()
            for g in 3...5 where m.range(at: g).location != NSNotFound {
                result[key] = ns.substring(with: m.range(at: g))
                break
            }
        }
        return result
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "laquo": "«", "raquo": "»",
        "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "ocirc": "ô", "ecirc": "ê", "acirc": "â",
        "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "copy": "©", "reg": "®", "deg": "°", "middot": "·",
        "bull": "•", "euro": "€", "pound": "£", "times": "×", "shy": "\u{AD}",
    ]

    /// Decodes named and numeric character references; unknown ones stay as written.
    public static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = s[s.index(after: i)..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    if let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v), v != 0 { replacement = String(u) }
                } else if name.hasPrefix("#") {
                    if let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v), v != 0 { replacement = String(u) }
                } else {
                    replacement = namedEntities[String(name)]
                }
                if let r = replacement {
                    out += r
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }
}
