import CPangoCairo
import Foundation
/// What blocks need while measuring: the document's one Pango context, the font cache,
/// hyphenation, and the collector of missing glyphs.
final class RenderContext {
    let pango: PangoEnvironment
    let hyphenator: Hyphenator?
    private var fontCache: [FontKey: FontDescription] = [:]
    private(set) var missingGlyphs: [MissingGlyph] = []
    private var reportedScalars: Set<UInt32> = []

    /// Breaks plain paragraphs into lines without a PangoLayout (see `ParagraphShaper`).
    private let shaper: ParagraphShaper
    /// Every paragraph through a PangoLayout, as before the shaper (DESPATCH_PANGO_LINES=1):
    /// for comparing the two.
    var usesPangoLines = RenderContext.pangoLinesByDefault

    /// Whether the shaper shapes word by word through its cache (see `ParagraphShaper`).
    var shapesByWords: Bool {
        get { shaper.shapesByWords }
        set { shaper.shapesByWords = newValue }
    }

    /// Whether the shaper takes paragraphs' items and breaks from those it found before (see
    /// `ParagraphShaper`), and how often it did: for tests that compare both ways.
    var remembersShaping: Bool {
        get { shaper.remembersItems && shaper.remembersBreaks }
        set { shaper.remembersItems = newValue; shaper.remembersBreaks = newValue }
    }
    var rememberedShapingHits: (items: Int, breaks: Int) { (shaper.itemHits, shaper.breakHits) }
    /// Paragraphs broken over a break analysis made on the lookahead's thread.
    var breakAnalysesTakenAhead: Int { shaper.analysesTakenAhead }
    /// Paragraphs itemized without `pango_itemize`, and (when verified) how many were
    /// compared with it and how many differed (see `PlainItemizer`).
    var plainItems: (made: Int, verified: Int, differing: Int) {
        (shaper.plainItemizer.made, shaper.plainItemizer.verified, shaper.plainItemizer.differing)
    }

    /// Paragraphs broken over `PlainLineBreaks`, and (when verified) how many were compared
    /// with Pango's analysis and how many differed.
    var plainBreaks: (made: Int, verified: Int, differing: Int) { shaper.plainBreaks }

    static let pangoLinesByDefault = ProcessInfo.processInfo.environment["DESPATCH_PANGO_LINES"] == "1"

    init(pango: PangoEnvironment, hyphenator: Hyphenator?) {
        self.pango = pango
        self.hyphenator = hyphenator
        self.shaper = ParagraphShaper(context: pango.context)
    }

    private struct FontKey: Hashable {
        var family: String
        var size: Double
        var bold: Bool
        var italic: Bool
    }

    func font(for style: TextStyle) -> FontDescription {
        let key = FontKey(family: style.family, size: style.size, bold: style.bold, italic: style.italic)
        if let cached = fontCache[key] { return cached }
        let font = FontDescription(family: style.family, size: style.size, bold: style.bold, italic: style.italic)
        fontCache[key] = font
        return font
    }

    private var naturalLineHeights: [FontKey: Double] = [:]

    /// Pango's line-spacing factor for `style`: the layouts' line height is
    /// `style.lineSpacing` times the font size, as Layouts/README.md says of `line_height`
    /// (and as the HTML and Typst exports set it).
    ///
    /// Why not `lineSpacing` itself: Pango multiplies the factor by the height of a line
    /// (the font's ascent plus descent, 1.36 em for Noto Serif), so a line height of 1.32 put
    /// baselines 18 pt apart in 10 pt text instead of 13.2 pt.
    func lineSpacingFactor(for style: TextStyle) -> Double {
        let key = FontKey(family: style.family, size: style.size, bold: style.bold, italic: style.italic)
        let natural: Double
        if let known = naturalLineHeights[key] {
            natural = known
        } else {
            // The height Pango multiplies the factor by: the font's line height (ascent,
            // descent and line gap), not a line's logical box, which leaves the gap out. Read
            // from the font itself where that gives Pango's figure (see `FontExtents`).
            if let height = FontExtents.lineHeight(of: font(for: style).pointer, in: pango.context) {
                natural = Double(height) / Double(PANGO_SCALE)
            } else if let metrics = pango_context_get_metrics(pango.context, font(for: style).pointer, nil) {
                natural = Double(pango_font_metrics_get_height(metrics)) / Double(PANGO_SCALE)
                pango_font_metrics_unref(metrics)
            } else {
                natural = 0
            }
            naturalLineHeights[key] = natural
        }
        return natural > 0 ? style.lineSpacing * style.size / natural : style.lineSpacing
    }

