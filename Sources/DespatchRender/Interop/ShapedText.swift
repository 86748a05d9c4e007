/// Text shaped and broken into lines for a width: what a paragraph measures with and draws.
/// Two kinds: a PangoLayout (`TextLayout`), which does everything, and a `BrokenParagraph`,
/// which takes Pango's items and glyphs but breaks the lines itself (see `ParagraphShaper`).
protocol ShapedText: AnyObject {
    /// Per line: top, bottom and baseline in the paragraph, x offset and width, in points.
    func lineMetrics() -> [LineMetrics]
    /// Draws line `index` with its baseline at (x, y) of the current cairo context.
    func drawLine(_ index: Int, on cr: CairoContext, x: Double, baseline y: Double)
    /// Where each line starts in the text, in UTF-8 bytes (for comparing the two kinds).
    func lineStarts() -> [Int]
}

extension TextLayout: ShapedText {}
