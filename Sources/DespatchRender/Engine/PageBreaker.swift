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

    init(geometry: PageGeometry, maxPages: Int) {
        self.geometry = geometry
        self.maxPages = maxPages
    }

    func paginate(_ blocks: [Block], columns initialColumns: Int, in context: RenderContext) throws -> [PageLayout] {
        var stack = Array(blocks.reversed())
        var pages: [PageLayout] = []
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
            pages.append(page)
            if pages.count > maxPages { throw RenderError.tooManyPages(limit: maxPages) }
            page = PageLayout()
            column = 0
            y = 0
            frameHasContent = false
            pageHasContent = false
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

        while let block = stack.popLast() {
            if let pageBreak = block as? PageBreakBlock {
                if pageHasContent { try finishPage() }
                if let c = pageBreak.columns { columns = max(1, min(3, c)) }
                continue
            }
            if block is SpacerBlock, !frameHasContent { continue }
            let width = geometry.columnWidth(columns: columns)
            let height = block.wrap(width: width, in: context)
            let gap = frameHasContent ? max(previousSpaceAfter, block.spaceBefore) : 0
            let available = frameHeight - y - gap

            if height <= available + 0.01 {
                if frameHasContent, block.keepWithNext,
                   height + keepTogetherHeight(after: block, stack: stack, width: width, in: context) > available + 0.01 {
                    stack.append(block)
                    try nextFrame()
                    continue
                }
                place(block, gap: gap, height: height)
                continue
            }
            if !block.keepWithNext || !frameHasContent, let (first, rest) = block.split(height: available, in: context) {
                place(first, gap: gap, height: first.wrap(width: width, in: context))
                stack.append(rest)
                try nextFrame()
                continue
            }
            if frameHasContent {
                stack.append(block)
                try nextFrame()
                continue
            }
            // Empty frame, and the block neither fits nor splits by its own rules.
            if let paragraph = block as? ParagraphBlock, let (first, rest) = paragraph.forceSplit(height: available) {
                place(first, gap: 0, height: first.wrap(width: width, in: context))
                stack.append(rest)
            } else if let table = block as? TableBlock, let (first, rest) = table.forceSplit(height: available, in: context) {
                place(first, gap: 0, height: first.wrap(width: width, in: context))
                stack.append(rest)
            } else {
                place(block, gap: 0, height: height)
            }
            try nextFrame()
        }
        if pageHasContent || pages.isEmpty { try finishPage() }
        return pages
    }

    /// Height the blocks following a keep-with-next block need on the same page:
    /// the gap and the next block's smallest first piece (following chains of headings).
    private func keepTogetherHeight(after block: Block, stack: [Block], width: Double, in context: RenderContext) -> Double {
        var total = 0.0
        var previous = block
        var index = stack.count - 1
        while index >= 0, previous.keepWithNext, total < geometry.frameHeight {
            let next = stack[index]
            if next is PageBreakBlock { break }
            _ = next.wrap(width: width, in: context)
            total += max(previous.spaceAfter, next.spaceBefore) + next.minimumHeight(in: context)
            previous = next
            index -= 1
        }
        return total
    }
}
