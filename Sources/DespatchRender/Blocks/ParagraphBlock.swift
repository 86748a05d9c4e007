import DespatchDocument
/// A paragraph of styled text. Splits between lines, keeping at least `minLines`
/// lines on each side (no widows or orphans) unless a frame cannot hold that many.
final class ParagraphBlock: Block {
    let spans: [StyledRun]
    let style: TextStyle
    let minLines: Int
    let keepWithNext: Bool
    let anchor: Anchor?
    /// Draw as a link to a named destination or URI.
    var linkDestination: String?
    var linkURI: String?
    /// The block's place in the document tree, by which it takes what `BreakLookahead`
    /// prepared for it (nil: a fragment, or a block made without a tree).
    var lookaheadKey: BreakLookahead.Key?

    /// The shaped text, kept from measuring to painting while the context's budget allows;
    /// otherwise nil, and `prepared` is shaped again when the block is drawn. `prepared` is
    /// the text after its first wrap (nil before).
    private var layout: ShapedText?
    private var prepared: PreparedText?
    /// The bytes counted against the context's budget for `layout`.
    private var retainedBytes = 0
    private var measure: Double = 0
    private var lines: [LineMetrics] = []
    private var lineRange: Range<Int> = 0..<0
    private var laidOutWidth: Double = -1
    private var isContinuation = false

    init(_ spans: [StyledRun], style: TextStyle, minLines: Int = 2, keepWithNext: Bool = false, anchor: Anchor? = nil) {
        self.spans = spans
        self.style = style
        self.minLines = minLines
        self.keepWithNext = keepWithNext
        self.anchor = anchor
        self.linkURI = spans.lazy.compactMap { $0.link }.first
        self.linkDestination = spans.lazy.compactMap { $0.destination }.first
    }

    convenience init(_ text: String, style: TextStyle, minLines: Int = 2, keepWithNext: Bool = false, anchor: Anchor? = nil) {
        self.init([StyledRun(text)], style: style, minLines: minLines, keepWithNext: keepWithNext, anchor: anchor)
    }

    /// The block with its place in the tree set (see `lookaheadKey`).
    func keyed(_ key: BreakLookahead.Key?) -> ParagraphBlock {
        lookaheadKey = key
        return self
    }

    var spaceBefore: Double { isContinuation ? 0 : style.spaceBefore }
    var spaceAfter: Double { style.spaceAfter }

    func wrap(width: Double, in context: RenderContext) -> Double {
        if laidOutWidth != width {
            // Hyphenated text gets a measure narrower by about a hyphen: Pango can let the
            // hyphen it adds at a break hang past the width, and it must not reach the margin.
            measure = style.hyphenate && context.hyphenator != nil ? width - style.size * 0.25 : width
            let text = prepared ?? context.prepare(spans, style: style, key: lookaheadKey)
            let l = context.paragraph(text, style: style, width: measure, checkGlyphs: prepared == nil)
            lines = l.lineMetrics()
            if layout != nil { context.release(layoutOfBytes: retainedBytes) }
            if context.mayRetainLayout(ofBytes: text.text.utf8.count) {
                layout = l
                retainedBytes = text.text.utf8.count
                // Kept while the layout is: a block wrapped again at another width (a table
                // measured twice, a list item moved to a narrower frame) is not hyphenated
                // again. Without its break analysis, which the budget does not count.
                prepared = text.withoutBreakAnalysis
            } else {
                layout = nil
                retainedBytes = 0
                prepared = text.withoutBreakAnalysis  // shaped again with its remembered breaks
            }
            lineRange = 0..<lines.count
            laidOutWidth = width
        }
        return height(of: lineRange)
    }

    private func height(of range: Range<Int>) -> Double {
        guard let first = range.first, let last = range.last else { return 0 }
        return lines[last].bottom - lines[first].top
    }

    /// The smallest first piece `split` can leave in a frame: `minLines` lines, or the whole
    /// paragraph when it is too short to leave `minLines` on each side (it then moves whole).
    /// Taking `minLines` lines of a three-line paragraph as its least let a heading stay at
    /// the foot of a column that its paragraph then left.
    func minimumHeight(in context: RenderContext) -> Double {
        let total = lineRange.count
        let n = total < 2 * max(1, minLines) ? total : minLines
        return height(of: lineRange.lowerBound..<(lineRange.lowerBound + n))
    }

    func split(height available: Double, in context: RenderContext) -> (Block, Block)? {
        var fit = 0
        while fit < lineRange.count, height(of: lineRange.lowerBound..<(lineRange.lowerBound + fit + 1)) <= available + 0.01 {
            fit += 1
        }
        let total = lineRange.count
        if fit >= total { return nil }
        if total - fit < minLines { fit = total - minLines }
        guard fit >= minLines, fit > 0 else { return nil }
        return (fragment(lineRange.lowerBound..<(lineRange.lowerBound + fit), continuation: isContinuation),
                fragment((lineRange.lowerBound + fit)..<lineRange.upperBound, continuation: true))
    }

    /// Splits off as many lines as fit, ignoring widow/orphan rules: used only when a frame
    /// is empty and the block would otherwise never be placed.
    func forceSplit(height available: Double) -> (Block, Block)? {
        var fit = 0
        while fit < lineRange.count, height(of: lineRange.lowerBound..<(lineRange.lowerBound + fit + 1)) <= available + 0.01 {
            fit += 1
        }
        fit = max(1, fit)
        guard fit < lineRange.count else { return nil }
        return (fragment(lineRange.lowerBound..<(lineRange.lowerBound + fit), continuation: isContinuation),
                fragment((lineRange.lowerBound + fit)..<lineRange.upperBound, continuation: true))
    }

    private func fragment(_ range: Range<Int>, continuation: Bool) -> ParagraphBlock {
        let p = ParagraphBlock(spans, style: style, minLines: minLines, keepWithNext: keepWithNext && !continuation,
                               anchor: continuation ? nil : anchor)
        p.layout = layout
        p.retainedBytes = retainedBytes
        p.prepared = prepared
        p.measure = measure
        p.lines = lines
        p.lineRange = range
        p.laidOutWidth = laidOutWidth
        p.isContinuation = continuation
        p.linkDestination = linkDestination
        p.linkURI = linkURI
        return p
    }

    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        guard let first = lineRange.first else { return }
        guard let layout = layout ?? prepared.map({ painter.context.paragraph($0, style: style, width: measure, checkGlyphs: false) }) else { return }
        if let anchor, !isContinuation { painter.mark(anchor, x: x, y: y) }
        let top = lines[first].top
        painter.cairo.setColor(style.color.tuple)
        let body = {
            for i in self.lineRange {
                layout.drawLine(i, on: painter.cairo, x: x + self.lines[i].x, baseline: y + self.lines[i].baseline - top)
            }
        }
        if let dest = linkDestination { painter.cairo.link(toDestination: dest, body) }
        else if let uri = linkURI { painter.cairo.link(toURI: uri, body) }
        else { body() }
    }

    /// The last piece of a paragraph gives back the layout its pieces shared (the earlier
    /// pieces were painted on earlier pages). It is not drawn again after this.
    func releaseShapedText(in context: RenderContext) {
        guard layout != nil, lineRange.upperBound == lines.count else { return }
        layout = nil
        context.release(layoutOfBytes: retainedBytes)
        retainedBytes = 0
    }

    /// The laid-out text lines (for tests and for table cells).
    var lineCount: Int { lineRange.count }

    /// Width of the last line drawn (for dot leaders after a title).
    var lastLineWidth: Double {
        guard let last = lineRange.last else { return 0 }
        return lines[last].x + lines[last].width
    }
}
