import CPangoCairo
import Foundation

/// Owns a cairo_surface_t: a PDF file being written, or an image for previews.
final class CairoSurface {
    let pointer: OpaquePointer
    let isPDF: Bool
    /// The file descriptor a stream surface writes to, boxed for Cairo's callback; released
    /// after the surface (which may still write while it is destroyed).
    private var sink: Unmanaged<FileSink>?

    private init(pointer: OpaquePointer, isPDF: Bool, sink: Unmanaged<FileSink>? = nil) throws {
        self.pointer = pointer
        self.isPDF = isPDF
        self.sink = sink
        try check("surface create")
    }

    deinit {
        cairo_surface_destroy(pointer)
        sink?.release()
    }

    /// Cairo's write callback: every byte to the sink's file, or a write error.
    static let writeToSink: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<FileSink>.fromOpaque(closure).takeUnretainedValue()
        return sink.write(UnsafeRawBufferPointer(start: data, count: Int(length)))
            ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    /// Cairo's status text for a failed write, also used when the last buffered bytes fail.
    static let writeErrorStatus = String(cString: cairo_status_to_string(CAIRO_STATUS_WRITE_ERROR))

    /// A PDF surface writing to the open file `fd` (never reopened by name); sizes in points.
    static func pdf(fileDescriptor fd: Int32, width: Double, height: Double) throws -> CairoSurface {
        let sink = Unmanaged.passRetained(FileSink(fd: fd))
        guard let s = cairo_pdf_surface_create_for_stream(writeToSink, sink.toOpaque(), width, height) else {
            sink.release()
            throw RenderError.cairo(operation: "cairo_pdf_surface_create_for_stream", status: "null surface")
        }
        let surface = try CairoSurface(pointer: s, isPDF: true, sink: sink)
        cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5)
        return surface
    }

    /// An ARGB image `pixelWidth` × `pixelHeight`.
    static func image(pixelWidth: Int, pixelHeight: Int) throws -> CairoSurface {
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw RenderError.cairo(operation: "cairo_image_surface_create", status: "null surface")
        }
        return try CairoSurface(pointer: s, isPDF: false)
    }

    func check(_ operation: String) throws {
        let status = cairo_surface_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            throw RenderError.cairo(operation: operation, status: String(cString: cairo_status_to_string(status)))
        }
    }

    func setPageSize(width: Double, height: Double) {
        if isPDF { cairo_pdf_surface_set_size(pointer, width, height) }
    }

    func setMetadata(_ metadata: DocumentMetadata) {
        guard isPDF else { return }
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords)
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate)
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate)
    }

    /// Adds an outline (bookmark) entry; returns its id for children.
    @discardableResult
    func addOutline(parent: Int32, title: String, destination: String) -> Int32 {
        guard isPDF else { return 0 }
        return cairo_pdf_surface_add_outline(pointer, parent, title, "dest='\(destination)'", CAIRO_PDF_OUTLINE_FLAG_OPEN)
    }

    static let outlineRoot = Int32(CAIRO_PDF_OUTLINE_ROOT)

    func flush() { cairo_surface_flush(pointer) }

    /// Ends the document; a PDF's last bytes, still in the sink's buffer, go to the file.
    func finish() throws {
        cairo_surface_finish(pointer)
        try check("cairo_surface_finish")
        if let sink, !sink.takeUnretainedValue().flush() {
            throw RenderError.cairo(operation: "cairo_surface_finish", status: Self.writeErrorStatus)
        }
    }

    /// Writes the image as PNG to the open file `fd` (the atomic output's).
    func writePNG(fileDescriptor fd: Int32, path: String) throws {
        let sink = FileSink(fd: fd)
        var status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(pointer, Self.writeToSink, Unmanaged.passUnretained(sink).toOpaque())
        }
        if status == CAIRO_STATUS_SUCCESS, !sink.flush() { status = CAIRO_STATUS_WRITE_ERROR }
        if status != CAIRO_STATUS_SUCCESS {
            throw RenderError.output(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
    }
}

/// PDF document information, all plain text.
public struct DocumentMetadata: Sendable, Equatable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// ISO 8601, e.g. "2026-01-28T00:00:00Z".
    public var creationDate: String

    public init(title: String, author: String, subject: String, keywords: String, creator: String, creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.creationDate = creationDate
    }
}
