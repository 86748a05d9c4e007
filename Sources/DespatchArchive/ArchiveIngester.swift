import DespatchCore
import Foundation

/// Reads article files (single files or folders, not recursive) and stores them in the
/// archive in batches.
///
/// Why batches: one transaction per batch keeps ingest fast (a transaction per article
/// would sync the disk a thousand times for a thousand files) while bounding memory for
/// very large folders. A file that cannot be read is skipped with a warning naming it,
/// as in `despatch digest`.
public struct ArchiveIngester {
    public var reader: ArticleReader
    public var batchSize: Int

    public init(reader: ArticleReader = ArticleReader(), batchSize: Int = 500) {
        self.reader = reader
        self.batchSize = max(1, batchSize)
    }

    /// The files `paths` name: folders are listed (hidden and README files left out),
    /// sorted by name. Throws `InputError.notFound` for a path that does not exist.
    public func files(for paths: [String]) throws -> [URL] {
        let fm = FileManager.default
        var result: [URL] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError.notFound(path: path) }
            guard isDir.boolValue else {
                result.append(URL(fileURLWithPath: path))
                continue
            }
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: path)
            } catch {
                throw InputError.unreadable(path: path, reason: "folder cannot be listed")
            }
            let base = URL(fileURLWithPath: path, isDirectory: true)
            for name in names.sorted() where !name.hasPrefix(".") && !name.lowercased().hasPrefix("readme") {
                let url = base.appendingPathComponent(name)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue { result.append(url) }
            }
        }
        return result
    }

    /// Reads and stores every file; `progress(done, total)` is called after each file read
    /// and after each batch stored.
    public func ingest(paths: [String], into archive: ArticleArchive,
                       progress: ((Int, Int) -> Void)? = nil) throws -> IngestReport {
        let urls = try files(for: paths)
        var report = IngestReport()
        var batch: [(article: Article, sourcePath: String)] = []
        var done = 0
        func flush() throws {
            let part = try archive.ingest(batch)
            report.added += part.added
            report.revised += part.revised
            report.unchanged += part.unchanged
            report.duplicates += part.duplicates
            report.warnings += part.warnings
            batch.removeAll(keepingCapacity: true)
            progress?(done, urls.count)
        }
        for url in urls {
            done += 1
            var warnings: [String] = []
            do {
                let article = try reader.read(url, warnings: &warnings)
                batch.append((article, url.standardizedFileURL.resolvingSymlinksInPath().path))
            } catch let error as InputError {
                report.skipped += 1
                warnings.append("\(error.description); skipped")
            }
            report.warnings += warnings
            if batch.count >= batchSize { try flush() } else { progress?(done, urls.count) }
        }
        if !batch.isEmpty || urls.isEmpty { try flush() }
        return report
    }
}