    /// Shapes `spans` in `style` for `width` (nil = one line). Checks for missing glyphs.
    func layout(_ spans: [StyledRun], style: TextStyle, width: Double?) -> TextLayout {
        layout(prepare(spans, style: style), style: style, width: width)
    }

    /// The width of one unbreakable word in a style, on one line, measured once per render and
    /// then remembered (tables ask for the same words over and over).
    func wordWidth(_ run: StyledRun, style: TextStyle) -> Double {
        let key = "\(style.family)|\(style.size)|\(style.bold || run.bold)|\(style.italic || run.italic)|\(run.language ?? "")|\(run.text)"
        if let known = wordWidths[key] { return known }
        let width = shapedWordWidth(run, style: style) ?? layout([run], style: style, width: nil).size.width
        if wordWidths.count >= 100_000 { wordWidths.removeAll(keepingCapacity: true) }
        wordWidths[key] = width
        return width
    }
    private var wordWidths: [String: Double] = [:]

    /// The width of a one-line word through the shaper (its word cache, no PangoLayout), or
    /// nil when the shaper leaves the text to Pango. Why: a PangoLayout of one word cost some
    /// 125,000 instructions (itemizing, the break analysis, the layout's lines), and a table
    /// measures the longest words of each column (50 of them for the sample digest). The
    /// width is that of the layout's one line, which the shaper's lines match
    /// (`ParagraphShaperTests`, `WordWidthTests`).
    func shapedWordWidth(_ run: StyledRun, style: TextStyle) -> Double? {
        guard !usesPangoLines else { return nil }
        var plain = style
        plain.alignment = .left
        plain.hangingIndent = 0
        let prepared = prepare([run], style: plain)
        guard let shaped = shaper.shape(shaperRequest(prepared, style: plain, width: Self.oneLineWidth),
                                        calibrate: { self.calibration(plain) }) else { return nil }
        let lines = shaped.paragraph.lineMetrics()
        guard lines.count == 1 else { return nil }
        if shaped.hasUnknownGlyphs { recordMissing(in: prepared.text) }
        return lines[0].width
    }

    /// A width no word reaches (in points; Pango's units for it still fit in 32 bits).
    private static let oneLineWidth = 1_000_000.0

    /// What another thread prepares ahead of the paginating one (see `BreakLookahead`), for
    /// the pagination under way; nil when nothing is.
    var lookahead: BreakLookahead?

    /// The text of `spans` as Pango will hold it (soft hyphens inserted) and its styled runs:
    /// what a paragraph keeps so that it can be shaped again without hyphenating again. A
    /// paragraph of the tree (at `key`) takes it from the lookahead when that has it ready.
    func prepare(_ spans: [StyledRun], style: TextStyle, key: BreakLookahead.Key? = nil) -> PreparedText {
        if let key, let ready = lookahead?.take(key, spans: spans, style: style) { return ready }
        return PreparedText(spans, style: style, hyphenator: hyphenator)
    }

    /// Shapes prepared text. `checkGlyphs` is false when the same text was checked before.
    func layout(_ prepared: PreparedText, style: TextStyle, width: Double?, checkGlyphs: Bool = true) -> TextLayout {
        let layout = pango.makeLayout()
        layout.setFont(font(for: style))
        layout.setWidth(width)
        layout.setAlignment(style.alignment)
        layout.setLineSpacing(lineSpacingFactor(for: style))
        if style.hangingIndent > 0 { layout.setIndent(-style.hangingIndent) }
        if !prepared.runs.isEmpty {
            let attributes = AttributeList()
            for run in prepared.runs {
                if run.bold { attributes.addBold(run.range) }
                if run.italic { attributes.addItalic(run.range) }
                if let c = run.color { attributes.addColor(c.tuple, run.range) }
                if let code = run.language { attributes.addLanguage(code, run.range) }
            }
            layout.setAttributes(attributes)
        }
        layout.setText(prepared.text)
        if checkGlyphs, layout.unknownGlyphCount > 0 { recordMissing(in: prepared.text) }
        return layout
    }

