import CPangoCairo

/// One run of glyphs on a line: a PangoGlyphItem this object owns and frees once.
final class GlyphRun {
    let pointer: UnsafeMutablePointer<PangoGlyphItem>
    /// Offset from the line's start, in Pango units.
    var x: Int32 = 0
    /// The run's colour, when it is not the paragraph's.
    var color: RGB?

    init(adopting pointer: UnsafeMutablePointer<PangoGlyphItem>) { self.pointer = pointer }

    deinit { pango_glyph_item_free(pointer) }

    /// Logical width in Pango units.
    var width: Int32 { pango_glyph_string_get_width(pointer.pointee.glyphs) }
}

/// A paragraph whose lines `ParagraphShaper` broke: Pango's glyphs, cut into lines and
/// justified here, drawn run by run with `pango_cairo_show_glyph_item` (which writes the
/// text alongside the glyphs, so the PDF's text can be extracted and searched).
final class BrokenParagraph: ShapedText {
    struct Line {
        var runs: [GlyphRun]
        var metrics: LineMetrics
        /// Where the line starts in the text, in UTF-8 bytes.
        var start: Int
    }

    /// The paragraph's text, NUL-terminated: the glyph items index into it.
    private let text: [CChar]
    private let lines: [Line]
    /// The colour of runs without one of their own.
    private let color: RGB
    private let hasColoredRuns: Bool
    /// Whether the text holds a soft hyphen (U+00AD), which lines draw without when it
    /// shows no hyphen (`HiddenSoftHyphens`).
    private let hasSoftHyphens: Bool

    init(text: [CChar], lines: [Line], color: RGB) {
        self.text = text
        self.lines = lines
        self.color = color
        hasColoredRuns = lines.contains { $0.runs.contains { $0.color != nil } }
        hasSoftHyphens = zip(text, text.dropFirst()).contains { UInt8(bitPattern: $0) == 0xC2 && UInt8(bitPattern: $1) == 0xAD }
    }

    func lineMetrics() -> [LineMetrics] { lines.map(\.metrics) }

    func lineStarts() -> [Int] { lines.map(\.start) }

    /// Every glyph of every line, in order: id, advance and cluster byte in the text (tests).
    func glyphs() -> [[Int32]] {
        lines.flatMap { line in
            line.runs.flatMap { run -> [[Int32]] in
                let g = run.pointer.pointee.glyphs!.pointee
                let offset = run.pointer.pointee.item.pointee.offset
                return (0..<Int(g.num_glyphs)).map { k in
                    [Int32(bitPattern: g.glyphs[k].glyph), g.glyphs[k].geometry.width, g.glyphs[k].geometry.x_offset,
                     g.glyphs[k].geometry.y_offset, offset + g.log_clusters[k]]
                }
            }
        }
    }

    func drawLine(_ index: Int, on cr: CairoContext, x: Double, baseline y: Double) {
        guard lines.indices.contains(index) else { return }
        let scale = Double(PANGO_SCALE)
        text.withUnsafeBufferPointer { chars in
            let runs = lines[index].runs
            let writer = cr.glyphWriter.flatMap { $0.enabled ? $0 : nil }
            if let writer, runs.allSatisfy({ writer.accepts($0.pointer, textCount: chars.count) }) {
                for run in runs {
                    if hasColoredRuns { cr.setColor((run.color ?? color).tuple) }
                    cairo_move_to(cr.pointer, x + Double(run.x) / scale, y)
                    writer.show(run.pointer, text: chars.baseAddress!, textCount: chars.count, on: cr.pointer,
                                hideSoftHyphens: hasSoftHyphens)
                }
                return
            }
            // A line the writer does not take whole goes to Pango whole, its hidden soft
            // hyphens left out as before.
            if writer != nil { GlyphRunWriter.counts.leftToPango += 1 }
            if hasSoftHyphens, let shown = HiddenSoftHyphens(runs: runs, text: chars) {
                shown.text.withUnsafeBufferPointer { lineText in
                    for (run, copy) in zip(runs, shown.runs) {
                        guard let copy else { continue }
                        if hasColoredRuns { cr.setColor((run.color ?? color).tuple) }
                        cairo_move_to(cr.pointer, x + Double(run.x) / scale, y)
                        pango_cairo_show_glyph_item(cr.pointer, lineText.baseAddress, copy)
                    }
                }
                shown.release()
            } else {
                for run in runs {
                    if hasColoredRuns { cr.setColor((run.color ?? color).tuple) }
                    cairo_move_to(cr.pointer, x + Double(run.x) / scale, y)
                    pango_cairo_show_glyph_item(cr.pointer, chars.baseAddress, run.pointer)
                }
            }
        }
        if hasColoredRuns { cr.setColor(color.tuple) }
    }
}
