import DespatchArchive
import DespatchCore
import DespatchLayout
import DespatchModel
import DespatchRender
import Foundation

/// `despatch brief`: one week of the archive -> analysis -> comparison with the week
/// before -> one PDF per layout, rendered in parallel.
///
/// The archive is held with an exclusive lock for the whole run, so two briefs at once
/// run one after the other (the second waits up to `lockTimeout` seconds). Each PDF is
/// written atomically by the renderer, so neither run leaves a half-written file.
public struct BriefPipeline {
    public var pipeline: DigestPipeline
    /// "Now", for "this"/"last" and for first-seen days; tests fix it.
    public var now: () -> Date
    public var lockTimeout: Double
    /// The analysis; `DigestPipeline.analyze` unless a test swaps it.
    public var analyze: (Corpus, Int) throws -> Digest
    /// Names the analysis in the archive's voices cache: a new analysis version must have
    /// a new name, or earlier weeks' voices found by the old one would be reused.
    public var analysisVersion: String

    public init(pipeline: DigestPipeline = DigestPipeline(), now: @escaping () -> Date = Date.init,
                lockTimeout: Double = 30, analyze: ((Corpus, Int) throws -> Digest)? = nil,
                analysisVersion: String = DigestPipeline.generator) {
        self.pipeline = pipeline
        self.now = now
        self.lockTimeout = lockTimeout
        self.analyze = analyze ?? { corpus, sentences in try pipeline.analyze(corpus, summarySentences: sentences) }
        self.analysisVersion = analysisVersion
    }

    /// One rendered brief.
    public struct Output: Sendable {
        public var layout: String
        public var path: String
        public var pages: Int
    }

    public struct Result {
        public var week: ISOWeek
        public var digest: Digest
        public var outputs: [Output]
    }

    /// The file name of a brief: brief-2026-W05-<layout>.pdf (a layout given as a path
    /// contributes its file name without extension).
    public static func fileName(week: ISOWeek, layout: String) -> String {
        let name = URL(fileURLWithPath: layout).deletingPathExtension().lastPathComponent
        return "brief-\(week.iso)-\(name).pdf"
    }

