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

    /// Every frame (each column of each page), not only each page, and headings followed by
    /// paragraphs too short to be split (fewer than twice `min_lines` lines): such a heading
    /// goes to the next frame with its paragraph instead of staying behind alone.
    func testNoFrameEndsWithABlockThatKeepsWithTheNext() throws {
        var stranded: [String] = []
        var frames = 0
        for columns in [1, 2, 3] {
            for articles in [4, 6, 9] {
                let pages = try paginate(varied(articles: articles), minLines: 2, columns: columns)
                for (p, page) in pages.enumerated() {
                    let byColumn = Dictionary(grouping: page.placements, by: { Int($0.x.rounded()) })
                    for (x, placements) in byColumn {
                        frames += 1
                        guard let last = placements.max(by: { $0.y < $1.y }) else { continue }
                        let documentEnd = p == pages.count - 1 && x == byColumn.keys.max()
                        if last.block.keepWithNext, !documentEnd {
                            stranded.append("\(articles) articles, \(columns) column(s): page \(p + 1), column at x=\(x)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(frames, 100)
        XCTAssertEqual(stranded, [], "frames ending with a heading or dateline")
    }

    /// The same on the samples, through every shipped layout (one, two and three columns):
    /// the newsletter's two columns left a task list's heading and count line, and the
    /// articles' section heading, alone at the foot of a column.
    func testNoFrameOfAShippedLayoutEndsWithABlockThatKeepsWithTheNext() throws {
        let pipeline = SampleRender.pipeline
        let digest = try pipeline.analyze(try pipeline.loadCorpus(Repo.samples))
        let renderer = try Synthetic.renderer()
        var stranded: [String] = []
        var checked = 0
        for name in ["default", "newsletter", "ambassador-desk", "vi-briefing", "fr-briefing", "executive"] {
            let layout = try pipeline.loadLayout(name)
            let tree = DocumentBuilder(digest: digest, layout: layout, labels: pipeline.labels(for: layout), title: "T", week: nil).build()
            let factory = BlockFactory(styles: StyleSheet(layout: layout), minLines: layout.paragraph.minLines, columns: layout.page.columns)
            let hyphenator = layout.language.hyphenate ? HyphenatorLoader.shared(for: layout.language.code) : nil
            let context = RenderContext(pango: renderer.pango, hyphenator: hyphenator)
            var pages: [PageLayout] = []
            try PageBreaker(geometry: DocumentRenderer.geometry(layout.page), maxPages: 500)
                .paginate(BlockStream(nodes: tree.nodes, factory: factory), columns: layout.page.columns, in: context) { pages.append($0) }
            for (p, page) in pages.enumerated() {
                let byColumn = Dictionary(grouping: page.placements, by: { Int($0.x.rounded()) })
                for (x, placements) in byColumn {
                    checked += 1
                    guard let last = placements.max(by: { $0.y < $1.y }) else { continue }
                    if last.block.keepWithNext, !(p == pages.count - 1 && x == byColumn.keys.max()) {
                        stranded.append("\(name): page \(p + 1), column at x=\(x)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 60)
        XCTAssertEqual(stranded, [], "frames ending with a heading, a dateline or a count line")
    }

    func testHeadingsAndDatelinesNeverEndAPage() throws {
        let pages = try paginate(varied(articles: 6), minLines: 2)
        for (i, page) in pages.dropLast().enumerated() {
            let last = try XCTUnwrap(page.placements.last?.block)
            XCTAssertFalse(last.keepWithNext, "page \(i + 1) ends with a block that keeps with the next")
        }
    }
}
