import Foundation
import Yams

/// Reads one layout file (YAML, with Yams for line and column marks) and applies its keys
/// over a base description: the defaults, or the layout it `extends`. Every key is checked;
/// unknown keys, wrong types, values out of range and unknown section types are errors
/// that point at the line and column and suggest the closest valid name.
public struct LayoutParser {
    public let path: String

    public init(path: String) { self.path = path }

    static let rootKeys = ["description", "extends", "page", "fonts", "colors", "language", "title", "subtitle", "header",
                           "footer", "metadata", "time_zone", "max_pages", "paragraph", "sections", "logo"]

    /// The YAML's root mapping, or an error at the place the YAML breaks.
    public func compose(_ text: String) throws -> Node {
        let node: Node?
        do {
            // The basic resolver: every scalar is read as text and typed here, by the key that
            // expects it. Yams' default resolver types scalars with eight ICU regular
            // expressions, compiled on first use (about 9 M instructions, 3 ms, before the
            // first layout key is read) and matched against every scalar.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw yamlError(error)
        }
        guard let root = node else { throw LayoutError(path: path, line: 1, column: 1, message: "layout is empty") }
        guard root.mapping != nil else { throw error(root, "a layout is a mapping of keys (page, fonts, sections, …)") }
        return root
    }

    /// The layout name in `extends`, if any.
    public func extends(_ root: Node) throws -> String? {
        guard let value = root.mapping?["extends"] else { return nil }
        return try string(value, "extends")
    }

    /// Applies the keys of `root` over `base`.
    public func apply(_ root: Node, over base: LayoutDescription) throws -> LayoutDescription {
        var layout = base
        for (key, value) in try entries(root, allowed: Self.rootKeys, context: "layout") {
            switch key {
            case "description": layout.description = try string(value, key)
            case "extends": break
            case "page": try applyPage(value, to: &layout.page)
            case "fonts": try applyFonts(value, to: &layout.fonts)
            case "colors": try applyColors(value, to: &layout.colors)
            case "language": try applyLanguage(value, to: &layout.language)
            case "title": layout.title = try string(value, key)
            case "subtitle": layout.subtitle = try string(value, key)
            case "header": layout.header = try runningText(value, over: layout.header, key)
            case "footer": layout.footer = try runningText(value, over: layout.footer, key)
            case "metadata": try applyMetadata(value, to: &layout.metadata)
            case "time_zone":
                let zone = try string(value, key)
                guard TimeZone(identifier: zone) != nil else { throw error(value, "time_zone '\(zone)' is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)") }
                layout.timeZone = zone
            case "max_pages": layout.maxPages = try int(value, key, 1...100_000)
            case "paragraph": try applyParagraph(value, to: &layout.paragraph)
            case "sections": layout.sections = try sections(value)
            case "logo": layout.logo = try string(value, key)
            default: break
            }
        }
        return layout
    }

    // MARK: groups

    func applyPage(_ node: Node, to page: inout PageSpec) throws {
        var orientation: String?
        for (key, value) in try entries(node, allowed: ["size", "orientation", "margins", "columns", "gutter"], context: "page") {
            switch key {
            case "size":
                if let name = value.scalar?.string {
                    guard let size = PageSpec.namedSizes[name] ?? PageSpec.namedSizes.first(where: { $0.key.lowercased() == name.lowercased() })?.value else {
                        throw error(value, "unknown page size '\(name)'; expected one of \(PageSpec.namedSizes.keys.sorted().joined(separator: ", ")) or {width, height} in mm",
                                    suggestion: closestName(to: name, in: Array(PageSpec.namedSizes.keys)))
                    }
                    (page.widthMM, page.heightMM) = size
                } else {
                    for (k, v) in try entries(value, allowed: ["width", "height"], context: "page.size") {
                        if k == "width" { page.widthMM = try double(v, "page.size.width", 50...2000) }
                        if k == "height" { page.heightMM = try double(v, "page.size.height", 50...2000) }
                    }
                }
            case "orientation":
                let o = try string(value, key)
                guard ["portrait", "landscape"].contains(o) else {
                    throw error(value, "orientation must be portrait or landscape", suggestion: closestName(to: o, in: ["portrait", "landscape"]))
                }
                orientation = o
            case "margins":
                if value.scalar != nil {
                    let m = try double(value, "page.margins", 0...200)
                    page.margins = Margins(top: m, right: m, bottom: m, left: m)
                } else {
                    for (k, v) in try entries(value, allowed: ["top", "right", "bottom", "left"], context: "page.margins") {
                        let m = try double(v, "page.margins.\(k)", 0...200)
                        switch k {
                        case "top": page.margins.top = m
                        case "right": page.margins.right = m
                        case "bottom": page.margins.bottom = m
                        default: page.margins.left = m
                        }
                    }
                }
            case "columns": page.columns = try int(value, "page.columns", 1...3)
            case "gutter": page.gutterMM = try double(value, "page.gutter", 0...100)
            default: break
            }
        }
        if let orientation {
            let (short, long) = (min(page.widthMM, page.heightMM), max(page.widthMM, page.heightMM))
            (page.widthMM, page.heightMM) = orientation == "landscape" ? (long, short) : (short, long)
        }
        if page.margins.left + page.margins.right >= page.widthMM - 20 || page.margins.top + page.margins.bottom >= page.heightMM - 20 {
            throw error(node, "margins leave no room for text on a \(page.widthMM) × \(page.heightMM) mm page")
        }
    }

