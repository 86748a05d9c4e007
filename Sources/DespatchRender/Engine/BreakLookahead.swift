import CPangoCairo
import DespatchDocument
import Foundation

/// Prepares the document's paragraphs on the second core while the first paginates: their
/// hyphenation and Pango's break analysis, a quarter of what measuring a paragraph costs.
///
/// Why: once the fonts are loaded and the digest analysed, the second core has nothing to do
/// while the first measures and paints. Shaping cannot move (Pango's font map and context
/// are not shared between threads, and a PangoFont belongs to its map), but hyphenation (our
/// pattern dictionary, whose cache takes a lock) and `pango_get_log_attrs` (a function of
/// the bytes and the language alone) depend on no Pango object. The lookahead walks the tree
/// in document order, keeping at most `window` bytes of text ahead of the paginating thread,
/// and the paragraph of node N takes what was made for N (`take`) or, if it is not ready,
/// makes it itself. Either way the text and the analysis are the same, so the PDF does not
/// depend on which thread got there first.
final class BreakLookahead: @unchecked Sendable {
    /// Where a paragraph is in the tree: its node, and which of the node's paragraphs it is
    /// (a table's cells; see `BlockFactory.paragraphs(of:)`). Document order.
    struct Key: Comparable, Sendable {
        var node: Int
        var part: Int
        static func < (a: Key, b: Key) -> Bool { (a.node, a.part) < (b.node, b.part) }
    }

    /// What the paginating thread has not taken yet, in document order.
    private var ready: [(key: Key, spans: [StyledRun], style: TextStyle, text: PreparedText)] = []
    private var readyStart = 0
    private var readyBytes = 0
    /// The last paragraph the paginating thread asked for: the lookahead skips what lies before it.
    private var reached = Key(node: -1, part: 0)
    private var cancelled = false
    private let condition = NSCondition()
    private let done = DispatchGroup()
    /// How many paragraphs took what was made ahead, and how many had to make it themselves
    /// (for tests and for `DESPATCH_TIMINGS`).
    private(set) var hits = 0, misses = 0

    /// Text kept ready ahead of the paginating thread, in bytes: some fifteen pages, so that
    /// memory stays flat for any length of document (256 KB added 5 MiB to the peak of a
    /// thousand pages; 64 KB adds under one, and the samples are prepared as well ahead).
    static let window = 64 * 1024

    /// Starts preparing the paragraphs of `nodes` on another thread. `language` is the
    /// language the Pango context gives a paragraph without one of its own (the one set, or
    /// else the process's default: `pango_context_get_language` returns only the first).
    /// `columnWidth` (points), when given, spares the break analysis of paragraphs too short
    /// to fill a line (see `mayWrap`).
    init(nodes: [DocumentNode], factory: BlockFactory, hyphenator: Hyphenator?, language: OpaquePointer?,
         columnWidth: Double? = nil) {
        let contextLanguage = language.map { UInt(bitPattern: $0) }
        DispatchQueue.global().async(group: done) { [self] in
            // Texts analysed already: a paragraph that comes again (a repeated caption, a
            // template) takes its breaks from the shaper's memory of the first.
            var analysed = Set<Int>()
            for (index, node) in nodes.enumerated() {
                for (part, spans, style, share) in factory.paragraphs(of: node) {
                    let key = Key(node: index, part: part)
                    condition.lock()
                    while !cancelled, readyBytes > Self.window { condition.wait() }
                    let skip = cancelled || key <= reached
                    condition.unlock()
                    if cancelled { return }
                    if skip { continue }
                    var text = PreparedText(spans, style: style, hyphenator: hyphenator)
                    if !text.text.isEmpty,
                       columnWidth.map({ Self.mayWrap(text, style: style, width: $0 * share) }) ?? true,
                       analysed.insert(text.text.hashValue).inserted, let language = Self.language(of: text, context: contextLanguage) {
                        text.breakAnalysis = BreakAnalysis(text.text, language: language)
                    }
                    condition.lock()
                    ready.append((key, spans, style, text))
                    readyBytes += text.text.utf8.count
                    condition.unlock()
                }
            }
        }
    }

    /// Whether `text` could need more than one line of `width`: at a third of an em a byte
    /// (narrower than any text's average), it would be wider. The shaper needs no break
    /// analysis for a paragraph that fits on one line, which most headings and table cells
    /// do: analysing them all cost the second core twice the analysis the first one saved.
    /// A wrong guess costs only time: the shaper makes what it is not given.
    static func mayWrap(_ text: PreparedText, style: TextStyle, width: Double) -> Bool {
        Double(text.text.utf8.count) * style.size / 3 > width
    }

    /// The language Pango's itemizer gives the start of `text`: that of a run beginning
    /// there, or the context's. A guess: the shaper uses the analysis only when its language
    /// is the one the itemizer gave.
    private static func language(of text: PreparedText, context: UInt?) -> OpaquePointer? {
        if let run = text.runs.first, run.range.lowerBound == 0, let code = run.language {
            return pango_language_from_string(code)
        }
        return context.flatMap { OpaquePointer(bitPattern: $0) }
    }

    /// What was made for the paragraph at `key`, if it is ready and was made from the same
    /// spans and style; what was made for earlier paragraphs is let go.
    func take(_ key: Key, spans: [StyledRun], style: TextStyle) -> PreparedText? {
        condition.lock()
        defer { condition.unlock() }
        reached = max(reached, key)
        var found: PreparedText?
        while readyStart < ready.count, ready[readyStart].key <= key {
            let entry = ready[readyStart]
            if entry.key == key, entry.spans == spans, entry.style == style { found = entry.text }
            readyBytes -= entry.text.text.utf8.count
            ready[readyStart].text = PreparedText(text: "", runs: [])
            ready[readyStart].spans = []
            readyStart += 1
        }
        if readyStart > 64, readyStart * 2 > ready.count {
            ready.removeFirst(readyStart)
            readyStart = 0
        }
        condition.signal()
        if found != nil { hits += 1 } else { misses += 1 }
        return found
    }

    /// Waits until every paragraph is prepared (or the window is full): for tests, which
    /// need to know what is ready.
    func waitUntilPrepared() {
        while true {
            if done.wait(timeout: .now() + 0.01) == .success { return }
            condition.lock()
            let full = readyBytes > Self.window
            condition.unlock()
            if full { return }
        }
    }

    /// Stops the lookahead after the paragraph it is on, without waiting for it.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.signal()
        condition.unlock()
    }

    /// Stops the lookahead and waits for its thread (at most the paragraph it is on).
    func finish() {
        cancel()
        done.wait()
    }
}
