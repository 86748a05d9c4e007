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
/// in document order, keeping at most `window` bytes ahead of the paginating thread, and the
/// paragraph at key K takes what was made for K (`take`) or, if it is not ready, makes it
/// itself. Either way the text and the analysis are the same, so the PDF does not depend on
/// which thread got there first.
///
/// It runs on a thread of its own rather than on Dispatch's pool: renders that run in
/// parallel (a weekly brief's layouts) occupy the pool, and `finish` waits for the thread.
final class BreakLookahead: @unchecked Sendable {
    /// Where a paragraph is in the tree: its node, and which of the node's paragraphs it is
    /// (a table's cells; see `BlockFactory.paragraphs(of:)`). Document order.
    struct Key: Comparable, Sendable {
        var node: Int
        var part: Int
        static func < (a: Key, b: Key) -> Bool { (a.node, a.part) < (b.node, b.part) }
    }

    private struct Entry {
        var key: Key
        var spans: [StyledRun]
        var style: TextStyle
        var text: PreparedText
        /// What the entry holds, for the window: its text and spans, four bytes a character
        /// for the analysis.
        var bytes: Int
    }

    // Everything below is read and written under `condition`'s lock.
    /// What the paginating thread has not taken yet, in document order.
    private var ready: [Entry] = []
    private var readyStart = 0
    private var readyBytes = 0
    /// The last paragraph the paginating thread asked for: the lookahead skips what lies before it.
    private var reached = Key(node: -1, part: 0)
    /// The last paragraph the lookahead dealt with (prepared or skipped), and whether it is through.
    private var progress = Key(node: -1, part: 0)
    private var through = false
    private var cancelled = false
    private let condition = NSCondition()
    private let done = DispatchGroup()
    /// How many paragraphs took what was made ahead, and how many had to make it themselves
    /// (for tests and for `DESPATCH_TIMINGS`).
    private var handedOver = 0, notReady = 0

    /// Bytes kept ready ahead of the paginating thread (`Entry.bytes`): some ten pages of
    /// text, so that memory stays flat for any length of document (a window of 256 KB of text
    /// alone added 5 MiB to the peak of a thousand pages).
    static let window = 64 * 1024

    /// Tests only: `take` waits until the lookahead has dealt with the paragraph asked for,
    /// so that what is handed over does not depend on how the threads were scheduled.
    nonisolated(unsafe) static var waitsForTests = false

    /// Starts preparing the paragraphs of `nodes` on another thread. `language` is the
    /// language the Pango context gives a paragraph without one of its own (the one set, or
    /// else the process's default: `pango_context_get_language` returns only the first).
    /// `columnWidth` (points), when given, spares the break analysis of paragraphs too short
    /// to fill a line (see `mayWrap`).
    init(nodes: [DocumentNode], factory: BlockFactory, hyphenator: Hyphenator?, language: OpaquePointer?,
         columnWidth: Double? = nil) {
        let contextLanguage = language.map { UInt(bitPattern: $0) }
        done.enter()
        let thread = Thread { [self] in
            prepare(nodes, factory: factory, hyphenator: hyphenator, language: contextLanguage, columnWidth: columnWidth)
            condition.lock()
            through = true
            condition.broadcast()
            condition.unlock()
            done.leave()
        }
        thread.name = "despatch-lookahead"
        thread.start()
    }

    private func prepare(_ nodes: [DocumentNode], factory: BlockFactory, hyphenator: Hyphenator?, language: UInt?,
                         columnWidth: Double?) {
        // Texts analysed already: a paragraph that comes again (a repeated caption, a
        // template) at the same width and in the same font takes its breaks from the shaper's
        // memory of the first; in any other case the shaper analyses it itself.
        var analysed = Set<Int>()
        for (index, node) in nodes.enumerated() {
            for (part, spans, style, share) in factory.paragraphs(of: node) {
                let key = Key(node: index, part: part)
                condition.lock()
                while !cancelled, readyBytes > Self.window { condition.wait() }
                let skip = cancelled || key <= reached
                if skip { progress = key; condition.broadcast() }
                condition.unlock()
                if cancelled { return }
                if skip { continue }
                var text = PreparedText(spans, style: style, hyphenator: hyphenator)
                if !text.text.isEmpty,
                   columnWidth.map({ Self.mayWrap(text, style: style, width: $0 * share) }) ?? true,
                   analysed.insert(text.text.hashValue).inserted,
                   let language = Self.language(of: text, context: language) {
                    text.breakAnalysis = BreakAnalysis(text.text, language: language)
                }
                let bytes = text.text.utf8.count + spans.reduce(0) { $0 + $1.text.utf8.count }
                    + 4 * (text.breakAnalysis?.attributes.count ?? 0)
                condition.lock()
                if cancelled { condition.unlock(); return }
                ready.append(Entry(key: key, spans: spans, style: style, text: text, bytes: bytes))
                readyBytes += bytes
                progress = key
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// Whether `text` is long enough to be worth analysing for `width`: wider than it even at
    /// a third of an em a byte, narrower than most text's average. The shaper needs no break
    /// analysis for a paragraph that fits on one line, which most headings and table cells
    /// do: analysing them all cost the second core twice the analysis the first one saved.
    /// A wrong guess costs only time: a shorter paragraph that does wrap is analysed by the
    /// shaper itself.
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
    /// spans and style. What was made for earlier paragraphs is let go: the paginating thread
    /// asks in document order, so it will not ask for them (a paragraph wrapped again keeps
    /// its own text).
    func take(_ key: Key, spans: [StyledRun], style: TextStyle) -> PreparedText? {
        condition.lock()
        defer { condition.unlock() }
        reached = max(reached, key)
        var found = drop(through: key, keeping: key, spans: spans, style: style)
        if found == nil, Self.waitsForTests {
            while !cancelled, !through, progress < key { condition.wait() }
            found = drop(through: key, keeping: key, spans: spans, style: style)
        }
        if found != nil { handedOver += 1 } else { notReady += 1 }
        return found
    }

    /// Lets go of the ready entries up to `limit`, returning the text of the one at `key` if
    /// it was made from `spans` and `style`. Called with the lock held.
    private func drop(through limit: Key, keeping key: Key, spans: [StyledRun], style: TextStyle) -> PreparedText? {
        var found: PreparedText?
        while readyStart < ready.count, ready[readyStart].key <= limit {
            let entry = ready[readyStart]
            if entry.key == key, entry.spans == spans, entry.style == style { found = entry.text }
            readyBytes -= entry.bytes
            ready[readyStart].text = PreparedText(text: "", runs: [])
            ready[readyStart].spans = []
            readyStart += 1
        }
        if readyStart > 64, readyStart * 2 > ready.count {
            ready.removeFirst(readyStart)
            readyStart = 0
        }
        condition.broadcast()
        return found
    }

    /// How many paragraphs took what was made ahead, and how many made it themselves.
    var counts: (handedOver: Int, notReady: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (handedOver, notReady)
    }

    /// Waits until every paragraph is prepared (or the window is full): for tests, which
    /// need to know what is ready.
    func waitUntilPrepared() {
        condition.lock()
        while !cancelled, !through, readyBytes <= Self.window { condition.wait() }
        condition.unlock()
    }

    /// Stops the lookahead after the paragraph it is on, without waiting for it, and lets go
    /// of what it had ready: nothing is handed over after this.
    func cancel() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        readyStart = 0
        readyBytes = 0
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the lookahead and waits for its thread (at most the paragraph it is on).
    func finish() {
        cancel()
        done.wait()
    }
}
