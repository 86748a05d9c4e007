import CPangoCairo

/// A line's glyph runs as they are drawn: without the soft hyphens that show no hyphen.
///
/// Why: the hyphenator puts a soft hyphen (U+00AD) at every place a word may break, and
/// Pango shapes each to an empty glyph. Handed to Cairo with the text, every one of them is
/// a cluster of two bytes and no glyph, which Cairo's PDF writer can only record as an
/// empty `/Span << /ActualText <feff00ad> >> BDC EMC` that also cuts the line's `TJ`
/// array in two: 3,593 of them in the 21-page sample digest. The drawn line gets copies of
/// its runs with those glyphs and bytes taken out, over a copy of the line's own text; the
/// glyphs, their places and the text a reader extracts are the same. A soft hyphen shown as
/// a hyphen at the end of a line keeps its glyph and stays.
struct HiddenSoftHyphens {
    /// The line's text without the hidden soft hyphens, NUL-terminated.
    let text: [CChar]
    /// Copies of the runs (nil for a run left with no glyph), freed by `release`.
    let runs: [UnsafeMutablePointer<PangoGlyphItem>?]

    /// Nil when no soft hyphen on the line is hidden (or the line is not left-to-right):
    /// the runs are drawn as they are.
    init?(runs original: [GlyphRun], text chars: UnsafeBufferPointer<CChar>) {
        var hidden: [Int32] = []  // byte offsets in the paragraph, increasing
        for run in original {
            let item = run.pointer.pointee.item!.pointee
            guard item.analysis.level % 2 == 0 else { return nil }
            let glyphs = run.pointer.pointee.glyphs!.pointee
            for i in 0..<Int(glyphs.num_glyphs) where Self.isHidden(glyphs, i, item: item, chars) {
                hidden.append(item.offset + glyphs.log_clusters[i])
            }
        }
        guard !hidden.isEmpty, let first = original.first?.pointer.pointee.item, let last = original.last?.pointer.pointee.item else { return nil }
        let start = first.pointee.offset, end = last.pointee.offset + last.pointee.length
        // The bytes of the line, less two for each hidden soft hyphen.
        var text: [CChar] = []
        text.reserveCapacity(Int(end - start) + 1)
        var next = 0
        var b = start
        while b < end {
            if next < hidden.count, hidden[next] == b { next += 1; b += 2; continue }
            text.append(chars[Int(b)])
            b += 1
        }
        text.append(0)
        // Where a byte of the paragraph lands in the line's text: less two for each hidden
        // soft hyphen before it (a binary search: a line holds a handful).
        func local(_ byte: Int32) -> Int32 {
            var lo = 0, hi = hidden.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if hidden[mid] < byte { lo = mid + 1 } else { hi = mid }
            }
            return byte - start - 2 * Int32(lo)
        }
        var runs: [UnsafeMutablePointer<PangoGlyphItem>?] = []
        var passed = 0  // the first hidden soft hyphen not yet passed: clusters only go forward
        for run in original {
            let copy = pango_glyph_item_copy(run.pointer)!
            let item = copy.pointee.item!
            let offset = item.pointee.offset
            let glyphs = copy.pointee.glyphs!
            var kept: Int32 = 0
            var removed: Int32 = 0
            for i in 0..<Int(glyphs.pointee.num_glyphs) {
                let byte = offset + glyphs.pointee.log_clusters[i]
                while passed < hidden.count, hidden[passed] < byte { passed += 1 }
                // The glyph found hidden above: the only one whose cluster is that soft hyphen.
                if passed < hidden.count, hidden[passed] == byte, glyphs.pointee.glyphs[i].glyph == PANGO_GLYPH_EMPTY {
                    passed += 1
                    removed += 1
                    continue
                }
                glyphs.pointee.glyphs[Int(kept)] = glyphs.pointee.glyphs[i]
                glyphs.pointee.log_clusters[Int(kept)] = byte - start - 2 * Int32(passed)
                kept += 1
            }
            let newOffset = local(offset)
            for k in 0..<Int(kept) { glyphs.pointee.log_clusters[k] -= newOffset }
            glyphs.pointee.num_glyphs = kept
            item.pointee.length = local(offset + item.pointee.length) - newOffset
            item.pointee.num_chars -= removed
            item.pointee.offset = newOffset
            if kept == 0 {
                pango_glyph_item_free(copy)
                runs.append(nil)
            } else {
                runs.append(copy)
            }
        }
        self.text = text
        self.runs = runs
    }

    /// Glyph `i` is an empty, zero-width glyph whose cluster is exactly one soft hyphen.
    private static func isHidden(_ glyphs: PangoGlyphString, _ i: Int, item: PangoItem, _ chars: UnsafeBufferPointer<CChar>) -> Bool {
        let byte = Int(item.offset + glyphs.log_clusters[i])
        // The cluster ends where the next glyph's begins (or the item does).
        let clusterEnd = i + 1 < Int(glyphs.num_glyphs) ? Int(item.offset + glyphs.log_clusters[i + 1]) : Int(item.offset + item.length)
        guard byte >= 0, clusterEnd <= chars.count else { return false }
        return isHidden(glyphs.glyphs[i], clusterBytes: chars.baseAddress! + byte, count: clusterEnd - byte)
    }

    /// The rule, shared with `GlyphRunWriter`: a cluster of one glyph, empty and of no width,
    /// over nothing but the two bytes of a soft hyphen.
    static func isHidden(_ glyph: PangoGlyphInfo, clusterBytes: UnsafePointer<CChar>, count: Int) -> Bool {
        glyph.glyph == PANGO_GLYPH_EMPTY && glyph.geometry.width == 0 && count == 2
            && UInt8(bitPattern: clusterBytes[0]) == 0xC2 && UInt8(bitPattern: clusterBytes[1]) == 0xAD
    }

    func release() {
        for run in runs { if let run { pango_glyph_item_free(run) } }
    }
}
