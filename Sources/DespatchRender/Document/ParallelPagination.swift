import DespatchDocument
import Foundation

/// Paginates a document in two parts at once, split at a page break: the part before it on
/// the calling thread, the part from it on a thread of its own with its own Pango font map
/// and context, and the pages joined as one pagination.
///
/// Why: measuring and breaking the document is the longest phase of a short digest, and it
/// ran on one core. Pango's font map and context are not shared between threads (see
/// `BreakLookahead`), but two of them can work at once, as the weekly brief's parallel renders
/// do, and a forced page break ends all the state the page breaker carries from page to page
/// but the column count in force and the running section title, which are handed over.
/// Both parts measure the same blocks at the same widths as one pass would, so the pages are
/// the same, and so is the PDF: a test renders every shipped layout both ways and compares
/// the bytes.
///
/// The second part's blocks keep what they were shaped with (fonts of the second font map)
/// until they are painted on the first thread, once the second has finished; cairo shares
/// one font face per font file between the maps, so each font is embedded once.
///
/// Used for documents whose text is well within the shaped-text budget (those painted from
/// their first pagination); a longer document is paginated twice anyway, page by page, to keep
/// its memory flat, and a page-limited layout is fitted one pagination after another. A part
/// that fails sends the document back to one pass, which meets the failure one pass meets.
enum ParallelPagination {
    /// Where the second part starts: the index of a page-break node, and the column count in
    /// force just before it.
    struct Split: Equatable {
        var node: Int
        var columns: Int
    }

    /// Documents with less text than this (about four pages) are paginated in one part: the
    /// thread and the second font map (about a millisecond) would take much of what the
    /// split saves.
    static let minimumBytes = 12_000

    /// The page break that divides the text of `nodes` most evenly, when the document has
    /// from `minimumBytes` to three quarters of `budget` bytes of text and the smaller part
    /// holds at least a quarter of it; nil otherwise. (What the budget counts is the text as
    /// shaped, with its soft hyphens, two bytes each: a document near the budget would be
    /// split, found to be over it, and paginated again in one part.)
    static func split(of nodes: [DocumentNode], firstColumns: Int, budget: Int) -> Split? {
        let sizes = nodes.map(textBytes)
        let total = sizes.reduce(0, +)
        guard total >= minimumBytes, total <= budget / 4 * 3 else { return nil }
        var before = 0
        var columns = max(1, firstColumns)
        var seenContent = false
        var best: (split: Split, before: Int)?
        for (i, node) in nodes.enumerated() {
            switch node {
            case .pageBreak(let c):
                // The first part must place something (an empty one would still make a page).
                if seenContent, best.map({ max(before, total - before) < max($0.before, total - $0.before) }) ?? true {
                    best = (Split(node: i, columns: columns), before)
                }
                if let c { columns = PageBreaker.columnCount(c) }
            case .spacer:
                break
            default:
                seenContent = true
            }
            before += sizes[i]
        }
        guard let best, min(best.before, total - best.before) * 4 >= total else { return nil }
        return best.split
    }

    /// The bytes of text a node lays out, the measure of its share of the work.
    static func textBytes(_ node: DocumentNode) -> Int {
        func bytes(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + $1.text.utf8.count } }
        switch node {
        case .heading(_, let text, _): return text.utf8.count
        case .paragraph(let spans, _, _): return bytes(spans)
        case .listItem(let marker, let spans): return marker.utf8.count + bytes(spans)
        case .table(let columns, let rows):
            return columns.reduce(0) { $0 + $1.title.utf8.count } + rows.reduce(0) { $0 + $1.reduce(0) { $0 + bytes($1) } }
        case .contentsEntry(let title, _, _): return title.utf8.count
        case .timeline(let events): return events.reduce(0) { $0 + $1.label.utf8.count + $1.dateText.utf8.count }
        case .barChart(let series, let categories):
            return series.reduce(0) { $0 + $1.label.utf8.count } + categories.reduce(0) { $0 + $1.utf8.count }
        case .rule, .image, .spacer, .pageBreak: return 0
        }
    }

    /// The section title in force after `pages` (the running header's {section}): the last
    /// section heading on them, or none.
    static func section(after pages: [PageLayout]) -> String {
        var current = ""
        for page in pages {
            if let last = page.anchors.last(where: { $0.level == 0 }) { current = last.title }
        }
        return current
    }

    /// Gives the second part's pages before its first section heading the title in force
    /// where the first part ended, as one pass would have (the second part started with none).
    static func carry(section: String, into pages: inout [PageLayout]) {
        for i in pages.indices {
            if pages[i].anchors.contains(where: { $0.level == 0 }) { return }
            pages[i].section = section
        }
    }
}

