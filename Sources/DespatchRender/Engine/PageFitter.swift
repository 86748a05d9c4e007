import DespatchDocument
import DespatchLayout

/// Fits a page-limited layout (`max_pages`, the executive one-pager) by leaving out its
/// lowest-ranked items, then gives back what still fits.
///
/// Shrinking: each round lowers one section's `max` below its longest list (the section
/// showing the most items goes first), so every round shows fewer items; when every list is
/// down to one item, the last section goes whole (the layout's order is its ranking). Every
/// round removes something, so the loop ends: fitted, or nothing left to drop (an error).
/// Growing back: large steps overshoot, so once it fits each section in layout order takes
/// back one item at a time while the document still fits.
struct PageFitter {
    struct Result {
        var layout: LayoutDescription
        var pagination: Pagination
        var droppedItems: Int
        var droppedSections: [String]
    }

    let limit: Int
    /// Builds the document tree for a layout and paginates it.
    let paginate: (LayoutDescription) throws -> Pagination

    func fit(_ layout: LayoutDescription, first: Pagination) throws -> Result {
        let shownAtFirst = first.tree.sectionItems.reduce(0) { $0 + $1.shown }
        var fitted = layout
        var pagination = first
        var droppedSections: [String] = []
        var shrunk = false
        while pagination.pageCount > limit {
            if let largest = pagination.tree.sectionItems.filter({ $0.longestList > 1 }).max(by: { $0.shown < $1.shown }) {
                // Far over the limit: larger steps first, then one item at a time.
                let step = pagination.pageCount > limit + 1 ? max(1, largest.longestList / 4) : 1
                fitted.sections[largest.section].max = largest.longestList - step
                shrunk = true
            } else if fitted.sections.count > 1 {
                droppedSections.append(fitted.sections.removeLast().type.rawValue)
            } else {
                throw RenderError.tooManyPages(limit: limit)
            }
            pagination = try paginate(fitted)
        }
        if shrunk {
            // The most items a section had before shrinking: the ceiling for growing back.
            var ceiling: [Int: Int] = [:]
            for items in first.tree.sectionItems { ceiling[items.section] = items.longestList }
            for index in fitted.sections.indices {
                guard let shownMax = fitted.sections[index].max, let top = ceiling[index],
                      index < layout.sections.count, fitted.sections[index].type == layout.sections[index].type else { continue }
                let cap = min(top, layout.sections[index].max ?? top)
                var current = shownMax
                while current < cap {
                    var candidate = fitted
                    candidate.sections[index].max = current + 1
                    let candidatePagination = try paginate(candidate)
                    guard candidatePagination.pageCount <= limit else { break }
                    (fitted, pagination, current) = (candidate, candidatePagination, current + 1)
                }
            }
        }
        let dropped = shownAtFirst - pagination.tree.sectionItems.reduce(0) { $0 + $1.shown }
        return Result(layout: fitted, pagination: pagination, droppedItems: dropped, droppedSections: droppedSections)
    }
}