    /// A paragraph of prepared text broken into lines for `width`: by the shaper when it can,
    /// otherwise by a PangoLayout. `checkGlyphs` is false when the same text was checked before.
    func paragraph(_ prepared: PreparedText, style: TextStyle, width: Double, checkGlyphs: Bool = true) -> ShapedText {
        if !usesPangoLines, style.alignment == .left || style.alignment == .justify {
            let shaped = shaper.shape(shaperRequest(prepared, style: style, width: width)) { self.calibration(style) }
            if let shaped {
                if checkGlyphs, shaped.hasUnknownGlyphs { recordMissing(in: prepared.text) }
                return shaped.paragraph
            }
        }
        return layout(prepared, style: style, width: width, checkGlyphs: checkGlyphs)
    }

    /// What the shaper is asked for a paragraph of prepared text in `style` at `width`.
    private func shaperRequest(_ prepared: PreparedText, style: TextStyle, width: Double) -> ParagraphShaper.Request {
        ParagraphShaper.Request(
            text: prepared.text, runs: prepared.runs, font: font(for: style),
            fontKey: "\(style.family)|\(style.size)|\(style.bold)|\(style.italic)|\(style.lineSpacing)",
            justify: style.alignment == .justify, color: style.color, width: width, hangingIndent: max(0, style.hangingIndent),
            breakAnalysis: prepared.breakAnalysis)
    }

    /// The line metrics the shaper calibrates a style's lines with: a PangoLayout of one line
    /// and one of three, left-aligned, without an indent.
    private func calibration(_ style: TextStyle) -> [LineMetrics] {
        var plain = style
        plain.alignment = .left
        plain.hangingIndent = 0
        if !usesPangoLines, let computed = computedCalibration(plain) { return computed }
        return layoutCalibration(plain)
    }

    /// The calibration as two PangoLayouts measure it (`calibration`'s definition).
    func layoutCalibration(_ plain: TextStyle) -> [LineMetrics] {
        let one = layout(PreparedText(text: "X", runs: []), style: plain, width: nil, checkGlyphs: false).lineMetrics()
        let three = layout(PreparedText(text: "X\u{2028}X\u{2028}X", runs: []), style: plain, width: nil, checkGlyphs: false).lineMetrics()
        return one + three
    }

    /// The calibration computed as Pango 1.50's layout places lines of one font, without
    /// laying them out: each line's logical box is the font's ascent above the baseline and
    /// its descent below (pangocairo's glyph extents: HarfBuzz's ascender and descender), the
    /// first baseline at the ascent, and each next one the line-spacing factor times the
    /// font's metrics height further down, in single precision and cut to a Pango unit
    /// (pango-layout.c: `new_baseline = *baseline + layout->line_spacing * height`). Nil when
    /// the style's font lacks an "X" (its lines would be in a fallback font). The lines carry
    /// their vertical metrics only (x and width 0), which is all the shaper reads of them.
    ///
    /// Why: a PangoLayout asks Pango for its fonts' metrics, and the first time it does so
    /// for a font pangocairo lays out the language's sample sentence in a context of its
    /// own, about a million instructions a font; the shaper's paragraphs need none of that.
    /// `CalibrationTests` compares this with `layoutCalibration` for every shipped layout's
    /// styles.
    func computedCalibration(_ plain: TextStyle) -> [LineMetrics]? {
        let factor = Float(lineSpacingFactor(for: plain))
        guard factor != 0, let extents = FontExtents.withFirstFont(of: font(for: plain).pointer, in: pango.context, { font, _ in
            pango_font_has_char(font, 0x58) != 0 ? FontExtents(font: font) : nil
        }) else { return nil }
        let ascent = extents.ascent, height = extents.ascent + extents.descent
        var baselines: [Int32] = [ascent]
        for _ in 1..<3 { baselines.append(Int32(Float(baselines[baselines.count - 1]) + factor * Float(extents.height))) }
        let scale = Double(PANGO_SCALE)
        func line(_ baseline: Int32) -> LineMetrics {
            LineMetrics(top: Double(baseline - ascent) / scale, bottom: Double(baseline - ascent + height) / scale,
                        baseline: Double(baseline) / scale, x: 0, width: 0)
        }
        return [line(ascent)] + baselines.map(line)
    }

