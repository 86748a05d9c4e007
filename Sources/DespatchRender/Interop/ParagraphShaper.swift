import CPangoCairo
import Foundation

/// Breaks a paragraph into lines over Pango's itemizer and shaper, without a PangoLayout.
///
/// Why: Pango 1.50's layout shapes a paragraph whole, then shapes each line again, and a
/// line again when its first choice of break does not fit: about 2.7 times the text (counted
/// with a wrapper of `hb_shape_full`: 11,187 characters shaped for a 4,149-byte paragraph),
/// and shaping was most of the renderer's time. Here the paragraph is shaped once; the
/// glyph strings are cut at the breaks (`pango_glyph_item_split`, no shaping); only the last
/// word of a hyphenated line is shaped again, to get its hyphen.
///
/// The lines: first fit over Pango's own break opportunities (`pango_get_log_attrs`, which
/// also marks the soft hyphens where a break inserts a hyphen), trailing spaces not counted,
/// a word wider than the line cut at a character break; justified lines get the room left
/// spread over their spaces, as Pango does. Vertical metrics come from a PangoLayout of
/// three lines in the same style (`calibrate`), so a paragraph measures exactly as a
/// layout would. Anything else (right-to-left text, tabs, several paragraphs, centred or
/// right-aligned text, a fallback font with other vertical metrics, a break inside a
/// ligature) returns nil and the caller uses a PangoLayout.
final class ParagraphShaper {
    private let context: OpaquePointer
    private var calibrations: [String: [LineMetrics]] = [:]
    private var verticalMetrics: [UnsafeMutableRawPointer: (Int32, Int32)] = [:]
    private var hyphenWidths: [UnsafeMutableRawPointer: Int32] = [:]
    /// Glyphs of words and of runs of spaces already shaped, by font, script, language and
    /// bytes (see `shapeByWords`).
    private var wordCache = WordGlyphCache()

    /// Most documents repeat a few thousand words; a pathological one is not allowed to grow
    /// the cache without end.
    private static let wordCacheLimit = 50_000

    /// Whether items are shaped word by word through the cache (a test compares both ways).
    var shapesByWords = true
    /// Shapes the words the cache does not have, with HarfBuzz itself where it gives Pango's
    /// glyphs (see `WordShaper`).
    private let wordShaper = WordShaper()

    /// The line breaks of paragraphs broken before, by a 128-bit digest of everything they
    /// depend on (text, styled runs, font, width, indent): a long document is paginated twice,
    /// and the second time a paragraph takes its breaks from here instead of Pango's break
    /// analysis and the first fit (a line ending in a hyphen has the break analysis of its
    /// last word alone, for shaping the hyphen). Line ends are stored in 32 bits each.
    private var knownBreaks: [ShapingDigest: [UInt32]] = [:]
    private static let knownBreaksLimit = 200_000
    /// Whether breaks are taken from `knownBreaks` (a test compares both ways).
    var remembersBreaks = true
    /// How many paragraphs took their breaks, and their items, from what was remembered.
    private(set) var breakHits = 0, itemHits = 0
    /// How many paragraphs were broken over a break analysis made ahead (`BreakLookahead`).
    private(set) var analysesTakenAhead = 0

    /// 128 bits that stand for what a paragraph's items or breaks depend on (`paragraphKey`,
    /// `breakKey`).
    struct ShapingDigest: Hashable {
        var fnv: UInt64
        var hash: Int
    }

    /// The items Pango's itemizing gave paragraphs before, by the digest of their text, runs
    /// and font (`paragraphKey`): the second pagination of a long document, and a table cell
    /// measured at several widths, copy them instead of itemizing again, which costs some
    /// 58,000 instructions a paragraph. Bounded by a count of items.
    private var knownItems: [ShapingDigest: RememberedItems] = [:]
    private var knownItemCount = 0
    private static let knownItemLimit = 60_000
    /// Whether items are taken from `knownItems` (a test compares both ways).
    var remembersItems = true

    /// Copies of a paragraph's items, owned here and freed once.
    final class RememberedItems {
        private let items: [UnsafeMutablePointer<PangoItem>]
        /// Takes copies of `items`; the caller keeps its own.
        init(copying items: [UnsafeMutablePointer<PangoItem>]) { self.items = items.map { pango_item_copy($0)! } }
        /// New copies, for the caller to own.
        func copies() -> [UnsafeMutablePointer<PangoItem>] { items.map { pango_item_copy($0)! } }
        deinit { for item in items { pango_item_free(item) } }
    }