    /// The whole job. Throws `DespatchFailure` (archive 5, layout 3, render 4).
    public func run(database: String, week selector: WeekSelector, layouts names: [String], outputDirectory: String,
                    onWait: (() -> Void)? = nil) throws -> Result {
        let names = names.isEmpty ? ["default"] : names
        let layouts = try names.map { try pipeline.loadLayout($0) }
        let timeZone = TimeZone(identifier: layouts[0].timeZone)
            ?? TimeZone(identifier: WeekSelector.defaultTimeZone) ?? TimeZone(secondsFromGMT: 0)!
        let week = selector.resolve(now: now(), timeZone: timeZone)
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw DespatchFailure(.render, "\(outputDirectory): output folder cannot be created (\(error.localizedDescription))")
        }
        let archive = try Self.open(database, access: .exclusive, timeout: lockTimeout, now: now, onWait: onWait)
        defer { archive.close() }
        let sentences = max(3, layouts.flatMap { $0.sections.map { $0.summarySentences } }.max() ?? 3)
        let digest = try prepare(archive: archive, week: week, timeZone: timeZone, summarySentences: sentences)
        let outputs = try render(digest, week: week, names: names, layouts: layouts, outputDirectory: outputDirectory)
        return Result(week: week, digest: digest, outputs: outputs)
    }

    /// The week's digest with its `trends`; a week without articles gets a one-line
    /// "no new coverage" summary instead of an error.
    public func prepare(archive: ArticleArchive, week: ISOWeek, timeZone: TimeZone, summarySentences: Int = 3) throws -> Digest {
        let current = try archived { try archive.articles(in: week, timeZone: timeZone) }
        let previous = try archived { try archive.articles(in: week.previous, timeZone: timeZone) }
        let earlier = try archived { try archive.articles(before: week.firstDay, timeZone: timeZone) }

        func digest(_ stored: [StoredArticle]) throws -> Digest {
            guard !stored.isEmpty else { return Digest(generator: DigestPipeline.generator, articles: []) }
            return try analyze(Corpus(articles: stored.map { $0.datedArticle(in: timeZone) }), summarySentences)
        }
        var result = try digest(current)
        let before = try digest(previous)
        let earlierVoices = try voiceKeys(of: earlier, archive: archive, timeZone: timeZone, summarySentences: summarySentences)
        result.trends = WeekComparer.compare(week: week, current: result, previous: before, earlierVoiceKeys: earlierVoices)
        // An empty week: the document builder prints the catalogue's "no new coverage" line,
        // in the layout's language, with the week's dates from `trends`.
        return result
    }

    /// Voices of the earlier articles: each revision is analysed once, on its own (so the
    /// cost is linear in the archive and nothing cross-article is needed), and the result
    /// kept in the archive for the next brief.
    func voiceKeys(of earlier: [StoredArticle], archive: ArticleArchive, timeZone: TimeZone,
                   summarySentences: Int) throws -> Set<String> {
        let ids = earlier.map { $0.revisionID }
        let missing = Set(try archived { try archive.revisionsWithoutVoices(ids, analysis: analysisVersion) })
        var found: [Int64: [(key: String, name: String, kind: String)]] = [:]
        for stored in earlier where missing.contains(stored.revisionID) {
            let digest = try analyze(Corpus(articles: [stored.datedArticle(in: timeZone)]), summarySentences)
            found[stored.revisionID] = WeekComparer.voices(in: digest).map { (WeekComparer.voiceKey($0.name), $0.name, $0.kind) }
            if found.count >= 500 {
                try archived { try archive.storeVoices(found, analysis: analysisVersion) }
                found = [:]
            }
        }
        try archived { try archive.storeVoices(found, analysis: analysisVersion) }
        return try archived { try archive.voiceKeys(of: ids, analysis: analysisVersion) }
    }

    /// Renders one PDF per layout, in parallel on the available cores, each with its own
    /// `DocumentRenderer` (a renderer is not thread-safe). Every layout is attempted; the
    /// first failure is reported after the others finished.
    func render(_ digest: Digest, week: ISOWeek, names: [String], layouts: [LayoutDescription],
                outputDirectory: String) throws -> [Output] {
        // Font loading touches fontconfig's global state: renderers are made one at a time.
        let renderers = try layouts.map { _ in try pipeline.makeRenderer() }
        let paths = names.map { outputDirectory + "/" + Self.fileName(week: week, layout: $0) }
        let layouts = digest.articles.isEmpty ? layouts.map(Self.noCoverageLayout) : layouts
        let results = ResultBox(count: layouts.count)
        let options = RenderOptions(week: week.iso)
        let digestPipeline = self.pipeline
        DispatchQueue.concurrentPerform(iterations: layouts.count) { i in
            let r = Swift.Result { try digestPipeline.render(digest, layout: layouts[i], output: paths[i], options: options,
                                                      renderer: renderers[i]) }
            results.set(i, r)
        }
        var outputs: [Output] = []
        for i in layouts.indices {
            switch results.get(i) {
            case .success(let report)?:
                outputs.append(Output(layout: names[i], path: paths[i], pages: report.pageCount))
            case .failure(let error)?:
                throw error
            case nil:
                throw DespatchFailure(.render, "\(paths[i]): not rendered")
            }
        }
        return outputs
    }

    /// For a week without articles: only the cover and the executive summary (which says
    /// "no new coverage"), so the brief is short instead of a contents page of empty sections.
    static func noCoverageLayout(_ layout: LayoutDescription) -> LayoutDescription {
        let kept = layout.sections.filter { $0.type == .cover || $0.type == .executiveSummary }
        guard kept.contains(where: { $0.type == .executiveSummary }) else { return layout }
        var short = layout
        short.sections = kept
        return short
    }

    /// Opens the archive, turning archive errors into exit status 5.
    public static func open(_ path: String, access: ArticleArchive.Access, timeout: Double = 30,
                            now: @escaping () -> Date = Date.init, onWait: (() -> Void)? = nil) throws -> ArticleArchive {
        do {
            return try ArticleArchive(path: path, access: access, lockTimeout: timeout, now: now, onWait: onWait)
        } catch let error as ArchiveError {
            throw DespatchFailure(.archive, error.description)
        }
    }

    private func archived<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ArchiveError { throw DespatchFailure(.archive, error.description) }
    }
}

/// Results of the parallel renders, one slot per layout, filled under a lock.
final class ResultBox: @unchecked Sendable {
    private var slots: [Result<RenderReport, Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<RenderReport, Error>) { lock.lock(); slots[i] = r; lock.unlock() }
    func get(_ i: Int) -> Result<RenderReport, Error>? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
