import CPangoCairo

/// Owns one PangoLayout: a paragraph shaped and broken into lines for a width.
///
/// Text is always set as plain text (`pango_layout_set_text`), never as markup, so
/// article text like `<b>x</b> & <span>` prints literally.
final class TextLayout {
    let pointer: OpaquePointer

    /// Takes ownership of a layout with a reference count of one.
    init(adopting pointer: OpaquePointer) { self.pointer = pointer }

    /// Shares a layout, adding a reference.
    init(retaining pointer: OpaquePointer) {
        g_object_ref(UnsafeMutableRawPointer(pointer))
        self.pointer = pointer
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    func setText(_ text: String) {
        pango_layout_set_text(pointer, text, Int32(text.utf8.count))
    }

    /// The text as Pango holds it (soft hyphens included).
    var text: String { String(cString: pango_layout_get_text(pointer)) }

    func setFont(_ font: FontDescription) { pango_layout_set_font_description(pointer, font.pointer) }

    /// Width in points; nil = no wrapping.
    func setWidth(_ width: Double?) {
        if let width {
            pango_layout_set_width(pointer, Int32(max(1, width) * Double(PANGO_SCALE)))
            pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(pointer, -1)
        }
    }

    func setAlignment(_ alignment: TextAlignment) {
        pango_layout_set_justify(pointer, alignment == .justify ? 1 : 0)
        switch alignment {
        case .center: pango_layout_set_alignment(pointer, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(pointer, PANGO_ALIGN_RIGHT)
        default: pango_layout_set_alignment(pointer, PANGO_ALIGN_LEFT)
        }
    }

    /// Negative: hanging indent (first line flush, the rest indented by the absolute value).
    func setIndent(_ points: Double) { pango_layout_set_indent(pointer, Int32(points * Double(PANGO_SCALE))) }

    /// Ends an over-long single line with "…" instead of running past the width.
    func setEllipsizeEnd() { pango_layout_set_ellipsize(pointer, PANGO_ELLIPSIZE_END) }

    func setLineSpacing(_ factor: Double) { pango_layout_set_line_spacing(pointer, Float(factor)) }

    func setAttributes(_ list: AttributeList) { pango_layout_set_attributes(pointer, list.pointer) }

    var unknownGlyphCount: Int { Int(pango_layout_get_unknown_glyphs_count(pointer)) }

    /// Logical size in points.
    var size: (width: Double, height: Double) {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(pointer, &w, &h)
        return (Double(w) / Double(PANGO_SCALE), Double(h) / Double(PANGO_SCALE))
    }

    /// Per line: top and bottom of its logical box and its baseline, x offset, all in points.
    func lineMetrics() -> [LineMetrics] {
        var result: [LineMetrics] = []
        guard let iter = pango_layout_get_iter(pointer) else { return result }
        defer { pango_layout_iter_free(iter) }
        repeat {
            var y0: Int32 = 0, y1: Int32 = 0
            pango_layout_iter_get_line_yrange(iter, &y0, &y1)
            // Logical extents only: ink extents would load every glyph's outline box.
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iter)
            let scale = Double(PANGO_SCALE)
            result.append(LineMetrics(top: Double(y0) / scale, bottom: Double(y1) / scale,
                                      baseline: Double(baseline) / scale, x: Double(logical.x) / scale,
                                      width: Double(logical.width) / scale))
        } while pango_layout_iter_next_line(iter) != 0
        return result
    }

    func lineStarts() -> [Int] {
        (0..<Int(pango_layout_get_line_count(pointer))).map { Int(pango_layout_get_line_readonly(pointer, Int32($0))?.pointee.start_index ?? 0) }
    }

    /// Draws line `index` with its baseline at (x, y) of the current cairo context.
    func drawLine(_ index: Int, on cr: CairoContext, x: Double, baseline y: Double) {
        guard let line = pango_layout_get_line_readonly(pointer, Int32(index)) else { return }
        cairo_move_to(cr.pointer, x, y)
        pango_cairo_show_layout_line(cr.pointer, line)
    }

    /// Draws the whole layout with its top-left corner at (x, y).
    func draw(on cr: CairoContext, x: Double, y: Double) {
        cairo_move_to(cr.pointer, x, y)
        pango_cairo_show_layout(cr.pointer, pointer)
    }
}

struct LineMetrics: Sendable {
    var top: Double
    var bottom: Double
    var baseline: Double
    var x: Double
    var width: Double
}

public enum TextAlignment: Sendable, Equatable {
    case justify, left, center, right
}