    /// UTF-8 bytes of text whose shaped layouts blocks may hold at one time. Past it, a
    /// paragraph keeps only its line metrics and prepared text and is shaped again when its
    /// page is painted. A document within it is shaped once and painted from the pages of
    /// its pagination; a longer one is paginated twice, the second time painting each page
    /// as it is finished and giving back its shaped text (`release`), so that the budget
    /// bounds what is held at any moment and peak memory stays flat in the page count.
    var layoutBudgetBytes = RenderRequest.defaultShapedTextBudget
    private(set) var retainedLayoutBytes = 0
    /// Whether a layout has been refused since the last reset: the document is longer than
    /// the budget.
    private(set) var layoutBudgetExceeded = false

    /// Whether a layout of `bytes` of text may be kept; counts it if so.
    func mayRetainLayout(ofBytes bytes: Int) -> Bool {
        guard retainedLayoutBytes + bytes <= layoutBudgetBytes else {
            layoutBudgetExceeded = true
            return false
        }
        retainedLayoutBytes += bytes
        return true
    }

    /// Gives back a kept layout of `bytes` of text (its block has been painted, or shapes again).
    func release(layoutOfBytes bytes: Int) {
        retainedLayoutBytes = max(0, retainedLayoutBytes - bytes)
    }

    /// Starts a new count, for a new pagination of the document.
    func resetLayoutBudget() {
        retainedLayoutBytes = 0
        layoutBudgetExceeded = false
    }

    private func recordMissing(in text: String) {
        for scalar in text.unicodeScalars where !pango.fonts.covers(scalar) {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0xAD { continue }
            if scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .nonspacingMark { continue }
            guard reportedScalars.insert(scalar.value).inserted else { continue }
            missingGlyphs.append(MissingGlyph(scalar: scalar, context: Self.excerpt(text, around: scalar)))
        }
    }

    static func excerpt(_ text: String, around scalar: Unicode.Scalar) -> String {
        let clean = text.replacingOccurrences(of: "\u{AD}", with: "")
        guard let index = clean.unicodeScalars.firstIndex(of: scalar) else { return String(clean.prefix(40)) }
        let start = clean.unicodeScalars.index(index, offsetBy: -20, limitedBy: clean.unicodeScalars.startIndex) ?? clean.unicodeScalars.startIndex
        let end = clean.unicodeScalars.index(index, offsetBy: 20, limitedBy: clean.unicodeScalars.endIndex) ?? clean.unicodeScalars.endIndex
        return String(clean.unicodeScalars[start..<end])
    }
}

/// Text ready for Pango: soft hyphens inserted, styled runs by UTF-8 byte range.
struct PreparedText: Sendable {
    struct Run: Sendable {
        var range: Range<Int>
        var bold: Bool
        var italic: Bool
        var color: RGB?
        var language: String?
    }
    let text: String
    let runs: [Run]
    /// Pango's break analysis of exactly `text` (fixed, so that the two cannot part), when
    /// it was made ahead (see `BreakLookahead`).
    var breakAnalysis: BreakAnalysis?

    init(text: String, runs: [Run], breakAnalysis: BreakAnalysis? = nil) {
        self.text = text
        self.runs = runs
        self.breakAnalysis = breakAnalysis
    }

    /// The text of `spans` hyphenated where `style` asks for it. The pattern dictionary is
    /// English: text known to be in another language is left whole.
    init(_ spans: [StyledRun], style: TextStyle, hyphenator: Hyphenator?) {
        var text = ""
        var runs: [Run] = []
        for span in spans {
            let english = span.language.map { $0.lowercased().hasPrefix("en") } ?? true
            let piece = (style.hyphenate && english ? hyphenator?.hyphenate(span.text) : nil) ?? span.text
            let start = text.utf8.count
            text += piece
            let range = start..<text.utf8.count
            if span.bold || span.italic || span.color != nil || span.language != nil {
                runs.append(Run(range: range, bold: span.bold, italic: span.italic, color: span.color, language: span.language))
            }
        }
        self.init(text: text, runs: runs)
    }

    /// The same text without its break analysis, for a paragraph that keeps its text to be
    /// shaped again (its breaks are remembered by then) and should not hold the analysis.
    var withoutBreakAnalysis: PreparedText { PreparedText(text: text, runs: runs) }
}
