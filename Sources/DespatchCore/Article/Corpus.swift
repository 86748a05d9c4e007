/// The articles of one run, in a stable order (by file name), plus what was skipped and why.
public struct Corpus: Sendable {
    public var articles: [Article]
    /// Warnings about files that were skipped or read with a fallback, each naming the file.
    public var warnings: [String]

    public init(articles: [Article], warnings: [String] = []) {
        self.articles = articles
        self.warnings = warnings
    }
}
