import CPangoCairo

/// Owns an image surface decoded from a PNG file.
final class CairoImage {
    let pointer: OpaquePointer
    let width: Int
    let height: Int

    /// Decodes `path`; throws naming the file when it is not a readable PNG.
    init(pngPath path: String) throws {
        guard let surface = cairo_image_surface_create_from_png(path) else {
            throw RenderError.output(path: path, reason: "cannot be read as PNG")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw RenderError.output(path: path, reason: "is not a readable PNG image (\(String(cString: cairo_status_to_string(status))))")
        }
        pointer = surface
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
    }

    deinit { cairo_surface_destroy(pointer) }

    /// Paints the image scaled to `width` × `height` points with its top-left at (x, y).
    func draw(on cr: CairoContext, x: Double, y: Double, width w: Double, height h: Double) {
        guard width > 0, height > 0 else { return }
        cairo_save(cr.pointer)
        cairo_translate(cr.pointer, x, y)
        cairo_scale(cr.pointer, w / Double(width), h / Double(height))
        cairo_set_source_surface(cr.pointer, pointer, 0, 0)
        // A filled rectangle rather than cairo_paint: cairo 1.16 mis-writes painted images
        // inside a structure element (qpdf reports the file damaged).
        cairo_rectangle(cr.pointer, 0, 0, Double(width), Double(height))
        cairo_fill(cr.pointer)
        cairo_restore(cr.pointer)
    }
}
