@testable import DespatchRender
import DespatchDocument
import DespatchLayout
import DespatchModel
import XCTest

/// The page breaker's typographic rules, checked on its own output: no widows or orphans
/// (a paragraph split over two frames keeps at least `min_lines` lines on each side), and
/// headings and datelines keep with what follows (never the last block of a page).
final class PageFlowRulesTests: XCTestCase {
    func paginate(_ digest: Digest, minLines: Int, columns: Int = 1) throws -> [PageLayout] {
        let renderer = try Synthetic.renderer()
        var layout = Synthetic.layout([SectionSpec(type: .articles, summarySentences: 0)], columns: columns)
        layout.paragraph.minLines = minLines
        let context = RenderContext(pango: renderer.pango, hyphenator: nil)
        let tree = DocumentBuilder(digest: digest, layout: layout, labels: Synthetic.labels, title: "T", week: nil).build()
        let blocks = try BlockFactory(styles: StyleSheet(layout: layout), minLines: minLines, columns: columns).blocks(for: tree)
        return try PageBreaker(geometry: DocumentRenderer.geometry(layout.page), maxPages: 500).paginate(blocks, columns: columns, in: context)
    }

    /// Articles of paragraphs from one to nine sentences long, each paragraph marked "¶a.n".
    func varied(articles: Int) -> Digest {
        let sentence = "The delegation discussed cooperation in trade, investment and education with its partners."
        let digests = (1...articles).map { a in
            ArticleDigest(file: "a\(a).txt", title: "Article \(a) on the outcome of the talks", date: "2026-01-0\(a % 9 + 1)",
                          source: "Wire", paragraphs: (1...14).map { n in
                              "¶\(a).\(n) " + Array(repeating: sentence, count: (a * 7 + n * 3) % 9 + 1).joined(separator: " ")
                          })
        }
        return Digest(generator: "test", articles: digests)
    }

    func fragments(_ pages: [PageLayout]) -> [String: [Int]] {
        var lines: [String: [Int]] = [:]
        for page in pages {
            for placement in page.placements {
                guard let p = placement.block as? ParagraphBlock, let first = p.spans.first?.text, first.hasPrefix("¶") else { continue }
                lines[String(first.prefix { $0 != " " }), default: []].append(p.lineCount)
            }
        }
        return lines
    }

    func testSplitParagraphsKeepAtLeastTwoLinesOnEachSide() throws {
        for columns in [1, 2] {
            let pages = try paginate(varied(articles: 6), minLines: 2, columns: columns)
            XCTAssertGreaterThan(pages.count, 5)
            let split = fragments(pages).filter { $0.value.count > 1 }
            XCTAssertFalse(split.isEmpty, "some paragraphs must cross a frame for the test to mean anything")
            for (marker, parts) in split {
                XCTAssertTrue(parts.allSatisfy { $0 >= 2 }, "\(marker) split as \(parts) lines (\(columns) column(s))")
            }
        }
    }

    func testWithOneMinimumLineTheSameFlowHasOrphansOrWidows() throws {
        // The counter-check: the rule above is what keeps single lines away.
        let pages = try paginate(varied(articles: 6), minLines: 1)
        XCTAssertTrue(fragments(pages).values.contains { $0.count > 1 && $0.contains(1) })
    }

    func testHeadingsAndDatelinesNeverEndAPage() throws {
        let pages = try paginate(varied(articles: 6), minLines: 2)
        for (i, page) in pages.dropLast().enumerated() {
            let last = try XCTUnwrap(page.placements.last?.block)
            XCTAssertFalse(last.keepWithNext, "page \(i + 1) ends with a block that keeps with the next")
        }
    }
}
