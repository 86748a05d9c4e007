import DespatchDocument

/// What paginating a document found: how many pages, where every anchor landed (for the
/// contents, cross references and "page X of Y"), and, for a document within the shaped-text
/// budget, the pages themselves.
struct Pagination {
    var tree: DocumentTree
    var pageCount: Int
    /// Page number (from 1) of each anchor's first appearance, and its title.
    var anchorPages: [String: Int]
    var anchorTitles: [String: String]
    /// The pages, with their measured blocks, when all the blocks on them kept their shaped
    /// text: they are painted as they are. Nil for a document longer than the budget, whose
    /// pages were let go as soon as they were counted: it is paginated again page by page
    /// while it is painted, so that its blocks are never all in memory at once.
    var pages: [PageLayout]?

    init(tree: DocumentTree) {
        self.tree = tree
        pageCount = 0
        anchorPages = [:]
        anchorTitles = [:]
        pages = []
    }

    /// Notes a finished page: its anchors, and the page itself while the document is within
    /// the budget (`keep`).
    mutating func record(_ page: PageLayout, keep: Bool) {
        pageCount += 1
        for anchor in page.anchors where anchorPages[anchor.name] == nil {
            anchorPages[anchor.name] = pageCount
            anchorTitles[anchor.name] = anchor.title
        }
        if keep { pages?.append(page) } else { pages = nil }
    }
}
