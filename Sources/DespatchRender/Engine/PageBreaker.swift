import DespatchDocument
/// A block placed on a page: top-left corner in page coordinates (points).
struct Placement {
    let block: Block
    let x: Double
    let y: Double
}

/// One paginated page: what goes where, and which anchors start on it.
struct PageLayout {
    var placements: [Placement] = []
    var anchors: [Anchor] = []
    /// The section title in force on this page (for the running header's {section}).
    var section: String = ""
}

/// Flows blocks into column frames and pages.
///
/// Always makes progress: a block that fits nowhere is split by lines in an empty frame,
/// or placed anyway, so no input can make pagination loop.
final class PageBreaker {
    let geometry: PageGeometry
    let maxPages: Int

    /// The column count a page break asks for, within what a layout allows (1 to 3).
    static func columnCount(_ requested: Int) -> Int { max(1, min(3, requested)) }

    init(geometry: PageGeometry, maxPages: Int) {
        self.geometry = geometry
        self.maxPages = maxPages
    }

    /// All the pages of `blocks`, kept (for tests and small documents made of blocks at hand).
    func paginate(_ blocks: [Block], columns initialColumns: Int, in context: RenderContext) throws -> [PageLayout] {
        var pages: [PageLayout] = []
        try paginate(BlockStream(blocks: blocks), columns: initialColumns, in: context) { pages.append($0) }
        return pages
    }

    /// Flows the blocks of `stream` into pages, handing each page to `finished` as soon as it is
    /// full, and returns how many there were. The breaker keeps nothing of a page it has handed
    /// on: what a page's blocks hold lives as long as the caller keeps the page.
    @discardableResult
    func paginate(_ stream: BlockStream, columns initialColumns: Int, in context: RenderContext,
                  finished: (PageLayout) throws -> Void) throws -> Int {
        var pageCount = 0
        var page = PageLayout()
        var columns = max(1, initialColumns)
        var column = 0
        var y = 0.0
        var frameHasContent = false
        var pageHasContent = false
        var previousSpaceAfter = 0.0
        var currentSection = ""
        let frameHeight = geometry.frameHeight

        func finishPage() throws {
            page.section = page.anchors.first(where: { $0.level == 0 })?.title ?? currentSection
            if let last = page.anchors.last(where: { $0.level == 0 }) { currentSection = last.title }
            pageCount += 1
            if pageCount > maxPages { throw RenderError.tooManyPages(limit: maxPages) }
            let done = page
            page = PageLayout()
            column = 0
            y = 0
            frameHasContent = false
            pageHasContent = false
            try finished(done)
        }

        func nextFrame() throws {
            column += 1
            if column >= columns {
                try finishPage()
            } else {
                y = 0
                frameHasContent = false
            }
        }

        func place(_ block: Block, gap: Double, height: Double) {
            let top = geometry.top + y + gap
            page.placements.append(Placement(block: block, x: geometry.columnX(column, columns: columns), y: top))
            if let anchor = block.anchor { page.anchors.append(anchor) }
            y += gap + height
            previousSpaceAfter = block.spaceAfter
            frameHasContent = true
            pageHasContent = true
        }

        while let block = try stream.next() {
            if let pageBreak = block as? PageBreakBlock {
                if pageHasContent { try finishPage() }
                if let c = pageBreak.columns { columns = Self.columnCount(c) }
                continue
            }
            if block is SpacerBlock, !frameHasContent { continue }
            let width = geometry.columnWidth(columns: columns)
            let height = block.wrap(width: width, in: context)
            let gap = frameHasContent ? max(previousSpaceAfter, block.spaceBefore) : 0
            let available = frameHeight - y - gap

            if height <= available + 0.01 {
                if frameHasContent, block.keepWithNext,
                   try height + keepTogetherHeight(after: block, stream: stream, width: width, in: context) > available + 0.01 {
                    stream.pushBack(block)
                    try nextFrame()
                    continue
                }
                place(block, gap: gap, height: height)
                continue
            }
            if !block.keepWithNext || !frameHasContent, let (first, rest) = block.split(height: available, in: context) {
                place(first, gap: gap, height: first.wrap(width: width, in: context))
                stream.pushBack(rest)
                try nextFrame()
                continue
            }
            if frameHasContent {
                stream.pushBack(block)
                try nextFrame()
                continue
            }
            // Empty frame, and the block neither fits nor splits by its own rules.
            if let paragraph = block as? ParagraphBlock, let (first, rest) = paragraph.forceSplit(height: available) {
                place(first, gap: 0, height: first.wrap(width: width, in: context))
                stream.pushBack(rest)
            } else if let table = block as? TableBlock, let (first, rest) = table.forceSplit(height: available, in: context) {
                place(first, gap: 0, height: first.wrap(width: width, in: context))
                stream.pushBack(rest)
            } else {
                place(block, gap: 0, height: height)
            }
            try nextFrame()
        }
        if pageHasContent || pageCount == 0 { try finishPage() }
        return pageCount
    }

    /// Height the blocks following a keep-with-next block need on the same page: the gaps,
    /// the whole of each block of a chain that keeps with the next in turn (headings,
    /// datelines: they are not split in a frame that holds something), and the smallest
    /// first piece of the block that ends the chain.
    private func keepTogetherHeight(after block: Block, stream: BlockStream, width: Double, in context: RenderContext) throws -> Double {
        var total = 0.0
        var previous = block
        var offset = 0
        while previous.keepWithNext, total < geometry.frameHeight, let next = try stream.peek(offset) {
            if next is PageBreakBlock { break }
            let height = next.wrap(width: width, in: context)
            total += max(previous.spaceAfter, next.spaceBefore) + (next.keepWithNext ? height : next.minimumHeight(in: context))
            previous = next
            offset += 1
        }
        return total
    }
}
