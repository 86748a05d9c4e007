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

    func wrap(width: Double, in context: RenderContext) -> Double {
        if laidOutWidth != width {
            let total = columns.reduce(0) { $0 + $1.weight }
            columnWidths = columns.map { width * $0.weight / max(total, 0.0001) }
            laidOutWidth = width
            measure(header, in: context)
            for row in rows { measure(row, in: context) }
        }
        return header.height + rows.reduce(0) { $0 + $1.height }
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

    private func drawCells(_ row: Row, x: Double, y: Double, in painter: PagePainter) throws {
        var left = x
        for (c, cell) in row.cells.enumerated() {
            if let cell { try cell.draw(at: left + appearance.padding, y + appearance.padding, in: painter) }
            left += columnWidths[c]
        }
    }
}
