@testable import DespatchRender
import DespatchDocument
import DespatchLayout
import DespatchModel
import XCTest

/// The page breaker takes its blocks from a stream that makes each one only when it is
/// reached: the order must be the document's, with pushed-back pieces first and look-ahead
/// blocks given out once, and paginating from the stream must give the pages the whole
/// block list gives.
final class BlockStreamTests: XCTestCase {
    func testOrderWithPushBackAndLookAhead() throws {
        let blocks = (0..<5).map { SpacerBlock(Double($0)) }
        var made = 0
        let stream = BlockStream {
            guard made < blocks.count else { return nil }
            defer { made += 1 }
            return blocks[made]
        }
        XCTAssertEqual(made, 0, "nothing is made before it is asked for")
        XCTAssertTrue(try stream.next() === blocks[0])
        XCTAssertEqual(made, 1)
        XCTAssertTrue(try stream.peek(1) === blocks[2])
        XCTAssertEqual(made, 3, "a look ahead makes only what it looks at")
        let rest = SpacerBlock(99)
        stream.pushBack(rest)
        XCTAssertTrue(try stream.peek(0) === rest)
        XCTAssertTrue(try stream.peek(2) === blocks[2])
        XCTAssertTrue(try stream.next() === rest)
        XCTAssertTrue(try stream.next() === blocks[1])
        XCTAssertTrue(try stream.next() === blocks[2])
        XCTAssertEqual(made, 3, "blocks made for a look ahead are given out, not made again")
        XCTAssertTrue(try stream.next() === blocks[3])
        XCTAssertTrue(try stream.peek(1) == nil)
        XCTAssertTrue(try stream.next() === blocks[4])
        XCTAssertTrue(try stream.next() == nil)
    }

    func testStreamedPaginationEqualsPaginationOfAllBlocks() throws {
        let renderer = try Synthetic.renderer()
        let layout = Synthetic.layout([SectionSpec(type: .articles, summarySentences: 0)], columns: 2)
        let context = RenderContext(pango: renderer.pango, hyphenator: nil)
        let sentence = "Delegates agreed on the plan and asked for a report on its progress by the spring."
        let digest = Digest(generator: "test", articles: (1...6).map { a in
            ArticleDigest(file: "a\(a).txt", title: "Article \(a)", date: "2026-01-0\(a)", source: "Wire",
                          paragraphs: (1...12).map { n in Array(repeating: sentence, count: (a + n) % 7 + 1).joined(separator: " ") })
        })
        let tree = DocumentBuilder(digest: digest, layout: layout, labels: Synthetic.labels, title: "T", week: nil).build()
        let factory = BlockFactory(styles: StyleSheet(layout: layout), minLines: 2, columns: 2)
        let breaker = PageBreaker(geometry: DocumentRenderer.geometry(layout.page), maxPages: 500)
        func shape(_ pages: [PageLayout]) -> [[String]] {
            pages.map { page in page.placements.map { "\($0.x),\($0.y),\(type(of: $0.block))" } }
        }
        let whole = try breaker.paginate(try factory.blocks(for: tree), columns: 2, in: context)
        var streamed: [PageLayout] = []
        let count = try breaker.paginate(BlockStream(nodes: tree.nodes, factory: factory), columns: 2, in: context) { streamed.append($0) }
        XCTAssertGreaterThan(whole.count, 3)
        XCTAssertEqual(count, whole.count)
        XCTAssertEqual(shape(streamed), shape(whole))
        XCTAssertEqual(streamed.map { $0.anchors.map(\.name) }, whole.map { $0.anchors.map(\.name) })
    }
}
