import DespatchDocument

/// A table whose cells wrap; rows break across pages with the header row repeated,
/// and a row taller than a page is split by lines.
final class TableBlock: Block {
    struct Appearance {
        var headerStyle: TextStyle
        var cellStyle: TextStyle
        var headerFill: RGB
        var stripeFill: RGB?
        var ruleColor: RGB
        var padding: Double = 3
        var spaceBefore: Double = 4
        var spaceAfter: Double = 8
    }

    private final class Row {
        var cells: [ParagraphBlock?]
        var height: Double = 0
        let index: Int
        init(cells: [ParagraphBlock?], index: Int) {
            self.cells = cells
            self.index = index
        }
    }

    let columns: [TableColumn]
    let appearance: Appearance
    let anchor: Anchor?
    private var header: Row
    private var rows: [Row]
    private var columnWidths: [Double] = []
    private var laidOutWidth: Double = -1
    private let isContinuation: Bool

    var spaceBefore: Double { isContinuation ? 0 : appearance.spaceBefore }
    var spaceAfter: Double { appearance.spaceAfter }

    init(columns: [TableColumn], rows: [[[StyledRun]]], appearance: Appearance, anchor: Anchor? = nil) {
        self.columns = columns
        self.appearance = appearance
        self.anchor = anchor
        self.header = Row(cells: columns.map { ParagraphBlock($0.title, style: appearance.headerStyle, minLines: 1) }, index: -1)
        self.rows = rows.enumerated().map { i, cells in
            Row(cells: (0..<columns.count).map { c in
                c < cells.count ? ParagraphBlock(cells[c], style: appearance.cellStyle, minLines: 1) : nil
            }, index: i)
        }
        self.isContinuation = false
    }

    private init(copying other: TableBlock, rows: [Row], continuation: Bool) {
        self.columns = other.columns
        self.appearance = other.appearance
        self.anchor = continuation ? nil : other.anchor
        self.header = other.header
        self.rows = rows
        self.columnWidths = other.columnWidths
        self.laidOutWidth = other.laidOutWidth
        self.isContinuation = continuation
    }

    var rowCount: Int { rows.count }

    /// Gives each cell its place in the tree, as `BlockFactory.paragraphs(of:)` numbers them:
    /// the header's cells, then each row's, left to right.
    func numberCells(node: Int) {
        for (part, cell) in cellBlocks.enumerated() { cell.lookaheadKey = BreakLookahead.Key(node: node, part: part) }
    }

    /// The cells in that order (a row shorter than the columns has no blocks past its end).
    var cellBlocks: [ParagraphBlock] { ([header] + rows).flatMap { $0.cells.compactMap { $0 } } }

    func wrap(width: Double, in context: RenderContext) -> Double {
        if laidOutWidth != width {
            columnWidths = Self.fit(weights: columns.map { $0.weight }, minimums: minimumContentWidths(in: context), width: width)
            laidOutWidth = width
            measure(header, in: context)
            for row in rows { measure(row, in: context) }
        }
        return header.height + rows.reduce(0) { $0 + $1.height }
    }

    /// Column widths in proportion to the weights, widened where a column's widest word would
    /// not fit (a narrow "Stance" column cutting "congratulatory" as "congratulator-y"). The room
    /// is taken from columns wider than they need, in proportion to their slack; when the words
    /// cannot all fit, the weights stand and Pango breaks inside words as a last resort.
    static func fit(weights: [Double], minimums: [Double], width: Double) -> [Double] {
        let total = weights.reduce(0, +)
        var widths = weights.map { width * $0 / max(total, 0.0001) }
        guard minimums.count == widths.count, minimums.reduce(0, +) <= width else { return widths }
        let deficit = zip(widths, minimums).reduce(0) { $0 + max(0, $1.1 - $1.0) }
        guard deficit > 0 else { return widths }
        let slack = zip(widths, minimums).map { max(0, $0 - $1) }
        let totalSlack = slack.reduce(0, +)
        guard totalSlack >= deficit else { return widths }
        for c in widths.indices {
            widths[c] = widths[c] < minimums[c] ? minimums[c] : widths[c] - deficit * slack[c] / totalSlack
        }
        return widths
    }

