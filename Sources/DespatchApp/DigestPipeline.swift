import DespatchAnalysis
import DespatchCore
import DespatchLayout
import DespatchModel
import DespatchRender
import Foundation
import Logging

/// The main job: article files -> Corpus -> analysis -> Digest -> layout -> PDF.
/// Each step turns its failures into one clear message with its exit status.
public struct DigestPipeline {
    public static let version = "0.1.0"
    public static var generator: String { "despatch \(version)" }

    public var locator: ResourceLocator
    public var logger: Logger

    public init(locator: ResourceLocator = ResourceLocator(), logger: Logger = Logger(label: "despatch")) {
        self.locator = locator
        self.logger = logger
    }

    public func loadCorpus(_ input: String, limits: InputLimits = InputLimits()) throws -> Corpus {
        let loader = CorpusLoader(reader: ArticleReader(maxBytes: limits.maxArticleBytes), maxArticles: limits.maxArticles)
        do {
            let corpus = try loader.load(input)
            for w in corpus.warnings { logger.warning("\(w)") }
            return corpus
        } catch let error as InputError {
            if case .noReadableArticle(_, _, let reasons) = error, reasons.count > 1 {
                for r in reasons { logger.warning("\(r); skipped") }
            }
            throw DespatchFailure(.input, error.description)
        }
    }

    /// The analysis of `corpus`. Fails when it ran without its vocabulary (a broken
    /// installation), whose digest would be empty: checked after analysing, when the
    /// vocabulary has been loaded anyway, so that its loading on another core is not waited for.
    public func analyze(_ corpus: Corpus, summarySentences: Int = 3) throws -> Digest {
        let digest = DigestBuilder(summarySentences: summarySentences).build(corpus, generator: Self.generator)
        if let reason = Vocabulary.loadFailure { throw DespatchFailure(.installation, reason) }
        return digest
    }

    /// Folders besides the layout's own and Layouts/ that a layout may take images from.
    public var allowedPaths: [String] = []

    public func loadLayout(_ nameOrPath: String) throws -> LayoutDescription {
        do {
            var layout = try LayoutLoader(searchDirectories: locator.layoutDirectories).load(nameOrPath)
            if let logo = layout.logo, let source = layout.sourcePath {
                let folder = URL(fileURLWithPath: source).deletingLastPathComponent().path
                let policy = AssetPathPolicy(layoutFolder: folder, layoutDirectories: locator.layoutDirectories, allowed: allowedPaths)
                do {
                    layout.logo = try policy.resolve(logo, relativeTo: folder)
                } catch let violation as AssetPathPolicy.Violation {
                    throw LayoutError(path: source, message: "logo: \(violation.description)")
                }
            }
            return layout
        } catch let error as LayoutError {
            throw DespatchFailure(.layout, error.description)
        }
    }

    public func labels(for layout: LayoutDescription) -> LabelCatalogue {
        let extra = locator.layoutDirectories.map { $0 + "/labels" }
        do {
            var (catalogue, warnings) = try LabelCatalogue.load(language: layout.language.code, extraDirectories: extra)
            if let second = layout.language.secondary {
                let (secondary, more) = try LabelCatalogue.load(language: second, extraDirectories: extra)
                catalogue.secondary = secondary.labels
                warnings += more
            }
            for w in warnings { logger.warning("\(w)") }
            return catalogue
        } catch {
            logger.warning("labels for '\(layout.language.code)' cannot be loaded (\(error)); using keys")
            return LabelCatalogue(language: layout.language.code, labels: [:])
        }
    }

    public func makeRenderer() throws -> DocumentRenderer {
        do {
            return try DocumentRenderer(fontsDirectory: locator.fontsDirectory)
        } catch let error as RenderError {
            throw DespatchFailure(.render, error.description)
        }
    }

