import DespatchDocument
import DespatchLayout
import DespatchModel
import Foundation

/// What to render besides the digest and the layout.
public struct RenderRequest: Sendable {
    /// The {title} of title templates.
    public var title: String
    /// The {week} of templates, for weekly briefs.
    public var week: String?
    /// Fail when a character has no glyph in Fonts/ instead of warning.
    public var strict: Bool
    /// Folder for PNG page previews, or nil.
    public var pngDirectory: String?
    /// Pixels per point for previews (1 = 72 dpi).
    public var pngScale: Double
    /// Caps the page count so that hostile input cannot exhaust memory.
    public var maxPages: Int
    /// PDF creation date (ISO 8601); fixed so that two renders are byte-identical.
    public var creationDate: String
    public var generator: String
    /// Bytes of text whose shaped layouts are kept from measuring to painting; past it,
    /// paragraphs are shaped again when painted, so memory stays flat. Any value gives the
    /// same PDF; it trades memory for time.
    public var shapedTextBudget: Int = RenderRequest.defaultShapedTextBudget
    /// Prepare paragraphs (hyphenation, break analysis) on a second thread while paginating
    /// (see `BreakLookahead`). Either way gives the same PDF; a test compares the two.
    /// DESPATCH_LOOKAHEAD=0 turns it off, for timing the difference.
    public var lookahead = ProcessInfo.processInfo.environment["DESPATCH_LOOKAHEAD"] != "0"
    /// Paginate a document within the shaped-text budget in two parts at once, split at a
    /// page break (see `ParallelPagination`). Either way gives the same PDF; a test compares
    /// the two. DESPATCH_PARALLEL_PAGINATION=0 turns it off, for timing the difference.
    public var parallelPagination = RenderRequest.parallelPaginationByDefault
    public static let parallelPaginationByDefault = ProcessInfo.processInfo.environment["DESPATCH_PARALLEL_PAGINATION"] != "0"

    /// 96 KB of text (about thirty pages: every shipped layout of the samples is within it),
    /// or DESPATCH_SHAPED_TEXT_BUDGET bytes when set. The first pass over a longer document
    /// holds that much shaped text before it lets its pages go: 160 KB made the peak of a
    /// thousand pages 62 MiB, 96 KB 55 MiB, at no measurable cost in time.
    public static let defaultShapedTextBudget: Int = {
        if let value = ProcessInfo.processInfo.environment["DESPATCH_SHAPED_TEXT_BUDGET"], let n = Int(value), n >= 0 { return n }
        return 96 * 1024
    }()

    public init(title: String, week: String? = nil, strict: Bool = false, pngDirectory: String? = nil,
                pngScale: Double = 1, maxPages: Int = 5000, creationDate: String, generator: String) {
        self.title = title
        self.week = week
        self.strict = strict
        self.pngDirectory = pngDirectory
        self.pngScale = pngScale
        self.maxPages = maxPages
        self.creationDate = creationDate
        self.generator = generator
    }
}

/// What a render produced.
public struct RenderReport: Sendable {
    public var pageCount: Int
    public var missingGlyphs: [MissingGlyph]
    /// Page number of each named destination (sections "sec-…", articles "art-N").
    public var anchorPages: [String: Int]
    public var anchorTitles: [String: String]
    /// Items left out so that a page-limited layout fits its `max_pages`.
    public var droppedItems: Int = 0
    /// Sections a page-limited layout left out whole (their `type`s), lowest-ranked first.
    public var droppedSections: [String] = []
    /// Paragraphs that took their hyphenation and break analysis from the second thread
    /// (`BreakLookahead`), over every pagination of the render.
    public var preparedAhead: Int = 0
    /// Paragraphs whose lines were broken over a break analysis made on the second thread.
    public var breakAnalysesAhead: Int = 0
    /// Pages paginated on a second thread (`ParallelPagination`); 0 when the document was
    /// paginated in one part.
    public var secondThreadPages: Int = 0
    /// Paragraphs itemized without `pango_itemize` (`PlainItemizer`); with verification on,
    /// how many were itemized by Pango too and how many of those came out otherwise. Counted
    /// on both threads of a parallel pagination: a paragraph repeated on both sides of the
    /// split is itemized (and counted) by each, where one pass would remember it.
    public var plainItems: Int = 0
    public var plainItemsVerified: Int = 0
    public var plainItemsDiffering: Int = 0
    /// Paragraphs whose line breaks were chosen over `PlainLineBreaks` instead of Pango's
    /// analysis; with verification on, how many were compared and how many differed (both
    /// threads counted, as above).
    public var plainBreaks: Int = 0
    public var plainBreaksVerified: Int = 0
    public var plainBreaksDiffering: Int = 0
}

