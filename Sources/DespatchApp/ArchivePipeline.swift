import DespatchArchive
import DespatchCore
import DespatchModel
import Foundation

/// `despatch ingest` and `despatch archive list`: the archive's own commands, kept here so
/// that the command line stays a thin layer.
public struct ArchivePipeline {
    public var now: () -> Date
    public var lockTimeout: Double
    public var limits: InputLimits

    public init(now: @escaping () -> Date = Date.init, lockTimeout: Double = 30, limits: InputLimits = InputLimits()) {
        self.now = now
        self.lockTimeout = lockTimeout
        self.limits = limits
    }

    /// Reads `paths` and stores them; `progress(done, total)` after each batch.
    public func ingest(database: String, paths: [String], progress: ((Int, Int) -> Void)? = nil,
                       onWait: (() -> Void)? = nil) throws -> IngestReport {
        let ingester = ArchiveIngester(reader: ArticleReader(maxBytes: limits.maxArticleBytes))
        let files: [URL]
        do {
            files = try ingester.files(for: paths)
        } catch let error as InputError {
            throw DespatchFailure(.input, error.description)
        }
        guard files.count <= limits.maxArticles else {
            throw DespatchFailure(.input, InputError.tooManyArticles(path: paths.joined(separator: " "), count: files.count,
                                                                      limit: limits.maxArticles).description)
        }
        let archive = try BriefPipeline.open(database, access: .write, timeout: lockTimeout, now: now, onWait: onWait)
        defer { archive.close() }
        let report: IngestReport
        do {
            report = try ingester.ingest(paths: paths, into: archive, progress: progress)
        } catch let error as ArchiveError {
            throw DespatchFailure(.archive, error.description)
        } catch let error as InputError {
            throw DespatchFailure(.input, error.description)
        }
        if report.total > 0, report.skipped == report.total {
            throw DespatchFailure(.input, "no readable article in \(paths.joined(separator: " ")) (\(report.skipped) file(s) skipped)")
        }
        return report
    }

    /// One line per stored article: day, outlet, title; undated articles show their
    /// first-seen day followed by "*", revised ones their revision number.
    public func list(database: String, week: WeekSelector?, timeZone: TimeZone) throws -> [String] {
        let archive = try BriefPipeline.open(database, access: .read, timeout: lockTimeout, now: now)
        defer { archive.close() }
        let stored: [StoredArticle]
        do {
            if let week {
                stored = try archive.articles(in: week.resolve(now: now(), timeZone: timeZone), timeZone: timeZone)
            } else {
                stored = try archive.allArticles(timeZone: timeZone)
            }
        } catch let error as ArchiveError {
            throw DespatchFailure(.archive, error.description)
        }
        let outletWidth = min(16, stored.map { ($0.article.source ?? "-").count }.max() ?? 1)
        return stored.map { s in
            let day = s.day(in: timeZone).iso + (s.article.date == nil ? "*" : " ")
            let outlet = s.article.source ?? "-"
            let padded = outlet.count >= outletWidth ? outlet : outlet + String(repeating: " ", count: outletWidth - outlet.count)
            return "\(day) \(padded)  \(s.article.title)" + (s.revision > 1 ? " (revision \(s.revision))" : "")
        }
    }
}
