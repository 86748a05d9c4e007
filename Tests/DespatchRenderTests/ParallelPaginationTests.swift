import DespatchApp
import DespatchDocument
import DespatchLayout
@testable import DespatchRender
import Foundation
import XCTest

/// A short document is paginated in two parts at once, split at a page break, the second on
/// a thread with a font map of its own (`ParallelPagination`). Which thread measured a page
/// must never show: in one part or in two, every render is the same to the byte.
final class ParallelPaginationTests: XCTestCase {
    func sampleRender(_ layout: String, parallel: Bool, budget: Int? = nil) throws -> (pdf: Data, report: RenderReport) {
        try SampleRender.render(layout, label: "parallel-\(parallel)-\(budget ?? -1)",
                                options: RenderOptions(shapedTextBudget: budget, parallelPagination: parallel))
    }

    func testEveryShippedLayoutIsTheSameInOneOrTwoParts() throws {
        for layout in ["default", "ambassador-desk", "fr-briefing", "newsletter", "vi-briefing", "executive"] {
            let two = try sampleRender(layout, parallel: true)
            let one = try sampleRender(layout, parallel: false)
            XCTAssertGreaterThan(two.pdf.count, 10_000, layout)
            XCTAssertEqual(two.pdf, one.pdf, "\(layout): paginating in two parts changed the PDF")
            XCTAssertEqual(two.report.anchorPages, one.report.anchorPages, layout)
            XCTAssertEqual(one.report.secondThreadPages, 0, layout)
            if ["default", "fr-briefing", "newsletter", "vi-briefing"].contains(layout) {
                // The articles, in full after a page break, are the second part.
                XCTAssertGreaterThan(two.report.secondThreadPages, 3, "\(layout) was paginated in one part")
                XCTAssertLessThan(two.report.secondThreadPages, two.report.pageCount, layout)
            }
            if layout == "executive" {
                XCTAssertEqual(two.report.secondThreadPages, 0, "a page-limited layout is fitted one part at a time")
            }
        }
    }

    /// A document longer than the shaped-text budget is paginated in one part (and again to
    /// be painted), as before.
    func testADocumentOverTheBudgetIsPaginatedInOnePart() throws {
        let small = try sampleRender("default", parallel: true, budget: 8_000)
        XCTAssertEqual(small.report.secondThreadPages, 0)
        XCTAssertEqual(small.pdf, try sampleRender("default", parallel: false).pdf)
    }

    func paragraph(_ bytes: Int) -> DocumentNode {
        .paragraph([Span(String(repeating: "word ", count: bytes / 5))], .body, keepWithNext: false)
    }

    func testTheSplitIsThePageBreakThatDividesTheTextMostEvenly() {
        let nodes: [DocumentNode] = [
            .heading(.title, "Cover", anchor: nil), .pageBreak(columns: nil),          // 0, 1
            paragraph(4_000), .pageBreak(columns: 2),                                    // 2, 3
            paragraph(6_000), .pageBreak(columns: nil),                                  // 4, 5
            paragraph(9_000), .pageBreak(columns: 1), paragraph(1_000),                  // 6, 7, 8
        ]
        // Before node 5: 5 + 4,000 + 6,000 bytes; from it, 10,000.
        XCTAssertEqual(ParallelPagination.split(of: nodes, firstColumns: 1, budget: 96 * 1024),
                       ParallelPagination.Split(node: 5, columns: 2), "the columns in force before the break are handed over")
        XCTAssertNil(ParallelPagination.split(of: nodes, firstColumns: 1, budget: 15_000), "over the budget")
        XCTAssertNil(ParallelPagination.split(of: Array(nodes.prefix(5)), firstColumns: 1, budget: 96 * 1024),
                     "less text than is worth a second thread")
    }

    func testNoSplitLeavesAPartEmptyOrTooSmall() {
        // A break before any content would make the first part an empty page.
        XCTAssertNil(ParallelPagination.split(of: [.spacer(10), .pageBreak(columns: nil), paragraph(20_000)],
                                              firstColumns: 1, budget: 96 * 1024))
        // The only break leaves a twentieth of the text on one side.
        XCTAssertNil(ParallelPagination.split(of: [paragraph(19_000), .pageBreak(columns: nil), paragraph(1_000)],
                                              firstColumns: 1, budget: 96 * 1024))
        XCTAssertNotNil(ParallelPagination.split(of: [paragraph(12_000), .pageBreak(columns: nil), paragraph(8_000)],
                                                 firstColumns: 1, budget: 96 * 1024))
    }