/// The rendering pipeline: blocks from the digest, pagination with Pango, painting with Cairo.
public final class DocumentRenderer {
    let pango: PangoEnvironment

    /// Loads the fonts of `fontsDirectory` (only those) once for any number of documents.
    public init(fontsDirectory: String) throws {
        let fonts = try FontLibrary(directory: fontsDirectory)
        pango = try PangoEnvironment(fonts: fonts)
    }

    /// Font families available from the fonts folder.
    public var fontFamilies: [String] { pango.fonts.families }

    /// Renders `digest` with `layout` to a PDF at `outputPath` (atomically).
    @discardableResult
    public func renderPDF(digest: Digest, layout: LayoutDescription, labels: LabelCatalogue,
                          request: RenderRequest, to outputPath: String) throws -> RenderReport {
        let output = try AtomicOutput(destination: outputPath)
        do {
            let report = try render(digest: digest, layout: layout, labels: labels, request: request, pdfFile: output.fileDescriptor)
            try output.commit()
            return report
        } catch RenderError.cairo(let operation, let status) where status.contains("writing") {
            // Cairo reports a failed write without errno; say what most likely happened.
            let space = AtomicOutput.availableBytes(near: outputPath).map { $0 < 1_048_576 ? "no space left on the device" : "\($0) bytes free" }
            throw RenderError.output(path: outputPath, reason: "cannot be written (\(status) in \(operation)\(space.map { "; " + $0 } ?? ""))")
        }
    }

    /// A font map made ahead for the second thread of a parallel pagination, and its lock.
    private var spareFontMap: PangoEnvironment?
    private let spareLock = NSLock()

    /// Makes the font map that a parallel pagination's second thread will use (see
    /// `ParallelPagination`), over the same fonts, so that a caller can make it on another
    /// core while it analyses; otherwise that thread makes its own when it starts. Any failure
    /// is left for then. The next render takes it, and lets it go if it has no use for it.
    public func prepareParallelPagination() {
        guard let made = try? PangoEnvironment(fonts: pango.fonts) else { return }
        spareLock.lock(); defer { spareLock.unlock() }
        if spareFontMap == nil { spareFontMap = made }
    }

    /// Starts fontconfig's matching of the faces `layout` sets its text in, on this renderer's
    /// font map and on the one made ahead for a second thread (see
    /// `PangoEnvironment.startMatching`). For a caller that can do it on another core before
    /// it renders, while nothing else uses the renderer.
    public func startFontMatching(for layout: LayoutDescription) {
        let styles = StyleSheet(layout: layout)
        pango.startMatching(styles.faces(frontMatter: true))
        spareLock.lock(); defer { spareLock.unlock() }
        spareFontMap?.startMatching(styles.faces(frontMatter: false))
    }

    /// The font map made ahead, once.
    func takeSpareFontMap() -> PangoEnvironment? {
        spareLock.lock(); defer { spareLock.unlock() }
        defer { spareFontMap = nil }
        return spareFontMap
    }

