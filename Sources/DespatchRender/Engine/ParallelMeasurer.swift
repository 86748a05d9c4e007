import Dispatch

/// Measures a document's blocks on two cores before the page breaker runs.
///
/// Shaping is most of the cost of measuring, and blocks measure independently: each block
/// is wrapped at the width of the column it will flow into (known in advance, since the
/// column count changes only at page breaks), by one of two threads that each have their
/// own Pango context and font map (Pango objects are not shared between threads). The page
/// breaker then finds every block already measured and only places it.
///
/// Which thread measures which block is fixed (alternate blocks), so the output does not
/// depend on timing; Cairo embeds one subset per font file whichever font map shaped the
/// text, so the PDF is the same as from one thread.
struct ParallelMeasurer {
    let geometry: PageGeometry

    func measure(_ blocks: [Block], firstColumns: Int, contexts: [RenderContext]) {
        guard let first = contexts.first else { return }
        var jobs: [(block: Block, width: Double)] = []
        var columns = max(1, firstColumns)
        for block in blocks {
            if let pageBreak = block as? PageBreakBlock {
                if let c = pageBreak.columns { columns = max(1, min(3, c)) }
                continue
            }
            if block is SpacerBlock || block is RuleBlock { continue }
            jobs.append((block, geometry.columnWidth(columns: columns)))
        }
        guard contexts.count > 1, jobs.count > 1 else {
            for job in jobs { _ = job.block.wrap(width: job.width, in: first) }
            return
        }
        let lanes = contexts.count
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let context = contexts[lane]
            var i = lane
            while i < jobs.count {
                _ = jobs[i].block.wrap(width: jobs[i].width, in: context)
                i += lanes
            }
        }
        for other in contexts.dropFirst() { first.absorbMissingGlyphs(from: other) }
    }
}
