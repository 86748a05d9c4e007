/// Failures of the rendering layer, each naming what failed.
public enum RenderError: Error, CustomStringConvertible, Equatable {
    case fonts(String)
    case cairo(operation: String, status: String)
    case output(path: String, reason: String)
    case missingGlyphs([MissingGlyph])
    case tooManyPages(limit: Int)
    /// The second pagination of a long document (painted as it goes) disagreed with the first
    /// (which numbered the contents): a bug, reported rather than written as a wrong PDF.
    case inconsistentPagination(first: Int, second: Int)

    public var description: String {
        switch self {
        case .fonts(let message): return "fonts: \(message)"
        case .cairo(let operation, let status): return "cairo failed in \(operation): \(status)"
        case .output(let path, let reason): return "\(path): \(reason)"
        case .missingGlyphs(let glyphs):
            let list = glyphs.prefix(10).map { $0.description }.joined(separator: "; ")
            return "\(glyphs.count) character(s) have no glyph in Fonts/: \(list)"
        case .tooManyPages(let limit): return "the document would exceed the limit of \(limit) pages"
        case .inconsistentPagination(let first, let second):
            return "internal error: the document paginated to \(first) pages, then to \(second) while painting"
        }
    }
}

/// A code point that no font of Fonts/ can draw, with the text it came from.
public struct MissingGlyph: Sendable, Equatable, CustomStringConvertible {
    public var scalar: Unicode.Scalar
    public var context: String

    public var description: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "U+\(padded) '\(scalar)' in \"\(context)\""
    }
}
