import DespatchCore

/// The dedupe key of an article: SHA-256 of its normalised body.
///
/// Why normalise: re-saving a file with other line ends, a trailing space or a changed
/// paragraph gap is not a new revision; any change of words is. The title and front
/// matter are left out on purpose: the same text filed under two headlines is one article.
public enum ContentKey {
    /// Paragraphs with runs of white space collapsed, one per line.
    public static func normalizedBody(_ paragraphs: [String]) -> String {
        paragraphs.map { TextNormalizer.collapseSpaces(TextNormalizer.normalize($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    public static func of(_ article: Article) -> String {
        SHA256.hex(normalizedBody(article.paragraphs))
    }
}