    /// Items of plain Latin paragraphs made without `pango_itemize` (see `PlainItemizer`).
    let plainItemizer: PlainItemizer
    /// Whether paragraphs take their items from `plainItemizer` when it can make them (a
    /// test compares both ways; DESPATCH_PLAIN_ITEMS=0 turns it off, for timing).
    var usesPlainItems = ParagraphShaper.plainItemsByDefault
    nonisolated(unsafe) static var plainItemsByDefault = ProcessInfo.processInfo.environment["DESPATCH_PLAIN_ITEMS"] != "0"

    /// Whether the first fit takes its break opportunities from `PlainLineBreaks` when it
    /// can make them (DESPATCH_PLAIN_BREAKS=0 turns it off, for timing; a test compares both
    /// ways), and whether each is compared with Pango's (DESPATCH_VERIFY_PLAIN_BREAKS=1, tests).
    var usesPlainBreaks = ParagraphShaper.plainBreaksByDefault
    nonisolated(unsafe) static var plainBreaksByDefault = ProcessInfo.processInfo.environment["DESPATCH_PLAIN_BREAKS"] != "0"
    var verifiesPlainBreaks = ParagraphShaper.verifiesPlainBreaksByDefault
    nonisolated(unsafe) static var verifiesPlainBreaksByDefault = ProcessInfo.processInfo.environment["DESPATCH_VERIFY_PLAIN_BREAKS"] == "1"
    /// Paragraphs broken over `PlainLineBreaks`, how many were compared with Pango's
    /// analysis, and how many differed in a field the first fit reads.
    private(set) var plainBreaks = (made: 0, verified: 0, differing: 0)

    init(context: OpaquePointer) {
        self.context = context
        plainItemizer = PlainItemizer(context: context)
    }

