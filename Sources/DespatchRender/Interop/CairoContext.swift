import Foundation
import CPangoCairo

/// Owns a cairo_t. Drawing errors are sticky in cairo; `check` turns them into Swift errors.
final class CairoContext {
    let pointer: OpaquePointer
    /// Draws the shaper's glyph runs without Pango's renderer (see `GlyphRunWriter`); one per
    /// context, its buffers reused from run to run.
    private(set) lazy var glyphWriter: GlyphRunWriter? = GlyphRunWriter()

    init(surface: CairoSurface) throws {
        guard let cr = cairo_create(surface.pointer) else {
            throw RenderError.cairo(operation: "cairo_create", status: "null context")
        }
        self.pointer = cr
        try check("cairo_create")
    }

    /// Structure elements begun and not yet ended; closed before destruction so that an
    /// error half-way through a document never leaves cairo with unbalanced tags.
    private var openStructures: [String] = []

    deinit {
        while let tag = openStructures.popLast() { cairo_tag_end(pointer, tag) }
        cairo_destroy(pointer)
    }

    func check(_ operation: String) throws {
        let status = cairo_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            throw RenderError.cairo(operation: operation, status: String(cString: cairo_status_to_string(status)))
        }
    }

    func setColor(_ c: (Double, Double, Double)) { cairo_set_source_rgb(pointer, c.0, c.1, c.2) }

    func fillRect(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(pointer, x, y, width, height)
        cairo_fill(pointer)
    }

    func strokeLine(x0: Double, y0: Double, x1: Double, y1: Double, width: Double) {
        cairo_set_line_width(pointer, width)
        cairo_move_to(pointer, x0, y0)
        cairo_line_to(pointer, x1, y1)
        cairo_stroke(pointer)
    }

    func circle(x: Double, y: Double, radius: Double, fill: Bool) {
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, x, y, radius, 0, 2 * Double.pi)
        if fill { cairo_fill(pointer) } else { cairo_stroke(pointer) }
    }

    /// Round dots of `diameter` every `spacing` points from `x0` up to `x1` on the line `y`
    /// (a dot leader), drawn as one stroke of zero-length dashes with round caps. One drawing
    /// operation rather than one fill per dot: inside a link, cairo 1.16 adds the extents of
    /// every operation to the link's region, and a contents page of dot leaders drawn dot by
    /// dot cost a tenth of the painting.
    func dottedLine(x0: Double, x1: Double, y: Double, spacing: Double, diameter: Double) {
        guard x1 > x0 else { return }
        cairo_save(pointer)
        cairo_set_line_width(pointer, diameter)
        cairo_set_line_cap(pointer, CAIRO_LINE_CAP_ROUND)
        let dashes: [Double] = [0, spacing]
        cairo_set_dash(pointer, dashes, Int32(dashes.count), 0)
        cairo_move_to(pointer, x0, y)
        cairo_line_to(pointer, x1, y)
        cairo_stroke(pointer)
        cairo_restore(pointer)
    }

    /// Marks a named destination (the target of internal links and outline entries).
    func destination(_ name: String, x: Double, y: Double) {
        let attributes = "name='\(name)' x=\(Int(x)) y=\(Int(y))"
        cairo_tag_begin(pointer, CAIRO_TAG_DEST, attributes)
        cairo_tag_end(pointer, CAIRO_TAG_DEST)
    }

    /// Runs `body` inside a link to a named destination.
    func link(toDestination name: String, _ body: () -> Void) {
        cairo_tag_begin(pointer, CAIRO_TAG_LINK, "dest='\(name)'")
        body()
        cairo_tag_end(pointer, CAIRO_TAG_LINK)
    }

    /// Runs `body` inside a link to an external URI.
    func link(toURI uri: String, _ body: () -> Void) {
        let escaped = uri.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        cairo_tag_begin(pointer, CAIRO_TAG_LINK, "uri='\(escaped)'")
        body()
        cairo_tag_end(pointer, CAIRO_TAG_LINK)
    }

    /// Opens a structure element. Cairo 1.16 writes a damaged cross-reference table when a
    /// PDF has link annotations but no structure tree (the objects it reserves for the
    /// annotations' StructParent are never written); a "Document" element around all
    /// pages makes it write the tree.
    func beginStructure(_ tag: String) {
        cairo_tag_begin(pointer, tag, "")
        openStructures.append(tag)
    }

    func endStructure(_ tag: String) {
        cairo_tag_end(pointer, tag)
        if let i = openStructures.lastIndex(of: tag) { openStructures.remove(at: i) }
    }

    func save() { cairo_save(pointer) }
    func restore() { cairo_restore(pointer) }
}

extension CairoContext {
    func scale(_ factor: Double) { cairo_scale(pointer, factor, factor) }
}

/// Ends the current PDF page.
func cairo_show_page_checked(_ context: CairoContext) {
    cairo_show_page(context.pointer)
}