    /// The width each column needs for its widest unbreakable word, padding included. Words of
    /// more than 40 characters (a long URL) are left to break rather than take the table; only
    /// the three longest words (by characters) of a column are measured with Pango, and a word
    /// measured once is not measured again (`RenderContext.wordWidth`: a long table's columns
    /// repeat their words, and a long document is paginated twice).
    ///
    /// Words are cut at the ASCII separators on the UTF-8 bytes, and a word's characters are
    /// counted only when its byte count could beat the third longest so far (characters never
    /// outnumber bytes): the character-by-character split of every cell was half this cost.
    private func minimumContentWidths(in context: RenderContext) -> [Double] {
        columns.indices.map { c in
            var longest: [(word: Substring, length: Int, run: StyledRun, style: TextStyle)] = []
            func consider(_ row: Row) {
                guard c < row.cells.count, let cell = row.cells[c] else { return }
                for run in cell.spans {
                    let utf8 = run.text.utf8
                    var start = utf8.startIndex
                    var i = start
                    func take(_ end: String.Index) {
                        defer { start = end }
                        let bytes = utf8.distance(from: start, to: end)
                        let threshold = longest.count < 3 ? 0 : longest[longest.count - 1].length
                        guard bytes > threshold else { return }
                        let word = run.text[start..<end]
                        let length = word.count
                        guard length > threshold, length <= 40 else { return }
                        longest.append((word, length, run, cell.style))
                        longest.sort { $0.length > $1.length }
                        if longest.count > 3 { longest.removeLast() }
                    }
                    while i < utf8.endIndex {
                        let b = utf8[i]
                        if b == 0x20 || b == 0x0A || b == 0x2D || b == 0x2F {
                            take(i)
                            start = utf8.index(after: i)
                        }
                        i = utf8.index(after: i)
                    }
                    take(utf8.endIndex)
                }
            }
            consider(header)
            for row in rows { consider(row) }
            let widest = longest.map { candidate -> Double in
                var run = candidate.run
                run.text = String(candidate.word)
                var style = candidate.style
                style.hyphenate = false
                return context.wordWidth(run, style: style)
            }.max() ?? 0
            return widest > 0 ? widest + 2 * appearance.padding + 1 : 0
        }
    }

    private func measure(_ row: Row, in context: RenderContext) {
        var tallest = 0.0
        for (c, cell) in row.cells.enumerated() {
            guard let cell else { continue }
            tallest = max(tallest, cell.wrap(width: max(4, columnWidths[c] - 2 * appearance.padding), in: context))
        }
        row.height = tallest + 2 * appearance.padding
    }

    func minimumHeight(in context: RenderContext) -> Double {
        header.height + (rows.first?.height ?? 0)
    }

    func split(height available: Double, in context: RenderContext) -> (Block, Block)? {
        var used = header.height
        var count = 0
        while count < rows.count, used + rows[count].height <= available + 0.01 {
            used += rows[count].height
            count += 1
        }
        guard count > 0, count < rows.count else { return nil }
        return (TableBlock(copying: self, rows: Array(rows[..<count]), continuation: isContinuation),
                TableBlock(copying: self, rows: Array(rows[count...]), continuation: true))
    }

    /// In an empty frame: splits the first row by lines when even one row does not fit.
    func forceSplit(height available: Double, in context: RenderContext) -> (Block, Block)? {
        if let normal = split(height: available, in: context) { return normal }
        guard let first = rows.first else { return nil }
        let room = max(available - header.height - 2 * appearance.padding, 1)
        var head: [ParagraphBlock?] = []
        var tail: [ParagraphBlock?] = []
        var anyTail = false
        for cell in first.cells {
            guard let cell else { head.append(nil); tail.append(nil); continue }
            if let (a, b) = cell.forceSplit(height: room) {
                head.append(a as? ParagraphBlock)
                tail.append(b as? ParagraphBlock)
                anyTail = true
            } else {
                head.append(cell)
                tail.append(nil)
            }
        }
        guard anyTail else { return nil }
        let headRow = Row(cells: head, index: first.index)
        let tailRow = Row(cells: tail, index: first.index)
        measure(headRow, in: context)
        measure(tailRow, in: context)
        return (TableBlock(copying: self, rows: [headRow], continuation: isContinuation),
                TableBlock(copying: self, rows: [tailRow] + rows.dropFirst(), continuation: true))
    }

    func draw(at x: Double, _ y: Double, in painter: PagePainter) throws {
        if let anchor, !isContinuation { painter.mark(anchor, x: x, y: y) }
        let width = columnWidths.reduce(0, +)
        var top = y
        painter.cairo.setColor(appearance.headerFill.tuple)
        painter.cairo.fillRect(x: x, y: top, width: width, height: header.height)
        try drawCells(header, x: x, y: top, in: painter)
        top += header.height
        for row in rows {
            if let stripe = appearance.stripeFill, row.index % 2 == 1 {
                painter.cairo.setColor(stripe.tuple)
                painter.cairo.fillRect(x: x, y: top, width: width, height: row.height)
            }
            try drawCells(row, x: x, y: top, in: painter)
            top += row.height
            painter.cairo.setColor(appearance.ruleColor.tuple)
            painter.cairo.strokeLine(x0: x, y0: top, x1: x + width, y1: top, width: 0.4)
        }
    }

    /// The cells of this piece's rows give back their shaped text; the header row, which
    /// every piece of the table repeats, keeps its own.
    func releaseShapedText(in context: RenderContext) {
        for row in rows {
            for cell in row.cells { cell?.releaseShapedText(in: context) }
        }
    }

    private func drawCells(_ row: Row, x: Double, y: Double, in painter: PagePainter) throws {
        var left = x
        for (c, cell) in row.cells.enumerated() {
            if let cell { try cell.draw(at: left + appearance.padding, y + appearance.padding, in: painter) }
            left += columnWidths[c]
        }
    }
}