    /// Split where two columns are in force and the second part opens without a section
    /// heading: its pages must be the one pass's, column positions and running titles included.
    func testThePagesOfTwoPartsAreThoseOfOnePass() throws {
        let renderer = try Synthetic.renderer()
        let layout = Synthetic.layout([SectionSpec(type: .articles)])
        let factory = BlockFactory(styles: StyleSheet(layout: layout), minLines: 2, columns: 2)
        let breaker = PageBreaker(geometry: DocumentRenderer.geometry(layout.page), maxPages: 100)
        func paragraphs(_ count: Int, _ label: String) -> [DocumentNode] {
            (0..<count).map { p in
                .paragraph([Span((0..<8).map { "Sentence \($0) of \(label) paragraph \(p) says something about the plan." }
                                .joined(separator: " "))], .body, keepWithNext: false)
            }
        }
        let nodes: [DocumentNode] = [.heading(.section, "One", anchor: Anchor(name: "sec-one", title: "One", level: 0))]
            + paragraphs(8, "first") + [.pageBreak(columns: 2)] + paragraphs(8, "second") + [.pageBreak(columns: nil)]
            + paragraphs(24, "third") + [.heading(.section, "Two", anchor: Anchor(name: "sec-two", title: "Two", level: 0))]
            + paragraphs(4, "fourth")
        // The second break (where two columns are in force) divides the text most evenly.
        let secondBreak = nodes.indices.filter { if case .pageBreak = nodes[$0] { return true } else { return false } }[1]
        let split = try XCTUnwrap(ParallelPagination.split(of: nodes, firstColumns: 1, budget: 96 * 1024))
        XCTAssertEqual(split, ParallelPagination.Split(node: secondBreak, columns: 2))

        var onePass: [PageLayout] = []
        _ = try breaker.paginate(BlockStream(nodes: nodes, factory: factory), columns: 1,
                                 in: RenderContext(pango: renderer.pango, hyphenator: nil)) { onePass.append($0) }
        let joined = try XCTUnwrap(ParallelPagination.paginate(nodes, at: split, firstColumns: 1, breaker: breaker, factory: factory,
                                                               context: RenderContext(pango: renderer.pango, hyphenator: nil),
                                                               fontMap: nil))
        XCTAssertEqual(joined.pages.count, onePass.count)
        XCTAssertGreaterThan(joined.pages.count - joined.firstCount, 3)
        func shape(_ pages: [PageLayout]) -> [String] {
            pages.map { page in
                page.section + " | " + page.anchors.map(\.name).joined(separator: ",") + " | "
                    + page.placements.map { String(format: "%.2f,%.2f", $0.x, $0.y) }.joined(separator: " ")
            }
        }
        XCTAssertEqual(shape(joined.pages), shape(onePass))
        // The second part opens in two columns, under the first part's running title.
        let firstOfSecond = onePass[joined.firstCount]
        XCTAssertEqual(firstOfSecond.section, "One")
        XCTAssertGreaterThan(Set(firstOfSecond.placements.map { Int($0.x) }).count, 1, "one column where two are in force")
    }

    /// A part that fails makes the pagination fall back to one pass (nil), which meets the
    /// failure a single pass meets first.
    func testAFailingPartGivesNoJoinedPages() throws {
        let renderer = try Synthetic.renderer()
        let layout = Synthetic.layout([SectionSpec(type: .articles)])
        let factory = BlockFactory(styles: StyleSheet(layout: layout), minLines: 2, columns: 1)
        let text = String(repeating: "A sentence of some length for the test. ", count: 60)
        let nodes: [DocumentNode] = [.paragraph([Span(text)], .body, keepWithNext: false)]
            + Array(repeating: .paragraph([Span(text)], .body, keepWithNext: false), count: 6)
            + [.pageBreak(columns: nil)] + Array(repeating: .paragraph([Span(text)], .body, keepWithNext: false), count: 6)
            + [.image(path: "/nonexistent/picture.png", maxWidth: 100)]
        let split = try XCTUnwrap(ParallelPagination.split(of: nodes, firstColumns: 1, budget: 96 * 1024))
        let breaker = PageBreaker(geometry: DocumentRenderer.geometry(layout.page), maxPages: 100)
        XCTAssertNil(ParallelPagination.paginate(nodes, at: split, firstColumns: 1, breaker: breaker, factory: factory,
                                                 context: RenderContext(pango: renderer.pango, hyphenator: nil), fontMap: nil))
        // Over the page limit together, though each part is within it.
        let tight = PageBreaker(geometry: DocumentRenderer.geometry(layout.page), maxPages: 4)
        let fine = Array(nodes.dropLast())
        let count = try breaker.paginate(BlockStream(nodes: fine, factory: factory), columns: 1,
                                         in: RenderContext(pango: renderer.pango, hyphenator: nil)) { _ in }
        XCTAssertGreaterThan(count, 4)
        XCTAssertNil(ParallelPagination.paginate(fine, at: split, firstColumns: 1, breaker: tight, factory: factory,
                                                 context: RenderContext(pango: renderer.pango, hyphenator: nil), fontMap: nil))
    }

    /// The second part's pages before its first section heading take the running section
    /// title the first part ended with, as one pass gives them.
    func testTheSectionTitleIsCarriedIntoTheSecondPart() {
        func page(_ anchors: [Anchor], section: String = "") -> PageLayout {
            PageLayout(placements: [], anchors: anchors, section: section)
        }
        let first = [page([Anchor(name: "sec-a", title: "Themes", level: 0)], section: "Themes"),
                     page([Anchor(name: "sec-b", title: "Reactions", level: 0), Anchor(name: "r", title: "Envoy", level: 1)]),
                     page([])]
        XCTAssertEqual(ParallelPagination.section(after: first), "Reactions")
        var rest = [page([]), page([Anchor(name: "x", title: "An article", level: 1)]),
                    page([Anchor(name: "sec-c", title: "Articles", level: 0)], section: "Articles"), page([], section: "Articles")]
        ParallelPagination.carry(section: "Reactions", into: &rest)
        XCTAssertEqual(rest.map(\.section), ["Reactions", "Reactions", "Articles", "Articles"])
    }
}