    /// Loads the layout's hyphenation patterns now (they are cached for the process), so
    /// that a caller can do it on another core while it analyses.
    public static func prepareHyphenation(for layout: LayoutDescription) {
        if layout.language.hyphenate { _ = HyphenatorLoader.shared(for: layout.language.code) }
    }

    func render(digest: Digest, layout: LayoutDescription, labels: LabelCatalogue,
                request: RenderRequest, pdfFile: Int32?) throws -> RenderReport {
        let hyphenator = layout.language.hyphenate ? HyphenatorLoader.shared(for: layout.language.code) : nil
        let context = RenderContext(pango: pango, hyphenator: hyphenator)
        context.layoutBudgetBytes = max(0, request.shapedTextBudget)
        let clock = PhaseClock()
        let styles = StyleSheet(layout: layout)
        let geometry = Self.geometry(layout.page)
        let breaker = PageBreaker(geometry: geometry, maxPages: request.maxPages)
        let firstColumns = layout.sections.first.map { [.cover, .contents].contains($0.type) } == true ? 1 : layout.page.columns
        let factory = BlockFactory(styles: styles, minLines: layout.paragraph.minLines, columns: layout.page.columns)
        var preparedAhead = 0
        // The second parts of parallel paginations: their contexts own the fonts their blocks
        // were shaped with, so they live until the pages are painted.
        var secondParts: [SecondPagination] = []
        var secondThreadPages = 0
        // The font map made ahead for a second thread, taken now so that it goes with this
        // render when the document has no use for it.
        var spareFontMap = takeSpareFontMap()
        // Set once a pagination finds the document longer than the budget: a page-limited
        // layout's later paginations of it do without the lookahead from the start.
        var knownLong = false
        // The first pass: every page measured and counted, kept only while the document is
        // within the shaped-text budget.
        func paginate(_ layout: LayoutDescription) throws -> Pagination {
            let tree = DocumentBuilder(digest: digest, layout: layout, labels: labels, title: request.title, week: request.week).build()
            context.resetLayoutBudget()
            // A page-limited layout is paginated again and again by the fitter: one part at a time.
            if request.parallelPagination, layout.maxPages == nil,
               let split = ParallelPagination.split(of: tree.nodes, firstColumns: firstColumns, budget: context.layoutBudgetBytes) {
                if let joined = ParallelPagination.paginate(tree.nodes, at: split, firstColumns: firstColumns, breaker: breaker,
                                                            factory: factory, context: context, fontMap: spareFontMap) {
                    return join(joined, tree: tree, split: split)
                }
                // A part failed: one pass finds the failure a single pass meets first.
                context.resetLayoutBudget()
            }
            spareFontMap = nil
            var pagination = Pagination(tree: tree)
            try withLookahead(over: tree) {
                try breaker.paginate(BlockStream(nodes: tree.nodes, factory: factory), columns: firstColumns, in: context) { page in
                    pagination.record(page, keep: !context.layoutBudgetExceeded)
                    // A document longer than the budget is paginated again to be painted; for
                    // it, the lookahead cost CPU and gained no time (see `withLookahead`).
                    if context.layoutBudgetExceeded {
                        knownLong = true
                        context.lookahead?.cancel()
                    }
                }
            }
            return pagination
        }
        // The pages of a parallel pagination (see `ParallelPagination`), kept, as in one pass,
        // when all the shaped text fits the budget together.
        func join(_ joined: ParallelPagination.Joined, tree: DocumentTree, split: ParallelPagination.Split) -> Pagination {
            secondParts.append(joined.second)
            let second = joined.second.context
            let retained = context.retainedLayoutBytes + (second?.retainedLayoutBytes ?? 0)
            let keep = !context.layoutBudgetExceeded && second?.layoutBudgetExceeded != true && retained <= context.layoutBudgetBytes
            if !keep { knownLong = true }
            var pagination = Pagination(tree: tree)
            for page in joined.pages { pagination.record(page, keep: keep) }
            secondThreadPages += joined.pages.count - joined.firstCount
            clock.note("parallel pagination: pages 1-\(joined.firstCount) here, \(joined.firstCount + 1)-\(pagination.pageCount) "
                       + "on a second thread (from node \(split.node) of \(tree.nodes.count)), "
                       + String(format: "waited %.1f ms for it", joined.waited * 1000))
            return pagination
        }
        // A document painted from its first pagination (one within the shaped-text budget,
        // as the samples are with every shipped layout) has the paragraphs of its tree
        // prepared ahead on the second core. A longer one does without once it is known to be
        // longer: its painting pass lost more to a busy second core than it gained (1,000
        // pages: 2.84 s against 3.10 s), and its first pass gained too little to show (wall
        // times even within the noise, a tenth more CPU).
        func withLookahead(over tree: DocumentTree, _ body: () throws -> Void) throws {
            let lookahead = request.lookahead && !knownLong
                ? BreakLookahead(nodes: tree.nodes, factory: factory, hyphenator: hyphenator,
                                 language: pango.paragraphLanguage,
                                 columnWidth: geometry.columnWidth(columns: layout.page.columns))
                : nil
            context.lookahead = lookahead
            defer {
                context.lookahead = nil
                lookahead?.finish()
                if let lookahead {
                    let counts = lookahead.counts
                    preparedAhead += counts.handedOver
                    clock.note("lookahead: \(counts.handedOver) paragraph(s) prepared ahead, \(counts.notReady) not; "
                               + "\(context.breakAnalysesTakenAhead) broken over an analysis made ahead")
                }
            }
            try body()
        }
        var pagination = try paginate(layout)
        var dropped = 0
        var droppedSections: [String] = []
        if let limit = layout.maxPages, pagination.pageCount > limit {
            let fitted = try PageFitter(limit: limit, paginate: paginate).fit(layout, first: pagination)
            (pagination, dropped, droppedSections) = (fitted.pagination, fitted.droppedItems, fitted.droppedSections)
        }
        // Both threads' counts, for a document paginated in two parts.
        var plainItems = context.plainItems
        for part in secondParts {
            guard let counts = part.context?.plainItems else { continue }
            plainItems = (plainItems.made + counts.made, plainItems.verified + counts.verified, plainItems.differing + counts.differing)
        }
        var plainBreaks = context.plainBreaks
        for part in secondParts {
            guard let counts = part.context?.plainBreaks else { continue }
            plainBreaks = (plainBreaks.made + counts.made, plainBreaks.verified + counts.verified, plainBreaks.differing + counts.differing)
        }
        clock.note("plain breaks: \(plainBreaks.made) paragraph(s) broken without pango_get_log_attrs"
                   + (plainBreaks.verified > 0 ? ", \(plainBreaks.verified) verified, \(plainBreaks.differing) differing" : ""))
        clock.note("plain items: \(plainItems.made) paragraph(s) itemized without pango_itemize"
                   + (plainItems.verified > 0 ? ", \(plainItems.verified) verified, \(plainItems.differing) differing" : ""))
        clock.mark("measure and paginate (\(pagination.pageCount) pages)")
        let tree = pagination.tree
        // Characters without a glyph, each once, in the order a single pass would meet them.
        var missingGlyphs = context.missingGlyphs
        for part in secondParts {
            for glyph in part.context?.missingGlyphs ?? [] where !missingGlyphs.contains(where: { $0.scalar == glyph.scalar }) {
                missingGlyphs.append(glyph)
            }
        }
        if request.strict, !missingGlyphs.isEmpty {
            throw RenderError.missingGlyphs(missingGlyphs)
        }
        let running = RunningTextPainter(layout: layout, styles: styles, labels: labels, values: tree.values, geometry: geometry)
        var sinks: [PageSink] = []
        if let pdfFile {
            let surface = try CairoSurface.pdf(fileDescriptor: pdfFile, width: geometry.width, height: geometry.height)
            surface.setMetadata(DocumentMetadata(
                title: tree.title, author: layout.metadata.author,
                subject: layout.metadata.subject.isEmpty ? tree.subtitle : labels.fill(layout.metadata.subject, tree.values),
                keywords: (layout.metadata.keywords + digest.themes.prefix(8).map { $0.label }).joined(separator: ", "),
                creator: request.generator, creationDate: request.creationDate))
            sinks.append(PDFPageSink(surface: surface, cairo: try CairoContext(surface: surface),
                                     anchorPages: pagination.anchorPages, pageCount: pagination.pageCount, context: context))
        }
        if let dir = request.pngDirectory {
            sinks.append(try PNGPageSink(directory: dir, scale: request.pngScale, geometry: geometry,
                                         anchorPages: pagination.anchorPages, pageCount: pagination.pageCount, context: context))
        }
        func paint(_ page: PageLayout, number: Int) throws {
            for sink in sinks { try sink.paint(page, number: number, running: running) }
        }
        if let pages = pagination.pages {
            for (i, page) in pages.enumerated() { try paint(page, number: i + 1) }
        } else {
            // The second pass over a long document: paginated again (the same blocks from the
            // same tree give the same pages), each page painted as soon as it is finished and
            // then let go, its blocks giving back their shaped text.
            context.resetLayoutBudget()
            var again = Pagination(tree: tree)
            try breaker.paginate(BlockStream(nodes: tree.nodes, factory: factory), columns: firstColumns, in: context) { page in
                again.record(page, keep: false)
                try paint(page, number: again.pageCount)
                for placement in page.placements { placement.block.releaseShapedText(in: context) }
            }
            guard again.pageCount == pagination.pageCount, again.anchorPages == pagination.anchorPages else {
                throw RenderError.inconsistentPagination(first: pagination.pageCount, second: again.pageCount)
            }
        }
        // Text shaped while painting (the running header and footer, a chart's labels, the
        // contents' page numbers) is checked for glyphs as well, before the PDF is finished.
        for glyph in context.missingGlyphs where !missingGlyphs.contains(where: { $0.scalar == glyph.scalar }) {
            missingGlyphs.append(glyph)
        }
        if request.strict, !missingGlyphs.isEmpty {
            throw RenderError.missingGlyphs(missingGlyphs)
        }
        for sink in sinks { try sink.finish() }
        // The second parts' font maps outlive the painting of their pages and the writing of the fonts.
        withExtendedLifetime(secondParts) {}
        if pdfFile != nil { clock.mark("paint and write") }
        // A one-document command exits next: the pages and the shaped text are left to the
        // exit instead of being freed one by one (see `ExitRetention`).
        ExitRetention.shared.keep((pagination, secondParts, context, running))
        return RenderReport(pageCount: pagination.pageCount, missingGlyphs: missingGlyphs, anchorPages: pagination.anchorPages,
                            anchorTitles: pagination.anchorTitles, droppedItems: dropped, droppedSections: droppedSections,
                            preparedAhead: preparedAhead, breakAnalysesAhead: context.breakAnalysesTakenAhead,
                            secondThreadPages: secondThreadPages,
                            plainItems: plainItems.made, plainItemsVerified: plainItems.verified,
                            plainItemsDiffering: plainItems.differing,
                            plainBreaks: plainBreaks.made, plainBreaksVerified: plainBreaks.verified,
                            plainBreaksDiffering: plainBreaks.differing)
    }

    static func geometry(_ page: PageSpec) -> PageGeometry {
        let k = PageGeometry.pointsPerMM
        return PageGeometry(width: page.widthMM * k, height: page.heightMM * k, top: page.margins.top * k,
                            right: page.margins.right * k, bottom: page.margins.bottom * k, left: page.margins.left * k,
                            gutter: page.gutterMM * k)
    }
}
