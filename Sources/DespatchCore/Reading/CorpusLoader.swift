import Foundation

/// Loads every article under a folder (or a single file) into a `Corpus`.
///
/// A file that cannot be read is skipped with a warning naming it; the run fails only
/// when no readable article is left.
public struct CorpusLoader: Sendable {
    public var reader: ArticleReader
    /// Caps the number of files a single run takes in.
    public var maxArticles: Int

    public static let defaultMaxArticles = 50_000

    public init(reader: ArticleReader = ArticleReader(), maxArticles: Int = CorpusLoader.defaultMaxArticles) {
        self.reader = reader
        self.maxArticles = maxArticles
    }

    public func load(_ path: String) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.notFound(path: path)
        }
        let files: [URL]
        if isDirectory.boolValue {
            files = try listFiles(in: path)
        } else {
            files = [URL(fileURLWithPath: path)]
        }
        return try load(files: files, label: path)
    }

    public func load(files: [URL], label: String) throws -> Corpus {
        guard files.count <= maxArticles else {
            throw InputError.tooManyArticles(path: label, count: files.count, limit: maxArticles)
        }
        var warnings: [String] = []
        var articles: [Article] = []
        var reasons: [String] = []
        for url in files {
            do {
                let article = try reader.read(url, warnings: &warnings)
                articles.append(article)
            } catch let error as InputError {
                // A single file given on its own: its problem is the error itself.
                if files.count == 1, label == url.path { throw error }
                reasons.append(error.description)
                warnings.append("\(error.description); skipped")
            }
        }
        guard !articles.isEmpty else {
            throw InputError.noReadableArticle(path: label, skipped: files.count, reasons: reasons)
        }
        return Corpus(articles: articles, warnings: warnings)
    }

    /// Regular files of the folder (not recursive, hidden files and README files left out), sorted by name.
    func listFiles(in folder: String) throws -> [URL] {
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw InputError.unreadable(path: folder, reason: "folder cannot be listed (\(ArticleReader.reason(error)))")
        }
        return names.sorted()
            .filter { !$0.hasPrefix(".") && !$0.lowercased().hasPrefix("readme") }
            .map { base.appendingPathComponent($0) }
            .filter { url in
                var dir: ObjCBool = false
                return FileManager.default.fileExists(atPath: url.path, isDirectory: &dir) && !dir.boolValue
            }
    }
}
