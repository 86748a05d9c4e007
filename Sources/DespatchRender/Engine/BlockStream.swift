import DespatchDocument

/// The blocks of a document in flow order, made only when the page breaker reaches them.
///
/// A block holds its text, its prepared (hyphenated) copy and its line metrics; made all at
/// once for a thousand-page document, the blocks were most of the renderer's memory. Made
/// one at a time, a block lives from the moment the breaker needs it until its page has been
/// painted (or, in a counting pass, until its page is finished).
///
/// The breaker also pushes blocks back (the rest of a split paragraph, a block moved to the
/// next frame) and looks ahead (a heading keeps with what follows it): pushed-back blocks come
/// out first, last pushed first, then blocks already made for a look ahead, then new ones.
final class BlockStream {
    private var pushedBack: [Block] = []
    private var ahead: [Block] = []
    private var aheadStart = 0
    private let make: () throws -> Block?

    /// `make` gives the next block of the document, or nil at its end.
    init(_ make: @escaping () throws -> Block?) {
        self.make = make
    }

    /// Blocks already made.
    convenience init(blocks: [Block]) {
        var index = 0
        self.init {
            guard index < blocks.count else { return nil }
            defer { index += 1 }
            return blocks[index]
        }
    }

    /// The blocks of `nodes`, each made by `factory` when it is reached.
    convenience init(nodes: [DocumentNode], factory: BlockFactory) {
        self.init(nodes: nodes, range: nodes.indices, factory: factory)
    }

    /// The blocks of `nodes[range]`, each made by `factory` when it is reached (with its
    /// index in the whole of `nodes`, as `BreakLookahead` numbers them).
    convenience init(nodes: [DocumentNode], range: Range<Int>, factory: BlockFactory) {
        var index = range.lowerBound
        self.init {
            guard index < range.upperBound else { return nil }
            defer { index += 1 }
            return try factory.block(nodes[index], index: index)
        }
    }

    /// Takes the next block.
    func next() throws -> Block? {
        if let block = pushedBack.popLast() { return block }
        if aheadStart < ahead.count {
            let block = ahead[aheadStart]
            aheadStart += 1
            if aheadStart == ahead.count {
                ahead.removeAll(keepingCapacity: true)
                aheadStart = 0
            }
            return block
        }
        return try make()
    }

    /// Puts a block back: it is the next one taken.
    func pushBack(_ block: Block) {
        pushedBack.append(block)
    }

    /// The block that `offset` further takes would give after the next one (0: the next one),
    /// without taking it; nil past the end of the document.
    func peek(_ offset: Int) throws -> Block? {
        if offset < pushedBack.count { return pushedBack[pushedBack.count - 1 - offset] }
        let index = aheadStart + offset - pushedBack.count
        while index >= ahead.count {
            guard let block = try make() else { return nil }
            ahead.append(block)
        }
        return ahead[index]
    }
}
