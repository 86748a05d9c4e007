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

    /// 160 KB of text (about fifty pages), or DESPATCH_SHAPED_TEXT_BUDGET bytes when set.
    public static let defaultShapedTextBudget: Int = {
        if let value = ProcessInfo.processInfo.environment["DESPATCH_SHAPED_TEXT_BUDGET"], let n = Int(value), n >= 0 { return n }
        return 160 * 1024
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
        func paginate(_ layout: LayoutDescription) throws -> (DocumentTree, [PageLayout]) {
            let tree = DocumentBuilder(digest: digest, layout: layout, labels: labels, title: request.title, week: request.week).build()
            context.resetLayoutBudget()
            let blocks = try BlockFactory(styles: styles, minLines: layout.paragraph.minLines, columns: layout.page.columns).blocks(for: tree)
            clock.mark("document tree and blocks")
            return (tree, try breaker.paginate(blocks, columns: firstColumns, in: context))
        }
        var (tree, pages) = try paginate(layout)
        var dropped = 0
        var droppedSections: [String] = []
        if let limit = layout.maxPages, pages.count > limit {
            let fitted = try PageFitter(limit: limit, paginate: paginate).fit(layout, first: (tree, pages))
            (tree, pages, dropped, droppedSections) = (fitted.tree, fitted.pages, fitted.droppedItems, fitted.droppedSections)
        }
        clock.mark("measure and paginate (\(pages.count) pages)")
        let values = tree.values
        if request.strict, !context.missingGlyphs.isEmpty {
            throw RenderError.missingGlyphs(context.missingGlyphs)
        }
        var anchorPages: [String: Int] = [:]
        var anchorTitles: [String: String] = [:]
        for (i, page) in pages.enumerated() {
            for anchor in page.anchors where anchorPages[anchor.name] == nil {
                anchorPages[anchor.name] = i + 1
                anchorTitles[anchor.name] = anchor.title
            }
        }
        let running = RunningTextPainter(layout: layout, styles: styles, labels: labels, values: values, geometry: geometry)
        if let pdfFile {
            let surface = try CairoSurface.pdf(fileDescriptor: pdfFile, width: geometry.width, height: geometry.height)
            surface.setMetadata(DocumentMetadata(
                title: tree.title, author: layout.metadata.author,
                subject: layout.metadata.subject.isEmpty ? tree.subtitle : labels.fill(layout.metadata.subject, values),
                keywords: (layout.metadata.keywords + digest.themes.prefix(8).map { $0.label }).joined(separator: ", "),
                creator: request.generator, creationDate: request.creationDate))
            let cairo = try CairoContext(surface: surface)
            let painter = PagePainter(cairo: cairo, surface: surface, anchorPages: anchorPages, pageCount: pages.count, context: context)
            cairo.beginStructure("Document")
            for (i, page) in pages.enumerated() {
                painter.pageNumber = i + 1
                try paint(page, with: painter, running: running, context: context)
                if i == pages.count - 1 { cairo.endStructure("Document") }
                cairo_show_page_checked(cairo)
                try cairo.check("page \(i + 1)")
            }
            try surface.finish()
            clock.mark("paint and write")
        }
        if let dir = request.pngDirectory {
            try writePreviews(pages, to: dir, scale: request.pngScale, geometry: geometry, anchorPages: anchorPages,
                              running: running, context: context)
        }
        return RenderReport(pageCount: pages.count, missingGlyphs: context.missingGlyphs, anchorPages: anchorPages,
                            anchorTitles: anchorTitles, droppedItems: dropped, droppedSections: droppedSections)
    }

    private func paint(_ page: PageLayout, with painter: PagePainter, running: RunningTextPainter, context: RenderContext) throws {
        for placement in page.placements {
            try placement.block.draw(at: placement.x, placement.y, in: painter)
        }
        try running.paint(page: page, number: painter.pageNumber, of: painter.pageCount, painter: painter, context: context)
    }

    private func writePreviews(_ pages: [PageLayout], to dir: String, scale: Double, geometry: PageGeometry,
                               anchorPages: [String: Int], running: RunningTextPainter, context: RenderContext) throws {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw RenderError.output(path: dir, reason: "cannot create folder for previews")
        }
        for (i, page) in pages.enumerated() {
            let surface = try CairoSurface.image(pixelWidth: Int((geometry.width * scale).rounded()),
                                                 pixelHeight: Int((geometry.height * scale).rounded()))
            let cairo = try CairoContext(surface: surface)
            cairo.scale(scale)
            cairo.setColor((1, 1, 1))
            cairo.fillRect(x: 0, y: 0, width: geometry.width, height: geometry.height)
            let painter = PagePainter(cairo: cairo, surface: surface, anchorPages: anchorPages, pageCount: pages.count, context: context)
            painter.pageNumber = i + 1
            try paint(page, with: painter, running: running, context: context)
            try cairo.check("preview page \(i + 1)")
            surface.flush()
            let output = try AtomicOutput(destination: dir + "/page-" + String(format: "%03d", i + 1) + ".png")
            try surface.writePNG(fileDescriptor: output.fileDescriptor, path: output.destination)
            try output.commit()
        }
    }

    static func geometry(_ page: PageSpec) -> PageGeometry {
        let k = PageGeometry.pointsPerMM
        return PageGeometry(width: page.widthMM * k, height: page.heightMM * k, top: page.margins.top * k,
                            right: page.margins.right * k, bottom: page.margins.bottom * k, left: page.margins.left * k,
                            gutter: page.gutterMM * k)
    }
}