    func applyFonts(_ node: Node, to fonts: inout FontSpec) throws {
        let keys = ["body", "heading", "mono", "size", "small_size", "heading_sizes", "line_height"]
        for (key, value) in try entries(node, allowed: keys, context: "fonts") {
            switch key {
            case "body": fonts.body = try string(value, "fonts.body")
            case "heading": fonts.heading = try string(value, "fonts.heading")
            case "mono": fonts.mono = try string(value, "fonts.mono")
            case "size": fonts.size = try double(value, "fonts.size", 4...72)
            case "small_size": fonts.smallSize = try double(value, "fonts.small_size", 4...72)
            case "line_height": fonts.lineHeight = try double(value, "fonts.line_height", 0.8...3)
            case "heading_sizes":
                guard let items = value.sequence, (1...3).contains(items.count) else {
                    throw error(value, "fonts.heading_sizes is a list of one to three sizes in points, e.g. [18, 14, 11]")
                }
                fonts.headingSizes = try items.map { try double($0, "fonts.heading_sizes", 4...96) }
            default: break
            }
        }
    }

    func applyColors(_ node: Node, to colors: inout ColorPalette) throws {
        let keys: [String: WritableKeyPath<ColorPalette, RGBColor>] = [
            "text": \.text, "accent": \.accent, "muted": \.muted, "rule": \.rule, "table_header": \.tableHeader,
            "table_stripe": \.tableStripe, "positive": \.positive, "neutral": \.neutral, "critical": \.critical,
        ]
        for (key, value) in try entries(node, allowed: keys.keys.sorted(), context: "colors") {
            let text = try string(value, "colors.\(key)")
            guard let color = RGBColor(hex: text) else { throw error(value, "colors.\(key) must be a colour like \"#8b1e2d\", not '\(text)'") }
            colors[keyPath: keys[key]!] = color
        }
    }

    func applyLanguage(_ node: Node, to language: inout LanguageSpec) throws {
        if node.scalar != nil {
            language.code = try languageCode(node, "language")
            if language.code.hasPrefix("vi") { language.hyphenate = false }
            return
        }
        for (key, value) in try entries(node, allowed: ["code", "secondary", "hyphenation"], context: "language") {
            switch key {
            case "code":
                language.code = try languageCode(value, "language.code")
                if language.code.hasPrefix("vi") { language.hyphenate = false }
            case "secondary": language.secondary = try languageCode(value, "language.secondary")
            case "hyphenation": language.hyphenate = try bool(value, "language.hyphenation")
            default: break
            }
        }
    }

    func languageCode(_ node: Node, _ name: String) throws -> String {
        let code = try string(node, name).lowercased()
        guard Self.isLanguageCode(code) else {
            throw error(node, "\(name) must be a language code such as en, vi or fr, not '\(code)'")
        }
        return code
    }