    /// Whether two analyses agree on every field the first fit reads (`break_inserts_hyphen`
    /// only where a line may break).
    static func sameBreakOpportunities(_ a: [PangoLogAttr], _ b: [PangoLogAttr]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            if x.is_line_break != y.is_line_break || x.is_mandatory_break != y.is_mandatory_break
                || x.is_char_break != y.is_char_break || x.is_white != y.is_white
                || (x.is_line_break != 0 && x.break_inserts_hyphen != y.break_inserts_hyphen) { return false }
        }
        return true
    }

    struct Request {
        var text: String
        var runs: [PreparedText.Run]
        var font: FontDescription
        var fontKey: String
        var justify: Bool
        /// The paragraph's colour, which runs without one of their own are drawn in.
        var color: RGB
        var width: Double
        var hangingIndent: Double
        /// Pango's break analysis of `text`, made ahead on another thread, or nil.
        var breakAnalysis: BreakAnalysis? = nil
    }

    struct Result {
        var paragraph: BrokenParagraph
        var hasUnknownGlyphs: Bool
    }

    /// Lines for `request`, or nil when the paragraph needs a PangoLayout. `calibrate` gives the
    /// line metrics of a one-line layout, then of a three-line one, in the request's style
    /// (called once per style).
    func shape(_ request: Request, calibrate: () -> [LineMetrics]) -> Result? {
        // Tabs, newlines and paragraph separators (U+2029, E2 80 A9) go to a PangoLayout; one
        // look at the bytes decides.
        var probe = request.text
        let plain = probe.withUTF8 { b -> Bool in
            guard !b.isEmpty else { return false }
            for (i, c) in b.enumerated() where c < 0x0E || c == 0xE2 {
                if c == 0x09 || c == 0x0A || c == 0x0D { return false }
                if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA9 { return false }
            }
            return true
        }
        guard plain else { return nil }
        let calibration: [LineMetrics]
        if let known = calibrations[request.fontKey] {
            calibration = known
        } else {
            calibration = calibrate()
            calibrations[request.fontKey] = calibration
        }
        guard calibration.count == 4 else { return nil }
        var text = Array(request.text.utf8CString)
        let length = Int32(text.count - 1)
        return text.withUnsafeMutableBufferPointer { buffer -> Result? in
            let chars = buffer.baseAddress!
            let paragraphKey = remembersItems || remembersBreaks
                ? Self.paragraphKey(request, bytes: UnsafeRawBufferPointer(start: chars, count: Int(length))) : nil
            let itemKey = remembersItems ? paragraphKey : nil
            var items: [UnsafeMutablePointer<PangoItem>] = []
            if let itemKey, let known = knownItems[itemKey] {
                items = known.copies()
                itemHits += 1
            } else {
                if usesPlainItems, let plain = plainItemizer.items(chars, length: Int(length), runs: request.runs, font: request.font,
                                                                   fontKey: request.fontKey) {
                    items = plain
                    if plainItemizer.verifies {
                        let pango = Self.pangoItems(chars, length: length, runs: request.runs, font: request.font, context: context)
                        plainItemizer.verify(plain, against: pango)
                        for item in pango { pango_item_free(item) }
                    }
                } else {
                    items = Self.pangoItems(chars, length: length, runs: request.runs, font: request.font, context: context)
                    guard !items.isEmpty else { return nil }
                }
                if let itemKey, knownItemCount + items.count <= Self.knownItemLimit {
                    knownItems[itemKey] = RememberedItems(copying: items)
                    knownItemCount += items.count
                }
            }
            var owned = items  // freed on every exit until handed to glyph items
            defer { for item in owned { pango_item_free(item) } }
            guard let first = items.first, let baseFont = first.pointee.analysis.font,
                  let baseMetrics = vertical(baseFont) else { return nil }
            for item in items {
                guard item.pointee.analysis.level % 2 == 0, let font = item.pointee.analysis.font,
                      let m = vertical(font), m == baseMetrics else { return nil }
            }
            let charCount = Int(g_utf8_strlen(chars, Int(length)))
            // Pango's break analysis costs more than the shaping of a line that was shaped
            // before, so it is made only when it is needed: for shaping an item that the word
            // cache does not take, and for breaking a paragraph that does not fit on one line.
            var logAttrs: [PangoLogAttr] = []
            func analyseBreaks() {
                guard logAttrs.isEmpty else { return }
                // Made ahead for the same bytes; used when its language is the one the
                // itemizer gave the paragraph (the analysis depends on nothing else).
                if let ahead = request.breakAnalysis, ahead.attributes.count == charCount + 1,
                   ahead.language == first.pointee.analysis.language.map({ UInt(bitPattern: $0) }) {
                    logAttrs = ahead.attributes
                    analysesTakenAhead += 1
                    return
                }
                logAttrs = [PangoLogAttr](repeating: PangoLogAttr(), count: charCount + 1)
                pango_get_log_attrs(chars, length, -1, first.pointee.analysis.language, &logAttrs, Int32(charCount + 1))
            }
            // The break opportunities the first fit chooses among: Pango's analysis when it
            // is made already (for shaping, or ahead on another thread), else the plain
            // text's own (`PlainLineBreaks`), else Pango's.
            func breakOpportunities() -> [PangoLogAttr] {
                let madeAhead = request.breakAnalysis.map { $0.attributes.count == charCount + 1 } ?? false
                if logAttrs.isEmpty, !madeAhead, usesPlainBreaks, PlainLineBreaks.matchesPango,
                   let plain = PlainLineBreaks.attributes(UnsafeBufferPointer(start: UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self), count: Int(length))),
                   plain.count == charCount + 1 {
                    plainBreaks.made += 1
                    if verifiesPlainBreaks {
                        var pango = [PangoLogAttr](repeating: PangoLogAttr(), count: charCount + 1)
                        pango_get_log_attrs(chars, length, -1, first.pointee.analysis.language, &pango, Int32(charCount + 1))
                        plainBreaks.verified += 1
                        if !Self.sameBreakOpportunities(plain, pango) { plainBreaks.differing += 1 }
                    }
                    return plain
                }
                analyseBreaks()
                return logAttrs
            }
            // Byte offset of every character, and each one's logical width.
            var byteOf = [Int32](repeating: length, count: charCount + 1)
            do {
                var c = 0
                for (i, b) in UnsafeBufferPointer(start: UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self), count: Int(length)).enumerated()
                where b & 0xC0 != 0x80 {
                    byteOf[c] = Int32(i)
                    c += 1
                }
            }
            var hasUnknown = false
            let flags: PangoShapeFlags = pango_context_get_round_glyph_positions(context) != 0 ? PANGO_SHAPE_ROUND_POSITIONS : PANGO_SHAPE_NONE
            var remainders: [UnsafeMutablePointer<PangoGlyphItem>] = []
            defer { for r in remainders { pango_glyph_item_free(r) } }
            var charStart = 0
            for item in items {
                // Items must tile the text by whole characters (runs cut inside a character do not).
                let n = Int(item.pointee.num_chars)
                guard item.pointee.offset == byteOf[charStart], charStart + n <= charCount else { return nil }
                let glyphs = pango_glyph_string_new()!
                if !shapesByWords || !shapeByWords(item, chars: chars, into: glyphs, flags: flags) {
                    analyseBreaks()
                    logAttrs.withUnsafeMutableBufferPointer { attrs in
                        pango_shape_item(item, chars, length, attrs.baseAddress! + charStart, glyphs, flags)
                    }
                }
                for g in 0..<Int(glyphs.pointee.num_glyphs) where glyphs.pointee.glyphs[g].glyph & 0x1000_0000 != 0 {
                    hasUnknown = true
                }
                let glyphItem = g_slice_alloc0(gsize(MemoryLayout<PangoGlyphItem>.size))!.assumingMemoryBound(to: PangoGlyphItem.self)
                glyphItem.pointee.item = item
                glyphItem.pointee.glyphs = glyphs
                owned.removeAll { $0 == item }
                remainders.append(glyphItem)
                charStart += n
            }
            guard charStart == charCount else { return nil }

            // First fit over the break opportunities; a paragraph that fits on its first line
            // whole, with no forced break in it, is one line without them.
            let full = Int32(max(1, request.width) * Double(PANGO_SCALE))
            let hang = Int32(request.hangingIndent * Double(PANGO_SCALE))
            let natural = remainders.reduce(Int32(0)) { $0 + pango_glyph_string_get_width($1.pointee.glyphs) }
            let breaks: [Break]
            if natural <= full, !Self.hasForcedBreak(UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self), Int(length)) {
                breaks = [(charCount, false, false)]
            } else {
                // Line ends are kept in 30 bits: a paragraph of a billion characters is not remembered.
                let key = remembersBreaks && charCount < 1 << 30 ? paragraphKey.map { Self.breakKey($0, full: full, hang: hang) } : nil
                if let key, let known = knownBreaks[key] {
                    breaks = known.map { (Int($0 >> 2), $0 & 2 != 0, $0 & 1 != 0) }
                    breakHits += 1
                } else {
                    let opportunities = breakOpportunities()
                    // Each character's logical width, needed only by the first fit (not by a
                    // paragraph on one line, nor by one whose breaks are remembered).
                    var widths = [Int32](repeating: 0, count: charCount + 1)
                    var at = 0
                    widths.withUnsafeMutableBufferPointer { w in
                        for glyphItem in remainders {
                            let item = glyphItem.pointee.item!
                            pango_glyph_string_get_logical_widths(glyphItem.pointee.glyphs, chars + Int(item.pointee.offset),
                                                                  item.pointee.length, Int32(item.pointee.analysis.level),
                                                                  w.baseAddress! + at)
                            at += Int(item.pointee.num_chars)
                        }
                    }
                    breaks = Self.firstFitBreaks(widths: widths, logAttrs: opportunities, first: full, rest: full - hang) { k in
                        self.hyphenWidth(items, at: byteOf[k - 1], flags: flags)
                    }
                    guard !breaks.isEmpty else { return nil }
                    if let key {
                        if knownBreaks.count >= Self.knownBreaksLimit { knownBreaks.removeAll(keepingCapacity: true) }
                        knownBreaks[key] = breaks.map { UInt32($0.end) << 2 | ($0.wrapped ? 2 : 0) | ($0.hyphen ? 1 : 0) }
                    }
                }
            }

            // Cut the glyph items at the breaks.
            var lines: [BrokenParagraph.Line] = []
            for (index, line) in breaks.enumerated() {
                let endByte = byteOf[line.end]
                var runs: [GlyphRun] = []
                // Whole items while they end within the line, then the head of the one it cuts.
                while let current = remainders.first {
                    let itemEnd = current.pointee.item.pointee.offset + current.pointee.item.pointee.length
                    if itemEnd <= endByte {
                        runs.append(GlyphRun(adopting: current))
                        remainders.removeFirst()
                        if itemEnd == endByte { break }
                        continue
                    }
                    let offset = current.pointee.item.pointee.offset
                    guard endByte > offset else { break }
                    guard let head = pango_glyph_item_split(current, chars, endByte - offset) else { return nil }
                    runs.append(GlyphRun(adopting: head))
                    break
                }
                guard !runs.isEmpty else { return nil }
                if line.hyphen, !hyphenate(&runs, chars: chars, length: length, logAttrs: &logAttrs, byteOf: byteOf,
                                           language: first.pointee.analysis.language, flags: flags) { return nil }
                if line.wrapped, let last = runs.last {
                    // The space a line was broken after takes no room (as Pango's layout does).
                    let glyphs = last.pointer.pointee.glyphs!
                    let count = Int(glyphs.pointee.num_glyphs)
                    if count > 0 {
                        let g = count - 1
                        let byte = Int(last.pointer.pointee.item.pointee.offset + glyphs.pointee.log_clusters[g])
                        if chars[byte] == 0x20 { glyphs.pointee.glyphs[g].geometry.width = 0 }
                    }
                }
                let room = index == 0 ? full : full - hang
                if request.justify, line.wrapped { justify(runs, chars: chars, room: room) }
                var x: Int32 = 0
                for run in runs {
                    run.x = x
                    x += run.width
                    run.color = request.runs.first(where: { $0.color != nil && $0.range.contains(Int(run.pointer.pointee.item.pointee.offset)) })?.color
                }
                let scale = Double(PANGO_SCALE)
                let metrics = Self.vertical(line: index, of: breaks.count, calibration)
                lines.append(BrokenParagraph.Line(runs: runs, metrics: LineMetrics(
                    top: metrics.top, bottom: metrics.bottom, baseline: metrics.baseline,
                    x: index == 0 ? 0 : Double(hang) / scale, width: Double(x) / scale),
                    start: Int(byteOf[index == 0 ? 0 : breaks[index - 1].end])))
                }
            guard remainders.isEmpty else { return nil }
            return Result(paragraph: BrokenParagraph(text: Array(buffer), lines: lines, color: request.color), hasUnknownGlyphs: hasUnknown)
        }
    }

    /// The digest of what a paragraph's items depend on: its bytes, its styled runs (colour
    /// aside), the font and line spacing. Two independent 64-bit hashes (one over 8-byte words,
    /// and the standard library's), so that two different paragraphs are taken for one only
    /// with a chance of about one in 2^128.
    static func paragraphKey(_ request: Request, bytes: UnsafeRawBufferPointer) -> ShapingDigest {
        var h = Mix64()
        func mix(_ word: UInt64) { h.mix(word) }
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        h.mix(bytes: bytes)
        for b in request.fontKey.utf8 { mix(UInt64(b)) }
        hasher.combine(request.fontKey)
        mix(UInt64(request.runs.count))
        hasher.combine(request.runs.count)
        for run in request.runs {
            let language = run.language ?? ""
            mix(UInt64(run.range.lowerBound)); mix(UInt64(run.range.upperBound))
            // A run with no language and one with an empty language are not the same request
            // (the second adds a language attribute).
            mix((run.bold ? 1 : 0) | (run.italic ? 2 : 0) | (run.language == nil ? 0 : 4))
            for b in language.utf8 { mix(UInt64(b)) }
            mix(0xFF)
            hasher.combine(run.range.lowerBound); hasher.combine(run.range.upperBound)
            hasher.combine(run.bold); hasher.combine(run.italic); hasher.combine(run.language)
        }
        return ShapingDigest(fnv: h.value, hash: hasher.finalize())
    }

    /// What a paragraph's breaks depend on: its `paragraphKey`, the first line's room and the
    /// indent of the others.
    static func breakKey(_ paragraph: ShapingDigest, full: Int32, hang: Int32) -> ShapingDigest {
        var h = Mix64()
        h.mix(paragraph.fnv)
        h.mix(UInt64(UInt32(bitPattern: full)))
        h.mix(UInt64(UInt32(bitPattern: hang)))
        var hasher = Hasher()
        hasher.combine(paragraph.hash)
        hasher.combine(full)
        hasher.combine(hang)
        return ShapingDigest(fnv: h.value, hash: hasher.finalize())
    }

    /// Shapes a left-to-right item word by word, each word and each run of spaces once per
    /// font: the glyphs of a word already seen are copied, not shaped again, the way browsers'
    /// word caches work. Words do not interact in these fonts (no kerning or ligature across a
    /// space), so the glyphs are those of shaping the item whole; what the PDFs hold is the same.
    /// False when the item is not one this applies to, and nothing is written.
    /// Pango's items of `length` bytes of `chars` in `font`, with the runs' weight, slant and
    /// language; the caller owns them.
    static func pangoItems(_ chars: UnsafeMutablePointer<CChar>, length: Int32, runs: [PreparedText.Run], font: FontDescription,
                           context: OpaquePointer) -> [UnsafeMutablePointer<PangoItem>] {
        let attributes = AttributeList()
        attributes.addFont(font, 0..<Int(length))
        for run in runs {
            if run.bold { attributes.addBold(run.range) }
            if run.italic { attributes.addItalic(run.range) }
            if let code = run.language { attributes.addLanguage(code, run.range) }
        }
        guard let list = pango_itemize(context, chars, 0, length, attributes.pointer, nil) else { return [] }
        var items: [UnsafeMutablePointer<PangoItem>] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            items.append(n.pointee.data.assumingMemoryBound(to: PangoItem.self))
            node = n.pointee.next
        }
        g_list_free(list)
        return items
    }

    private func shapeByWords(_ item: UnsafeMutablePointer<PangoItem>, chars: UnsafeMutablePointer<CChar>,
                              into glyphs: UnsafeMutablePointer<PangoGlyphString>, flags: PangoShapeFlags) -> Bool {
        // Flags 0-2 (centred baseline, ellipsis, hyphen) change the shaping; bit 7 only says
        // that Pango keeps the item's character offset beside it.
        guard item.pointee.analysis.level % 2 == 0, item.pointee.analysis.flags & 0x07 == 0,
              let font = item.pointee.analysis.font else { return false }
        let start = Int(item.pointee.offset), end = start + Int(item.pointee.length)
        let bytes = UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self)
        let fontKey = UnsafeMutableRawPointer(font), script = Int32(item.pointee.analysis.script)
        let language = item.pointee.analysis.language.map { UnsafeMutableRawPointer($0) }
        // Emptied only between items: the pieces below point into the cache's stores.
        if wordCache.count >= Self.wordCacheLimit { wordCache.removeAll() }
        var pieces: [(glyphStart: Int32, glyphCount: Int32, offset: Int32)] = []
        var total = 0
        var i = start
        while i < end {
            let space = bytes[i] == 0x20
            var j = i + 1
            while j < end, (bytes[j] == 0x20) == space { j += 1 }
            let word = UnsafeRawBufferPointer(start: bytes + i, count: j - i)
            let hash = WordGlyphCache.hash(word, font: fontKey, script: script, language: language)
            let entry: WordGlyphCache.Entry
            if let known = wordCache.find(word, hash: hash, font: fontKey, script: script, language: language) {
                entry = known
            } else {
                let piece = pango_glyph_string_new()!
                defer { pango_glyph_string_free(piece) }
                var analysis = item.pointee.analysis
                analysis.flags = 0  // a copy on the stack: no character offset beside it
                if !wordShaper.shape(chars + i, length: Int32(j - i), analysis: &analysis, into: piece, flags: flags) {
                    pango_shape_with_flags(chars + i, Int32(j - i), chars + i, Int32(j - i), &analysis, piece, flags)
                }
                let n = Int(piece.pointee.num_glyphs)
                entry = wordCache.insert(word, hash: hash, font: fontKey, script: script, language: language,
                                         glyphs: UnsafeBufferPointer(start: piece.pointee.glyphs, count: n),
                                         clusters: UnsafeBufferPointer(start: piece.pointee.log_clusters, count: n))
            }
            pieces.append((entry.glyphStart, entry.glyphCount, Int32(i - start)))
            total += Int(entry.glyphCount)
            i = j
        }
        pango_glyph_string_set_size(glyphs, Int32(total))
        let out = glyphs.pointee
        wordCache.glyphs.withUnsafeBufferPointer { known in
            wordCache.clusters.withUnsafeBufferPointer { knownClusters in
                var g = 0
                for piece in pieces {
                    let from = Int(piece.glyphStart)
                    for k in from..<(from + Int(piece.glyphCount)) {
                        out.glyphs[g] = known[k]
                        out.log_clusters[g] = knownClusters[k] + piece.offset
                        g += 1
                    }
                }
            }
        }
        return true
    }

    /// Where a line ends (a character index), whether it was wrapped there (not the text's end
    /// or a forced break), and whether the break adds a hyphen.
    typealias Break = (end: Int, wrapped: Bool, hyphen: Bool)

    /// First fit over Pango's break opportunities: each line takes as much as fits in its room
    /// (`first` for the first line, `rest` after it), trailing spaces not counted, a hyphen's
    /// width counted at a soft-hyphen break (`hyphenWidth` of the break's character index); a
    /// word wider than a line is cut at its last character break that fits. Empty when a line
    /// would be empty, which the caller takes as "use a PangoLayout".
    static func firstFitBreaks(widths: [Int32], logAttrs: [PangoLogAttr], first: Int32, rest: Int32,
                               hyphenWidth: (Int) -> Int32) -> [Break] {
        let charCount = widths.count - 1
        var breaks: [Break] = []
        var start = 0
        while start < charCount {
            let room = breaks.isEmpty ? first : rest
            var width: Int32 = 0, trailingWhite: Int32 = 0
            var best: (end: Int, hyphen: Bool)?
            var end: Break?
            var k = start
            while k < charCount {
                if k > start {
                    let a = logAttrs[k]
                    if a.is_mandatory_break != 0 { end = (k, false, false); break }
                    if a.is_line_break != 0 {
                        let hyphen = a.break_inserts_hyphen != 0
                        if width - trailingWhite + (hyphen ? hyphenWidth(k) : 0) <= room {
                            best = (k, hyphen)
                        } else if let b = best {
                            end = (b.end, true, b.hyphen)
                            break
                        }
                    }
                }
                width += widths[k]
                if logAttrs[k].is_white != 0 { trailingWhite += widths[k] } else { trailingWhite = 0 }
                if width - trailingWhite > room {
                    if let b = best { end = (b.end, true, b.hyphen); break }
                    var cut = start + 1
                    var w: Int32 = 0
                    for q in start..<k {
                        w += widths[q]
                        if logAttrs[q + 1].is_char_break != 0, w <= room { cut = q + 1 }
                    }
                    end = (cut, true, false)
                    break
                }
                k += 1
            }
            let line = end ?? (charCount, false, false)
            guard line.end > start else { return [] }
            breaks.append(line)
            start = line.end
        }
        return breaks
    }

    /// Whether the text holds a character that forces a line break (vertical tab, form feed,
    /// NEL, U+2028; newlines and U+2029 never reach the shaper).
    static func hasForcedBreak(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i < count {
            let b = bytes[i]
            if b == 0x0B || b == 0x0C { return true }
            if b == 0xC2, i + 1 < count, bytes[i + 1] == 0x85 { return true }
            if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 { return true }
            i += 1
        }
        return false
    }

    /// The vertical place of line `index` of `count`, from the calibration: a lone line, then
    /// the first, a middle and the last of three lines; middle lines repeat at the pitch
    /// between the calibration's second and third.
    static func vertical(line index: Int, of count: Int, _ c: [LineMetrics]) -> (top: Double, bottom: Double, baseline: Double) {
        if count == 1 { return (c[0].top, c[0].bottom, c[0].baseline) }
        if index == 0 { return (c[1].top, c[1].bottom, c[1].baseline) }
        let pitch = c[3].top - c[2].top
        let model = index == count - 1 ? c[3] : c[2]
        let dy = Double(index - (index == count - 1 ? 2 : 1)) * pitch
        return (model.top + dy, model.bottom + dy, model.baseline + dy)
    }

    /// Ascent and descent of a font, which must be the paragraph's for its lines to measure as
    /// the calibration says.
    private func vertical(_ font: UnsafeMutablePointer<PangoFont>) -> (Int32, Int32)? {
        let key = UnsafeMutableRawPointer(font)
        if let known = verticalMetrics[key] { return known }
        // Pango's metrics of the font, read from the font (see `FontExtents`).
        let extents = FontExtents(font: font)
        let value = (extents.ascent, extents.descent)
        verticalMetrics[key] = value
        return value
    }

    /// The width of the hyphen a break at a soft hyphen adds (a "-" shaped in the font of the
    /// item holding byte `byte`), for choosing breaks; the line's last word is then shaped
    /// with its hyphen.
    private func hyphenWidth(_ items: [UnsafeMutablePointer<PangoItem>], at byte: Int32, flags: PangoShapeFlags) -> Int32 {
        guard let item = items.first(where: { $0.pointee.offset <= byte && byte < $0.pointee.offset + $0.pointee.length }) ?? items.last,
              let font = item.pointee.analysis.font else { return 0 }
        let key = UnsafeMutableRawPointer(font)
        if let known = hyphenWidths[key] { return known }
        let glyphs = pango_glyph_string_new()!
        defer { pango_glyph_string_free(glyphs) }
        var analysis = item.pointee.analysis
        analysis.flags = 0
        "-".withCString { hyphen in pango_shape_with_flags(hyphen, 1, hyphen, 1, &analysis, glyphs, flags) }
        let width = pango_glyph_string_get_width(glyphs)
        hyphenWidths[key] = width
        return width
    }

    /// Shapes the last word of a line again with Pango's NEED_HYPHEN flag, which turns its
    /// final soft hyphen into a hyphen glyph.
    private func hyphenate(_ runs: inout [GlyphRun], chars: UnsafeMutablePointer<CChar>, length: Int32,
                           logAttrs: inout [PangoLogAttr], byteOf: [Int32], language: OpaquePointer?,
                           flags: PangoShapeFlags) -> Bool {
        guard let last = runs.popLast() else { return false }
        let item = last.pointer.pointee.item!
        let itemStart = item.pointee.offset
        let itemEnd = itemStart + item.pointee.length
        var wordStart = itemEnd
        while wordStart > itemStart, chars[Int(wordStart) - 1] != 0x20 { wordStart -= 1 }
        // The split leaves the last word in `last` and hands back what came before it.
        let tail = last
        if wordStart > itemStart {
            guard let head = pango_glyph_item_split(last.pointer, chars, wordStart - itemStart) else { return false }
            runs.append(GlyphRun(adopting: head))
        }
        let tailItem = tail.pointer.pointee.item!
        tailItem.pointee.analysis.flags |= UInt8(PANGO_ANALYSIS_FLAG_NEED_HYPHEN)
        guard let firstChar = byteOf.firstIndex(of: tailItem.pointee.offset) else { return false }
        let glyphs = pango_glyph_string_new()!
        if logAttrs.isEmpty {
            // Breaks remembered from the first pagination, so no break analysis of the whole
            // paragraph: the word's own, with the space before it and the character after the
            // break for context, is what shaping the hyphen reads (the same PDFs either way).
            // From the space before the word (the item may start inside it, at a change of style).
            let charCount = byteOf.count - 1
            var wordChar = firstChar
            while wordChar > 0, chars[Int(byteOf[wordChar - 1])] != 0x20 { wordChar -= 1 }
            let fromChar = max(0, wordChar - 1)
            let toChar = min(charCount, firstChar + Int(tailItem.pointee.num_chars) + 1)
            let from = Int(byteOf[fromChar]), to = Int(byteOf[toChar])
            var local = [PangoLogAttr](repeating: PangoLogAttr(), count: toChar - fromChar + 1)
            pango_get_log_attrs(chars + from, Int32(to - from), -1, language, &local, Int32(local.count))
            local.withUnsafeMutableBufferPointer { attrs in
                pango_shape_item(tailItem, chars, length, attrs.baseAddress! + (firstChar - fromChar), glyphs, flags)
            }
        } else {
            logAttrs.withUnsafeMutableBufferPointer { attrs in
                pango_shape_item(tailItem, chars, length, attrs.baseAddress! + firstChar, glyphs, flags)
            }
        }
        pango_glyph_string_free(tail.pointer.pointee.glyphs)
        tail.pointer.pointee.glyphs = glyphs
        runs.append(tail)
        return true
    }

    /// Spreads the room a wrapped line leaves over its spaces, in whole Pango units, the way
    /// Pango's layout justifies words.
    private func justify(_ runs: [GlyphRun], chars: UnsafeMutablePointer<CChar>, room: Int32) {
        let natural = runs.reduce(Int32(0)) { $0 + $1.width }
        let extra = Int(room) - Int(natural)
        guard extra > 0 else { return }
        var spaces: [(UnsafeMutablePointer<PangoGlyphString>, Int)] = []
        for run in runs {
            let glyphs = run.pointer.pointee.glyphs!
            let offset = Int(run.pointer.pointee.item.pointee.offset)
            for g in 0..<Int(glyphs.pointee.num_glyphs) {
                let byte = offset + Int(glyphs.pointee.log_clusters[g])
                if chars[byte] == 0x20, glyphs.pointee.glyphs[g].geometry.width > 0 { spaces.append((glyphs, g)) }
            }
        }
        guard !spaces.isEmpty else { return }
        let n = spaces.count
        for (i, (glyphs, g)) in spaces.enumerated() {
            let adjustment = extra * (i + 1) / n - extra * i / n
            glyphs.pointee.glyphs[g].geometry.width += Int32(adjustment)
        }
    }
}