extension ParallelPagination {
    /// Both parts' pages, joined, and the second part (whose context owns the fonts its
    /// blocks were shaped with).
    struct Joined {
        var pages: [PageLayout]
        var firstCount: Int
        var second: SecondPagination
        /// How long the first thread waited for the second once its own part was done.
        var waited: TimeInterval
    }

    /// Paginates `nodes` in two parts at `split`: the first here with `context`, the second on
    /// a thread of its own with a font map over the same fonts (`fontMap`, made ahead, or one
    /// made there). Nil when either part failed or the pages are more than the breaker
    /// allows: the caller then paginates in one part, which meets the failure a single pass
    /// meets first (the second part, run alone, could fail on a later page than the first
    /// part's page limit).
    static func paginate(_ nodes: [DocumentNode], at split: Split, firstColumns: Int, breaker: PageBreaker,
                         factory: BlockFactory, context: RenderContext, fontMap: PangoEnvironment?) -> Joined? {
        let second = SecondPagination(nodes: nodes, split: split, fontMap: fontMap, fonts: context.pango.fonts,
                                      hyphenator: context.hyphenator, budget: context.layoutBudgetBytes,
                                      breaker: breaker, factory: factory)
        var first: [PageLayout] = []
        let firstSucceeded = (try? breaker.paginate(BlockStream(nodes: nodes, range: 0..<split.node, factory: factory),
                                                    columns: firstColumns, in: context) { first.append($0) }) != nil
        let firstDone = Date()
        let rest = try? second.wait()
        let waited = Date().timeIntervalSince(firstDone)
        guard firstSucceeded, var rest, first.count + rest.count <= breaker.maxPages else { return nil }
        carry(section: section(after: first), into: &rest)
        return Joined(pages: first + rest, firstCount: first.count, second: second, waited: waited)
    }
}

/// The second part of a `ParallelPagination`, paginated on a thread of its own.
///
/// Everything it makes (the font map, the context, the blocks and their shaped text) is made
/// and used on that thread until `wait` returns, and afterwards only by the caller: the
/// semaphore orders the two, and the thread lets go of the object before it signals, so the
/// object is always let go (and its font map torn down) on the caller's thread. That is what
/// the unchecked `Sendable` stands for.
final class SecondPagination: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[PageLayout], Error> = .success([])
    /// The second part's context, kept while its blocks are painted.
    private(set) var context: RenderContext?
    /// Its font map, held apart from the context so that it outlives it: the context's
    /// shaper holds fontsets of the map, and a fontset let go after its map has gone reads
    /// freed memory (the context lets its font map go before its shaper).
    private var pango: PangoEnvironment?

    deinit {
        context = nil  // first the context and its fontsets, then (as the object goes) the map
    }

    /// Starts paginating `nodes[split.node...]` with a font map of its own: `fontMap`, made
    /// ahead and used by no other thread, or one made there over `fonts` (the first thread's
    /// fontconfig set-up: a configuration is safe to share, and every font map of a process
    /// shares fontconfig's default one unless told otherwise).
    init(nodes: [DocumentNode], split: ParallelPagination.Split, fontMap: PangoEnvironment?, fonts: FontLibrary,
         hyphenator: Hyphenator?, budget: Int, breaker: PageBreaker, factory: BlockFactory) {
        nonisolated(unsafe) let madeAhead = fontMap
        let done = self.done
        let thread = Thread { [weak self] in
            // The strong reference lasts for the call only: it is gone before the signal.
            self?.run(nodes: nodes, split: split, fontMap: madeAhead, fonts: fonts, hyphenator: hyphenator,
                      budget: budget, breaker: breaker, factory: factory)
            done.signal()
        }
        thread.name = "despatch-pagination"
        thread.start()
    }

    private func run(nodes: [DocumentNode], split: ParallelPagination.Split, fontMap: PangoEnvironment?, fonts: FontLibrary,
                     hyphenator: Hyphenator?, budget: Int, breaker: PageBreaker, factory: BlockFactory) {
        do {
            let pango = try fontMap ?? PangoEnvironment(fonts: fonts)
            self.pango = pango
            let context = RenderContext(pango: pango, hyphenator: hyphenator)
            context.layoutBudgetBytes = budget
            self.context = context
            var pages: [PageLayout] = []
            try breaker.paginate(BlockStream(nodes: nodes, range: split.node..<nodes.count, factory: factory),
                                 columns: split.columns, in: context) { pages.append($0) }
            result = .success(pages)
        } catch {
            result = .failure(error)
        }
    }

    /// Waits for the second part and gives its pages (or what it failed with).
    func wait() throws -> [PageLayout] {
        done.wait()
        return try result.get()
    }
}