    /// The PDF creation date: SOURCE_DATE_EPOCH when set, else the newest article's day,
    /// so that the same input always gives the same bytes.
    public static func creationDate(for digest: Digest, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int($0) }) {
            let days = Int((Double(epoch) / 86400).rounded(.down))
            let seconds = epoch - days * 86400
            let day = CalendarDay(daysSinceEpoch: days)
            return String(format: "%@T%02d:%02d:%02dZ", day.iso, seconds / 3600, (seconds % 3600) / 60, seconds % 60)
        }
        let day = digest.dateRange?.upperBound ?? digest.trends.flatMap { CalendarDay(iso: $0.to) } ?? CalendarDay(daysSinceEpoch: 0)
        return day.iso + "T00:00:00Z"
    }

    /// Renders and reports missing glyphs as warnings (errors with `strict`).
    public func render(_ digest: Digest, layout: LayoutDescription, output: String, options: RenderOptions,
                       renderer: DocumentRenderer? = nil) throws -> RenderReport {
        let labels = labels(for: layout)
        let title = options.title ?? (options.week.map { labels("brief.title", ["week": $0]) } ?? labels("digest.title"))
        var request = RenderRequest(title: title, week: options.week, strict: options.strict,
                                    pngDirectory: options.pngDirectory, pngScale: options.pngScale,
                                    maxPages: options.maxPages, creationDate: Self.creationDate(for: digest),
                                    generator: Self.generator)
        if let budget = options.shapedTextBudget { request.shapedTextBudget = budget }
        if let lookahead = options.lookahead { request.lookahead = lookahead }
        if let parallel = options.parallelPagination { request.parallelPagination = parallel }
        do {
            let engine = try renderer ?? makeRenderer()
            let report = try engine.renderPDF(digest: digest, layout: layout, labels: labels, request: request, to: output)
            for glyph in report.missingGlyphs { logger.warning("no glyph in Fonts/ for \(glyph)") }
            if report.droppedItems > 0 || !report.droppedSections.isEmpty {
                let sections = report.droppedSections.isEmpty ? "" : "; section(s) left out: " + report.droppedSections.joined(separator: ", ")
                logger.warning("layout '\(layout.name)' allows \(layout.maxPages ?? 0) page(s): \(report.droppedItems) lower-ranked item(s) left out (more in the full digest)\(sections)")
            }
            return report
        } catch let error as RenderError {
            throw DespatchFailure(.render, error.description)
        }
    }

    /// `despatch digest`: the whole job.
    public func runDigest(input: String, layoutName: String, output: String, options: RenderOptions) throws -> RenderReport {
        let clock = PhaseClock()
        let layout = try loadLayout(layoutName)
        clock.mark("layout")
        // The second core sets up what rendering needs (fonts through fontconfig, the font
        // map, the hyphenation patterns) and loads the vocabulary while this one reads the
        // articles: start-up costs overlap instead of adding up.
        let setUp = DispatchGroup()
        nonisolated(unsafe) var renderer: Result<DocumentRenderer, Error>?
        DispatchQueue.global().async(group: setUp) {
            let setUpClock = PhaseClock()
            renderer = Result { try self.makeRenderer() }
            setUpClock.mark("fonts (second core)")
            DocumentRenderer.prepareHyphenation(for: layout)
            setUpClock.mark("hyphenation patterns (second core)")
            if case .success(let made)? = renderer, options.parallelPagination ?? RenderRequest.parallelPaginationByDefault, layout.maxPages == nil {
                made.prepareParallelPagination()
                setUpClock.mark("second font map (second core)")
            }
            if case .success(let made)? = renderer {
                made.startFontMatching(for: layout)
                setUpClock.mark("font matching started (second core)")
            }
        }
        DispatchQueue.global().async(group: setUp) {
            let vocabularyClock = PhaseClock()
            _ = Vocabulary.shared
            vocabularyClock.mark("vocabulary (second core)")
        }
        let corpus: Corpus
        do { corpus = try loadCorpus(input, limits: options.limits) } catch { setUp.wait(); throw error }
        clock.mark("read \(corpus.articles.count) article(s)")
        let sentences = layout.sections.map { $0.summarySentences }.max() ?? 3
        let digest: Digest
        do { digest = try analyze(corpus, summarySentences: max(3, sentences)) } catch { setUp.wait(); throw error }
        clock.mark("analysis")
        setUp.wait()
        clock.mark("waiting for the second core")
        let engine = try renderer!.get()
        let report = try render(digest, layout: layout, output: output, options: options, renderer: engine)
        ExitRetention.shared.keep((corpus, digest, layout, engine))
        return report
    }
}

/// Options of a render that come from the command line.
public struct RenderOptions: Sendable {
    public var title: String?
    public var week: String?
    public var strict: Bool
    public var pngDirectory: String?
    public var pngScale: Double
    public var maxPages: Int
    public var limits: InputLimits
    /// Bytes of text whose shaped layouts are kept from measuring to painting (nil: the
    /// renderer's default, or DESPATCH_SHAPED_TEXT_BUDGET); see `RenderRequest`.
    public var shapedTextBudget: Int?
    /// Whether paragraphs are prepared ahead on a second thread while paginating (nil: the
    /// renderer's default); see `RenderRequest.lookahead`.
    public var lookahead: Bool?
    /// Whether a short document is paginated in two parts at once (nil: the renderer's
    /// default); see `RenderRequest.parallelPagination`.
    public var parallelPagination: Bool?

    public init(title: String? = nil, week: String? = nil, strict: Bool = false, pngDirectory: String? = nil,
                pngScale: Double = 1, maxPages: Int = 5000, limits: InputLimits = InputLimits(), shapedTextBudget: Int? = nil,
                lookahead: Bool? = nil, parallelPagination: Bool? = nil) {
        self.shapedTextBudget = shapedTextBudget
        self.lookahead = lookahead
        self.parallelPagination = parallelPagination
        self.title = title
        self.week = week
        self.strict = strict
        self.pngDirectory = pngDirectory
        self.pngScale = pngScale
        self.maxPages = maxPages
        self.limits = limits
    }
}

/// Documented caps so that hostile input cannot exhaust memory.
public struct InputLimits: Sendable {
    public var maxArticleBytes: Int
    public var maxArticles: Int
    public init(maxArticleBytes: Int = ArticleReader.defaultMaxBytes, maxArticles: Int = CorpusLoader.defaultMaxArticles) {
        self.maxArticleBytes = maxArticleBytes
        self.maxArticles = maxArticles
    }
}
