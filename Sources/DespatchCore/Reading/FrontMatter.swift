import DespatchModel
import Foundation
import Yams

/// The YAML block between `---` lines at the top of a .txt or .md article.
///
/// Known keys: title, date (YYYY-MM-DD), source, language, url. A value of the wrong type
/// or an impossible date is dropped with a warning; the article is still read.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var date: CalendarDay?
    public var source: String?
    public var language: String?
    public var url: String?

    public init(title: String? = nil, date: CalendarDay? = nil, source: String? = nil,
                language: String? = nil, url: String? = nil) {
        self.title = title
        self.date = date
        self.source = source
        self.language = language
        self.url = url
    }

    /// Splits `text` into front matter and the rest. Returns nil front matter when the text
    /// does not start with a `---` line followed by a closing `---` line.
    public static func split(_ text: String) -> (yaml: String?, body: Substring) {
        guard text.hasPrefix("---\n") else { return (nil, Substring(text)) }
        let afterOpen = text.index(text.startIndex, offsetBy: 4)
        var searchStart = afterOpen
        while let range = text[searchStart...].firstRange(ofBytes: "\n---") {
            let end = range.upperBound
            if end == text.endIndex || text[end] == "\n" {
                let yaml = String(text[afterOpen..<range.lowerBound])
                let bodyStart = end == text.endIndex ? end : text.index(after: end)
                return (yaml, text[bodyStart...])
            }
            searchStart = range.upperBound
        }
        if text[afterOpen...].hasPrefix("---") {  // empty block "---\n---"
            let rest = text.index(afterOpen, offsetBy: 3)
            return ("", text[rest...].drop(while: { $0 == "\n" }))
        }
        return (nil, Substring(text))
    }

    /// Parses the YAML of a front-matter block; problems go to `warnings`, never thrown,
    /// except YAML that does not parse at all.
    public static func parse(_ yaml: String, file: String, warnings: inout [String]) throws -> FrontMatter {
        var result = FrontMatter()
        guard !yaml.trimmingWhitespace().isEmpty else { return result }
        let node: Node?
        do {
            // Every value is read as text (the basic resolver): Yams' default resolver would
            // match each scalar against eight regular expressions to give it a type no key
            // here uses. (.utf8, because the default encoding reads the whole environment on
            // every call.)
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            throw InputError.unreadable(path: file, reason: "front matter is not valid YAML: \(firstLine(of: error))")
        }
        guard let mapping = node?.mapping else {
            warnings.append("\(file): front matter is not a mapping of keys to values; ignored")
            return result
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            func text() -> String? {
                guard let s = value.scalar?.string else {
                    warnings.append("\(file): front matter '\(key)' should be text; ignored")
                    return nil
                }
                let t = TextNormalizer.collapseSpaces(TextNormalizer.normalize(s))
                return t.isEmpty ? nil : t
            }
            switch key {
            case "title": result.title = text()
            case "source", "outlet": result.source = text()
            case "language", "lang": result.language = text()?.lowercased()
            case "url": result.url = text()
            case "date":
                guard let raw = value.scalar?.string else {
                    warnings.append("\(file): front matter 'date' should be YYYY-MM-DD; ignored")
                    continue
                }
                let trimmed = raw.trimmingSpaces()
                let dayPart = String(trimmed.prefix(10))
                if let day = CalendarDay(iso: dayPart) {
                    result.date = day
                } else {
                    warnings.append("\(file): front matter date '\(trimmed)' is not a real YYYY-MM-DD date; ignored")
                }
            default:
                warnings.append("\(file): unknown front matter key '\(key)' ignored (known: title, date, source, language, url)")
            }
        }
        return result
    }

    private static func firstLine(of error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
