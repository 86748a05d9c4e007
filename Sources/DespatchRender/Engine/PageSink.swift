import DespatchDocument
import Foundation

/// Where finished pages are painted: the PDF, and PNG previews. A sink paints each page when
/// it is handed one and keeps nothing of it, so that pages can be let go as they are painted.
protocol PageSink {
    /// Paints `page`, numbered from 1, with its running header and footer.
    func paint(_ page: PageLayout, number: Int, running: RunningTextPainter) throws
    /// Called after the last page.
    func finish() throws
}

extension PageSink {
    /// The blocks of `page` where the breaker placed them, then the running text.
    func draw(_ page: PageLayout, with painter: PagePainter, running: RunningTextPainter) throws {
        for placement in page.placements {
            try placement.block.draw(at: placement.x, placement.y, in: painter)
        }
        try running.paint(page: page, number: painter.pageNumber, of: painter.pageCount, painter: painter, context: painter.context)
    }
}

/// The pages of the PDF, one cairo page each, in one tagged "Document" structure.
final class PDFPageSink: PageSink {
    private let surface: CairoSurface
    private let painter: PagePainter

    init(surface: CairoSurface, cairo: CairoContext, anchorPages: [String: Int], pageCount: Int, context: RenderContext) {
        self.surface = surface
        painter = PagePainter(cairo: cairo, surface: surface, anchorPages: anchorPages, pageCount: pageCount, context: context)
        cairo.beginStructure("Document")
    }

    func paint(_ page: PageLayout, number: Int, running: RunningTextPainter) throws {
        painter.pageNumber = number
        try draw(page, with: painter, running: running)
        if number == painter.pageCount { painter.cairo.endStructure("Document") }
        cairo_show_page_checked(painter.cairo)
        try painter.cairo.check("page \(number)")
    }

    func finish() throws {
        try surface.finish()
    }
}

/// A PNG preview of each page (`page-001.png`, …) on a white background, written atomically.
final class PNGPageSink: PageSink {
    private let directory: String
    private let scale: Double
    private let geometry: PageGeometry
    private let anchorPages: [String: Int]
    private let pageCount: Int
    private let context: RenderContext

    init(directory: String, scale: Double, geometry: PageGeometry, anchorPages: [String: Int], pageCount: Int,
         context: RenderContext) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RenderError.output(path: directory, reason: "cannot create folder for previews")
        }
        self.directory = directory
        self.scale = scale
        self.geometry = geometry
        self.anchorPages = anchorPages
        self.pageCount = pageCount
        self.context = context
    }

    func paint(_ page: PageLayout, number: Int, running: RunningTextPainter) throws {
        let surface = try CairoSurface.image(pixelWidth: Int((geometry.width * scale).rounded()),
                                             pixelHeight: Int((geometry.height * scale).rounded()))
        let cairo = try CairoContext(surface: surface)
        cairo.scale(scale)
        cairo.setColor((1, 1, 1))
        cairo.fillRect(x: 0, y: 0, width: geometry.width, height: geometry.height)
        let painter = PagePainter(cairo: cairo, surface: surface, anchorPages: anchorPages, pageCount: pageCount, context: context)
        painter.pageNumber = number
        try draw(page, with: painter, running: running)
        try cairo.check("preview page \(number)")
        surface.flush()
        let output = try AtomicOutput(destination: directory + "/page-" + String(format: "%03d", number) + ".png")
        try surface.writePNG(fileDescriptor: output.fileDescriptor, path: output.destination)
        try output.commit()
    }

    func finish() throws {}
}
