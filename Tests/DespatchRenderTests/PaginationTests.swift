import DespatchLayout
import DespatchModel
import DespatchRender
import Foundation
import XCTest

/// The page breaker seen from outside the PDF: tables that continue with their header,
/// long text that never leaves the margins, pagination that always ends.
final class PaginationTests: XCTestCase {
    func testTableOf200ReactionsRepeatsItsHeaderOnEveryPage() throws {
        let pdf = try Synthetic.temporaryPDF("table")
        let report = try Synthetic.renderer().renderPDF(
            digest: Synthetic.reactions(200), layout: Synthetic.layout([SectionSpec(type: .reactions)]),
            labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        XCTAssertGreaterThan(report.pageCount, 3)
        var rowsSeen = Set<Int>()
        for page in 1...report.pageCount {
            let text = PDFTools.flat(try PDFTools.text(pdf, page: page))
            XCTAssertTrue(text.contains("Speaker") && text.contains("Country") && text.contains("Gist"), "no header on page \(page)")
            for match in text.matches(of: #/Envoy (\d+)/#) { rowsSeen.insert(Int(match.1)!) }
        }
        XCTAssertEqual(rowsSeen, Set(1...200), "every row appears")
    }

    func testARowTallerThanAPageIsSplitByLines() throws {
        let pdf = try Synthetic.temporaryPDF("tallrow")
        let digest = Synthetic.reactions(3, gistWords: 4000)
        let report = try Synthetic.renderer().renderPDF(
            digest: digest, layout: Synthetic.layout([SectionSpec(type: .reactions)]),
            labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        XCTAssertGreaterThan(report.pageCount, 3)
        let text = try PDFTools.text(pdf)
        XCTAssertEqual(text.components(separatedBy: "cooperation").count - 1, 3 * 4000)
    }

    func testFiftyPageArticleStaysInsideTheMargins() throws {
        let pdf = try Synthetic.temporaryPDF("long")
        let hugeWord = String(repeating: "ж", count: 5000)
        let url = "https://example.org/" + String(repeating: "path/", count: 600)
        let layout = Synthetic.layout([SectionSpec(type: .articles, summarySentences: 0)])
        let report = try Synthetic.renderer().renderPDF(
            digest: Synthetic.longArticle(paragraphs: 400, extra: [hugeWord, url]), layout: layout,
            labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        XCTAssertGreaterThanOrEqual(report.pageCount, 50)
        let bbox = try PDFTools.run("pdftotext", ["-bbox", pdf, "-"])
        XCTAssertEqual(bbox.status, 0)
        let mm = 72.0 / 25.4
        let (left, right) = (layout.page.margins.left * mm, (layout.page.widthMM - layout.page.margins.right) * mm)
        let (top, bottom) = (layout.page.margins.top * mm, (layout.page.heightMM - layout.page.margins.bottom) * mm)
        var words = 0
        for m in bbox.stdout.matches(of: #/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>/#) {
            let (x0, y0, x1, y1) = (Double(m.1)!, Double(m.2)!, Double(m.3)!, Double(m.4)!)
            // The footer ("12/57") is the one thing that belongs in the bottom margin.
            if m.5.wholeMatch(of: #/\d+/\d+/#) != nil, y0 > bottom { continue }
            words += 1
            XCTAssertGreaterThanOrEqual(x0, left - 1.5)
            XCTAssertLessThanOrEqual(x1, right + 1.5, "word runs into the right margin: \(m.0)")
            XCTAssertGreaterThanOrEqual(y0, top - 1)
            XCTAssertLessThanOrEqual(y1, bottom + 1)
            if x1 > right + 1.5 { break }
        }
        XCTAssertGreaterThan(words, 50 * 300)
        // Every character of the huge word arrives, broken over lines.
        let text = try PDFTools.text(pdf)
        XCTAssertEqual(text.filter { $0 == "ж" }.count, 5000)
        XCTAssertEqual(text.components(separatedBy: "path/").count - 1, 600, "the long URL arrives whole")
    }

    func testTwoColumnsFlowLeftThenRight() throws {
        let pdf = try Synthetic.temporaryPDF("columns")
        let layout = Synthetic.layout([SectionSpec(type: .articles, summarySentences: 0)], columns: 2)
        _ = try Synthetic.renderer().renderPDF(digest: Synthetic.longArticle(paragraphs: 12), layout: layout,
                                               labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        let bbox = try PDFTools.run("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"]).stdout
        let mid = layout.page.widthMM * 72 / 25.4 / 2
        let xs = bbox.matches(of: #/<word xMin="([\d.]+)"/#).map { Double($0.1)! }
        XCTAssertTrue(xs.contains { $0 < mid - 20 } && xs.contains { $0 > mid + 5 }, "text in both columns")
    }

    func testPNGPreviewsOnePerPage() throws {
        let folder = try Repo.temporaryFolder("png")
        var request = Synthetic.request()
        request.pngDirectory = folder + "/png"
        request.pngScale = 0.5
        let report = try Synthetic.renderer().renderPDF(digest: Synthetic.longArticle(paragraphs: 30),
                                                        layout: Synthetic.layout([SectionSpec(type: .articles)]),
                                                        labels: Synthetic.labels, request: request, to: folder + "/p.pdf")
        let pngs = try FileManager.default.contentsOfDirectory(atPath: folder + "/png").filter { $0.hasSuffix(".png") }
        XCTAssertEqual(pngs.count, report.pageCount)
        let header = try Data(contentsOf: URL(fileURLWithPath: folder + "/png/page-001.png")).prefix(8)
        XCTAssertEqual(Array(header), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testPageLimitIsAnErrorAndLeavesNoFile() throws {
        let pdf = try Synthetic.temporaryPDF("limit")
        var request = Synthetic.request()
        request.maxPages = 3
        XCTAssertThrowsError(try Synthetic.renderer().renderPDF(
            digest: Synthetic.longArticle(paragraphs: 100), layout: Synthetic.layout([SectionSpec(type: .articles)]),
            labels: Synthetic.labels, request: request, to: pdf)) { error in
            XCTAssertTrue(String(describing: error).contains("3 pages"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf))
        let folder = URL(fileURLWithPath: pdf).deletingLastPathComponent().path
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testPageLimitedLayoutDropsLowestRankedItemsToFit() throws {
        let pdf = try Synthetic.temporaryPDF("onepage")
        var layout = Synthetic.layout([SectionSpec(type: .reactions, max: 50), SectionSpec(type: .articles)])
        layout.maxPages = 1
        let report = try Synthetic.renderer().renderPDF(digest: Synthetic.reactions(60), layout: layout,
                                                        labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        XCTAssertEqual(report.pageCount, 1)
        XCTAssertEqual(try PDFTools.pageCount(pdf), 1)
        XCTAssertGreaterThan(report.droppedItems, 0)
        let text = PDFTools.flat(try PDFTools.text(pdf))
        XCTAssertTrue(text.contains("Envoy 1 "), "the highest-ranked item stays")
        XCTAssertFalse(text.contains("Envoy 50 "), "the lowest-ranked item goes")
        XCTAssertTrue(text.contains("More in the full digest."))
    }

    /// A section made of several lists, each cut at the same `max` (task groups): lowering
    /// `max` below the total shown changes nothing, so the fitter must go below the longest
    /// list. This once looped for ever on a one-article weekly brief.
    func testPageLimitedLayoutShrinksASectionOfSeveralLists() throws {
        let pdf = try Synthetic.temporaryPDF("onepage-lists")
        let item = "Deepen cooperation in trade, investment, science, education and climate policy with every partner"
        let lists = (1...8).map { n in
            TaskList(label: "list \(n)", statedCount: nil, items: (1...12).map { "Task \(n).\($0): \(item)" })
        }
        let digest = Digest(generator: "test", articles: [ArticleDigest(file: "a.txt", title: "A", date: "2026-01-02",
                                                                        source: "Wire", taskLists: lists)])
        var layout = Synthetic.layout([SectionSpec(type: .taskGroups, max: 12)])
        layout.maxPages = 1
        let report = try Synthetic.renderer().renderPDF(digest: digest, layout: layout, labels: Synthetic.labels,
                                                        request: Synthetic.request(), to: pdf)
        XCTAssertEqual(report.pageCount, 1)
        XCTAssertEqual(try PDFTools.pageCount(pdf), 1)
        XCTAssertGreaterThan(report.droppedItems, 0)
        let text = PDFTools.flat(try PDFTools.text(pdf))
        XCTAssertTrue(text.contains("Task 1.1:"), "the first item of a list stays")
        XCTAssertFalse(text.contains("Task 1.12:"), "the last items go")
    }
}
