import CPangoCairo
import Foundation

/// Hands a left-to-right glyph run to `cairo_show_text_glyphs` directly, with its text and
/// clusters, as `pango_cairo_show_glyph_item` does, and leaves out the soft hyphens that show
/// no hyphen (see `HiddenSoftHyphens`) as it goes.
///
/// Why: Pango's renderer costs as much again as cairo's own recording of the glyphs (acquiring
/// and activating a renderer, a cluster iterator, a saved and restored cairo state per run:
/// 8.4 M of the sample digest's 28 M instructions in `pango_cairo_show_glyph_item`), and
/// copying a line's runs and text to hide its soft hyphens cost 6.8 M more. The arrays made
/// here are Pango's to the value: the glyphs but the empty ones, at
/// `x + (advance so far + x offset) / PANGO_SCALE`, one cluster per run of glyphs with the same
/// cluster byte, counting neither empty nor unknown glyphs; a hidden soft hyphen's cluster and
/// bytes dropped. A line with a run this does not handle (right to left, an unknown glyph
/// drawn as a hex box, a font cairo cannot give, clusters out of order) is drawn by Pango
/// whole; a test compares the PDFs both ways.
final class GlyphRunWriter {
    nonisolated(unsafe) static var enabledByDefault = ProcessInfo.processInfo.environment["DESPATCH_DIRECT_GLYPHS"] != "0"
    var enabled = GlyphRunWriter.enabledByDefault
    /// Runs drawn here and lines left to Pango, over the process (tests).
    nonisolated(unsafe) static var counts = (drawn: 0, leftToPango: 0)

    // Buffers reused from run to run (raw, so that filling them costs no exclusivity check
    // nor capacity test a glyph), grown when a run is longer than any before.
    private var glyphs = UnsafeMutablePointer<cairo_glyph_t>.allocate(capacity: 256)
    private var clusters = UnsafeMutablePointer<cairo_text_cluster_t>.allocate(capacity: 256)
    private var capacity = 256
    private var bytes = UnsafeMutablePointer<CChar>.allocate(capacity: 1024)
    private var byteCapacity = 1024

    deinit {
        glyphs.deallocate()
        clusters.deallocate()
        bytes.deallocate()
    }

    /// Whether the writer draws `run` as Pango would: enabled, left to right, no unknown glyph
    /// (Pango draws those as hex boxes), a font cairo can give, and clusters that start at the
    /// item's first byte and go forward within it. A line draws all its runs here or none
    /// (a run Pango draws would keep its soft hyphens in the text).
    func accepts(_ run: UnsafeMutablePointer<PangoGlyphItem>, textCount: Int) -> Bool {
        guard enabled, let item = run.pointee.item, let glyphString = run.pointee.glyphs,
              item.pointee.analysis.level % 2 == 0, let font = item.pointee.analysis.font else { return false }
        let offset = Int(item.pointee.offset), length = Int(item.pointee.length)
        guard offset >= 0, length >= 0, offset + length <= textCount else { return false }
        let n = Int(glyphString.pointee.num_glyphs)
        guard n > 0, let info = glyphString.pointee.glyphs, let logClusters = glyphString.pointee.log_clusters,
              logClusters[0] == 0 else { return false }
        var previous: Int32 = 0
        for i in 0..<n {
            if info[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 { return false }
            let c = logClusters[i]
            guard c >= previous, Int(c) < max(1, length) else { return false }
            previous = c
        }
        guard let scaledFont = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
              cairo_scaled_font_status(scaledFont) == CAIRO_STATUS_SUCCESS else { return false }
        return true
    }

    /// Draws `run` (whose item indexes `text`, and which `accepts` took) from the current
    /// point, as Pango does (read back from cairo, which keeps it in fixed point).
    /// `hideSoftHyphens`: the text may hold soft hyphens to leave out.
    func show(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>, textCount: Int,
              on cr: OpaquePointer, hideSoftHyphens: Bool) {
        Self.counts.drawn += 1
        let item = run.pointee.item!, glyphString = run.pointee.glyphs!
        let n = Int(glyphString.pointee.num_glyphs)
        let info = glyphString.pointee.glyphs!
        let logClusters = glyphString.pointee.log_clusters!
        let scaledFont = pango_cairo_font_get_scaled_font(OpaquePointer(item.pointee.analysis.font!))!
        let offset = Int(item.pointee.offset), length = Int(item.pointee.length)
        var x = 0.0, y = 0.0
        cairo_get_current_point(cr, &x, &y)
        if n > capacity {
            glyphs.deallocate(); clusters.deallocate()
            capacity = n * 2
            glyphs = .allocate(capacity: capacity)
            clusters = .allocate(capacity: capacity)
        }
        let glyphs = self.glyphs, clusters = self.clusters
        let itemText = text + offset
        let scale = Double(PANGO_SCALE)
        var glyphCount = 0, clusterCount = 0
        // Once a soft hyphen is hidden, the run's bytes are copied without it as the clusters go.
        var hiddenBytes = 0, kept = 0
        var compacting = false
        var advance: Int32 = 0
        var i = 0
        while i < n {
            // One cluster: the glyphs from i that share its byte.
            let start = Int(logClusters[i])
            var j = i + 1
            while j < n, logClusters[j] == logClusters[i] { j += 1 }
            let end = j < n ? Int(logClusters[j]) : length
            if hideSoftHyphens, j == i + 1,
               HiddenSoftHyphens.isHidden(info[i], clusterBytes: itemText + start, count: end - start) {
                // No glyph, and its bytes and cluster left out.
                if !compacting {
                    if length > byteCapacity {
                        bytes.deallocate()
                        byteCapacity = length * 2
                        bytes = .allocate(capacity: byteCapacity)
                    }
                    bytes.update(from: itemText, count: start)
                    kept = start
                    compacting = true
                }
                hiddenBytes += 2
                i = j
                continue
            }
            if compacting {
                (bytes + kept).update(from: itemText + start, count: end - start)
                kept += end - start
            }
            var drawn: Int32 = 0
            for k in i..<j {
                let g = info[k]
                if g.glyph != PANGO_GLYPH_EMPTY {
                    let gx = x + Double(advance + g.geometry.x_offset) / scale
                    let gy = g.geometry.y_offset == 0 ? y : y + Double(g.geometry.y_offset) / scale
                    glyphs[glyphCount] = cairo_glyph_t(index: UInt(g.glyph), x: gx, y: gy)
                    glyphCount += 1
                    drawn += 1
                }
                advance += g.geometry.width
            }
            clusters[clusterCount] = cairo_text_cluster_t(num_bytes: Int32(end - start), num_glyphs: drawn)
            clusterCount += 1
            i = j
        }
        // A run left with nothing to draw (only hidden soft hyphens) is not drawn at all.
        guard clusterCount > 0 else { return }
        let utf8 = compacting ? UnsafePointer(bytes) : itemText
        cairo_set_scaled_font(cr, scaledFont)
        cairo_show_text_glyphs(cr, utf8, Int32(length - hiddenBytes), glyphs, Int32(glyphCount),
                               clusters, Int32(clusterCount), cairo_text_cluster_flags_t(rawValue: 0))
    }
}