    /// Two or three letters, then optionally a hyphen and two to eight letters or digits
    /// ("en", "vi", "pt-br", "zh-hans").
    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let letters = { (c: UInt8) in c >= 0x61 && c <= 0x7A }
        let digits = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        guard let language = parts.first, (2...3).contains(language.utf8.count), language.utf8.allSatisfy(letters) else { return false }
        guard parts.count == 2 else { return true }
        let region = parts[1]
        return (2...8).contains(region.utf8.count) && region.utf8.allSatisfy { letters($0) || digits($0) }
    }

    func runningText(_ node: Node, over base: RunningText, _ name: String) throws -> RunningText {
        var text = base
        for (key, value) in try entries(node, allowed: ["left", "center", "right"], context: name) {
            let template = try string(value, "\(name).\(key)")
            switch key {
            case "left": text.left = template
            case "center": text.center = template
            default: text.right = template
            }
        }
        return text
    }

    func applyMetadata(_ node: Node, to metadata: inout MetadataSpec) throws {
        for (key, value) in try entries(node, allowed: ["author", "subject", "keywords"], context: "metadata") {
            switch key {
            case "author": metadata.author = try string(value, "metadata.author")
            case "subject": metadata.subject = try string(value, "metadata.subject")
            default:
                guard let items = value.sequence else { throw error(value, "metadata.keywords is a list of words") }
                metadata.keywords = try items.map { try string($0, "metadata.keywords") }
            }
        }
    }

    func applyParagraph(_ node: Node, to paragraph: inout ParagraphSpec) throws {
        for (key, value) in try entries(node, allowed: ["align", "space_after", "min_lines"], context: "paragraph") {
            switch key {
            case "align":
                let a = try string(value, "paragraph.align")
                guard let alignment = Alignment(rawValue: a) else {
                    throw error(value, "paragraph.align must be justify or left", suggestion: closestName(to: a, in: Alignment.allCases.map(\.rawValue)))
                }
                paragraph.align = alignment
            case "space_after": paragraph.spaceAfter = try double(value, "paragraph.space_after", 0...72)
            default: paragraph.minLines = try int(value, "paragraph.min_lines", 1...5)
            }
        }
    }

    static let sectionKeys = ["type", "title", "max", "include_related", "summary_sentences", "full_text", "chart",
                              "page_break_before", "in_contents", "detail", "columns"]

    func sections(_ node: Node) throws -> [SectionSpec] {
        guard let items = node.sequence else {
            throw error(node, "sections is a list of section types, e.g. [cover, contents, reactions]")
        }
        return try items.map { item in
            if item.scalar != nil { return SectionSpec(type: try sectionType(item)) }
            guard let mapping = item.mapping else { throw error(item, "a section is a type name or a mapping with a 'type'") }
            guard let typeNode = mapping["type"] else {
                throw error(item, "this section has no 'type' (one of \(SectionType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var spec = SectionSpec(type: try sectionType(typeNode))
            for (key, value) in try entries(item, allowed: Self.sectionKeys, context: "section") {
                switch key {
                case "title": spec.title = try string(value, key)
                case "max": spec.max = try int(value, key, 0...100_000)
                case "include_related": spec.includeRelated = try bool(value, key)
                case "summary_sentences": spec.summarySentences = try int(value, key, 0...50)
                case "full_text": spec.fullText = try bool(value, key)
                case "chart": spec.chart = try bool(value, key)
                case "page_break_before": spec.pageBreakBefore = try bool(value, key)
                case "in_contents": spec.inContents = try bool(value, key)
                case "columns": spec.columns = try int(value, key, 1...3)
                case "detail":
                    let detail = try string(value, key)
                    guard ["full", "brief"].contains(detail) else {
                        throw error(value, "detail is 'full' or 'brief', not '\(detail)'", suggestion: closestName(to: detail, in: ["full", "brief"]))
                    }
                    spec.brief = detail == "brief"
                default: break
                }
            }
            return spec
        }
    }

    func sectionType(_ node: Node) throws -> SectionType {
        let name = try string(node, "section type")
        guard let type = SectionType(rawValue: name) else {
            throw error(node, "unknown section type '\(name)'", suggestion: closestName(to: name, in: SectionType.allCases.map(\.rawValue)))
        }
        return type
    }

    // MARK: typed values

    func entries(_ node: Node, allowed: [String], context: String) throws -> [(String, Node)] {
        guard let mapping = node.mapping else { throw error(node, "\(context) must be a mapping of keys to values") }
        var result: [(String, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw error(keyNode, "keys of \(context) must be names") }
            guard allowed.contains(key) else {
                throw error(keyNode, "unknown key '\(key)' in \(context); expected one of \(allowed.joined(separator: ", "))",
                            suggestion: closestName(to: key, in: allowed))
            }
            result.append((key, value))
        }
        return result
    }

    func string(_ node: Node, _ name: String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "\(name) must be text") }
        return scalar.string
    }

    func double(_ node: Node, _ name: String, _ range: ClosedRange<Double>) throws -> Double {
        guard let v = node.float ?? node.int.map(Double.init) else { throw error(node, "\(name) must be a number") }
        guard v.isFinite, range.contains(v) else { throw error(node, "\(name) must be between \(format(range.lowerBound)) and \(format(range.upperBound)), not \(format(v))") }
        return v
    }

    func int(_ node: Node, _ name: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let v = node.int else { throw error(node, "\(name) must be a whole number") }
        guard range.contains(v) else { throw error(node, "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(v)") }
        return v
    }

    /// YAML's booleans, unquoted (a quoted "true" is text): the spellings Yams' default
    /// resolver accepts.
    func bool(_ node: Node, _ name: String) throws -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any,
              let v = Self.booleans[scalar.string] else { throw error(node, "\(name) must be true or false") }
        return v
    }

    static let booleans: [String: Bool] = {
        var table: [String: Bool] = [:]
        for (word, value) in [("true", true), ("yes", true), ("on", true), ("false", false), ("no", false), ("off", false)] {
            for spelling in [word, word.prefix(1).uppercased() + word.dropFirst(), word.uppercased()] { table[spelling] = value }
        }
        return table
    }()

    /// Whole numbers without ".0"; anything an Int cannot hold (inf, nan, 1e300) as Swift prints it.
    func format(_ v: Double) -> String {
        v.isFinite && v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    func error(_ node: Node, _ message: String, suggestion: String? = nil) -> LayoutError {
        LayoutError(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message, suggestion: suggestion)
    }

    func yamlError(_ error: YamlError) -> LayoutError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return LayoutError(path: path, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LayoutError(path: path, line: context.mark.line, column: context.mark.column,
                               message: "key given twice: \(duplicates.joined(separator: ", "))")
        default:
            return LayoutError(path: path, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
