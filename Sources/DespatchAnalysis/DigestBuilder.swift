import DespatchCore
import DespatchModel
import Foundation

/// Runs the analysis over a corpus and assembles the `Digest`.
///
/// Placeholder: this first version only carries articles over with a lead summary.
/// The analysis core replaces it.
public struct DigestBuilder: Sendable {
    public var summarySentences: Int

    public init(summarySentences: Int = 3) { self.summarySentences = summarySentences }

    public func build(_ corpus: Corpus, generator: String) -> Digest {
        let articles = corpus.articles.map { article -> ArticleDigest in
            let sentences = article.paragraphs.flatMap { p in
                p.split(separator: ".", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) + "." }
            }
            return ArticleDigest(file: article.file, title: article.title, date: article.date?.iso,
                                 dateSource: article.dateSource?.rawValue, source: article.source,
                                 language: article.language, url: article.url,
                                 summary: Array(sentences.prefix(summarySentences)), paragraphs: article.paragraphs)
        }
        return Digest(generator: generator, articles: articles, warnings: corpus.warnings)
    }
}
