import CPangoCairo
import DespatchApp
import DespatchDocument
import DespatchLayout
import DespatchModel
@testable import DespatchRender
import Foundation
import XCTest

/// Paragraphs are hyphenated and given Pango's break analysis on a second thread while the
/// first paginates (`BreakLookahead`). Which thread prepared a paragraph must never show in
/// the document: with and without the lookahead, every render is the same to the byte.
///
/// The threads' timing must not decide what the tests see either: the paginating thread waits
/// here for the lookahead (`waitsForTests`), so the counts of what was handed over are the
/// same on a busy machine as on an idle one.
final class BreakLookaheadTests: XCTestCase {
    override func setUp() { BreakLookahead.waitsForTests = true }
    override func tearDown() { BreakLookahead.waitsForTests = false }

    /// In one part (`ParallelPagination` paginates a short document without the lookahead).
    func sampleRender(_ layout: String, budget: Int? = nil, lookahead: Bool) throws -> (pdf: Data, report: RenderReport) {
        let folder = try Repo.temporaryFolder("lookahead-\(layout)-\(budget ?? -1)-\(lookahead)")
        let pdf = folder + "/\(layout).pdf"
        let report = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: layout, output: pdf,
                                                         options: RenderOptions(shapedTextBudget: budget, lookahead: lookahead,
                                                                                parallelPagination: false))
        return (try Data(contentsOf: URL(fileURLWithPath: pdf)), report)
    }

    func testTheSamplesAreTheSameWithAndWithoutTheLookahead() throws {
        // English hyphenated, in columns, in Vietnamese (not hyphenated, language-tagged runs).
        var preparedInFull = 0
        for layout in ["default", "newsletter", "vi-briefing"] {
            let with = try sampleRender(layout, lookahead: true)
            let without = try sampleRender(layout, lookahead: false)
            XCTAssertGreaterThan(with.pdf.count, 10_000)
            XCTAssertEqual(with.pdf, without.pdf, "\(layout): the lookahead changed the PDF")
            XCTAssertEqual(without.report.preparedAhead, 0)
            XCTAssertEqual(without.report.breakAnalysesAhead, 0)
            // Every paragraph of the tree but those made outside it (contents entries,
            // timeline labels); and the shaper broke lines over the analyses handed over.
            XCTAssertGreaterThan(with.report.preparedAhead, 150, "\(layout): the lookahead prepared almost nothing")
            XCTAssertGreaterThan(with.report.breakAnalysesAhead, 40, "\(layout): the shaper used no analysis made ahead")
            if layout == "default" { preparedInFull = with.report.preparedAhead }
        }
        // A budget of zero: every page paginated a second time and shaped again to paint. The
        // lookahead stops once the first page shows the document to be longer than the budget.
        let long = try sampleRender("default", budget: 0, lookahead: true)
        XCTAssertEqual(long.pdf, try sampleRender("default", budget: 0, lookahead: false).pdf,
                       "a budget of zero: the lookahead changed the PDF")
        XCTAssertGreaterThan(long.report.preparedAhead, 0)
        XCTAssertLessThan(long.report.preparedAhead, preparedInFull / 4, "the lookahead went on past the budget")
    }

    /// Both sides number a table's cells alike (the header's, then each row's, left to right;
    /// a short row has no cells past its end, a long one none past the columns), so each cell
    /// finds what was prepared for it.
    func testTableCellsAreNumberedAlikeOnBothSides() throws {
        let layout = Synthetic.layout([SectionSpec(type: .articles)])
        let factory = BlockFactory(styles: StyleSheet(layout: layout), minLines: 2, columns: 1)
        let node = DocumentNode.table(
            columns: [TableColumn(title: "Speaker", weight: 1), TableColumn(title: "Country", weight: 1), TableColumn(title: "Gist", weight: 3)],
            rows: [[[Span("Envoy")], [Span("Norway")], [Span("Congratulated the Congress")]],
                   [[Span("Short row")]],
                   [[], [Span("")], [Span("An empty first cell")]],
                   [[Span("A")], [Span("B")], [Span("C")], [Span("A fourth cell, past the columns")]]])
        let table = try XCTUnwrap(try factory.block(node, index: 7) as? TableBlock)
        let blocks = table.cellBlocks
        let prepared = factory.paragraphs(of: node)
        XCTAssertEqual(blocks.count, 3 + 3 + 1 + 3 + 3)
        XCTAssertEqual(blocks.count, prepared.count)
        for (block, cell) in zip(blocks, prepared) {
            XCTAssertEqual(block.lookaheadKey, BreakLookahead.Key(node: 7, part: cell.part))
            XCTAssertEqual(block.spans, cell.spans)
            XCTAssertEqual(block.style, cell.style)
        }
        XCTAssertEqual(prepared.map(\.widthShare).prefix(3), [0.2, 0.2, 0.6])
    }

    /// A long document (paginated twice, the second time painting pages as they are
    /// finished) that opens with a table of 300 rows, whose cells are prepared ahead too.
    func testALongDocumentWithATableIsTheSameWithAndWithoutTheLookahead() throws {
        var digest = Synthetic.longArticle(paragraphs: 400)
        digest.articles[0].reactions = Synthetic.reactions(300).articles[0].reactions
        let layout = Synthetic.layout([SectionSpec(type: .reactions), SectionSpec(type: .articles)])
        func render(_ lookahead: Bool) throws -> (Data, RenderReport) {
            var request = Synthetic.request()
            request.lookahead = lookahead
            let pdf = try Synthetic.temporaryPDF("lookahead-long-\(lookahead)")
            let report = try Synthetic.renderer().renderPDF(digest: digest, layout: layout, labels: Synthetic.labels,
                                                            request: request, to: pdf)
            return (try Data(contentsOf: URL(fileURLWithPath: pdf)), report)
        }
        let (with, report) = try render(true)
        let (without, _) = try render(false)
        XCTAssertGreaterThan(report.pageCount, 40)
        XCTAssertEqual(with, without, "the lookahead changed the PDF of a long document")
        XCTAssertGreaterThan(report.breakAnalysesAhead, 0, "the gists, which wrap, were broken over analyses made ahead")
        // The table's cells come first and were prepared ahead until the document was known
        // to be longer than the budget; then the lookahead stopped.
        XCTAssertGreaterThan(report.preparedAhead, 100)
        XCTAssertLessThan(report.preparedAhead, 400 + 300 * 6)
    }

    /// What the lookahead hands over is what the paginating thread would have made, and it
    /// hands nothing over for a paragraph whose text or style is not the one it prepared.
    func testItHandsOverOnlyWhatItPreparedForTheSameParagraph() throws {
        let renderer = try Synthetic.renderer()
        let hyphenator = HyphenatorLoader.shared(for: "en")
        let layout = Synthetic.layout([SectionSpec(type: .articles)])
        let factory = BlockFactory(styles: StyleSheet(layout: layout), minLines: 2, columns: 1)
        let nodes: [DocumentNode] = [
            .heading(.article, "Consultations on maritime cooperation", anchor: nil),
            .paragraph([Span("The delegations discussed environmental responsibilities and "),
                        Span("đối tác chiến lược toàn diện", italic: true, language: "vi")], .body, keepWithNext: false),
            .table(columns: [TableColumn(title: "Speaker", weight: 1), TableColumn(title: "Gist", weight: 3)],
                   rows: [[[Span("Envoy")], [Span("Congratulated the participants on their achievements")]]]),
            .paragraph([Span("A second paragraph about international responsibilities.")], .body, keepWithNext: false),
        ]
        let language = renderer.pango.paragraphLanguage
        let lookahead = BreakLookahead(nodes: nodes, factory: factory, hyphenator: hyphenator, language: language)
        defer { lookahead.finish() }
        lookahead.waitUntilPrepared()

        // The paragraph of node 1, as its block would prepare it: hyphenated, with its analysis.
        let (_, spans, style, _) = try XCTUnwrap(factory.paragraphs(of: nodes[1]).first)
        let expected = PreparedText(spans, style: style, hyphenator: hyphenator)
        XCTAssertTrue(expected.text.contains("\u{AD}"), "English body text is hyphenated")
        let first = try XCTUnwrap(lookahead.take(.init(node: 1, part: 0), spans: spans, style: style))
        XCTAssertEqual(first.text, expected.text)
        XCTAssertEqual(first.runs.map(\.range), expected.runs.map(\.range))
        XCTAssertNil(lookahead.take(.init(node: 1, part: 0), spans: spans, style: style), "taken once only")

        // A table cell: its text, as the cell style prepares it, and the analysis made here.
        let cells = factory.paragraphs(of: nodes[2])
        XCTAssertEqual(cells.map(\.part), [0, 1, 2, 3])
        let gist = cells[3]
        let prepared = try XCTUnwrap(lookahead.take(.init(node: 2, part: 3), spans: gist.spans, style: gist.style))
        XCTAssertEqual(prepared.text, PreparedText(gist.spans, style: gist.style, hyphenator: hyphenator).text)
        let analysis = try XCTUnwrap(prepared.breakAnalysis)
        let direct = BreakAnalysis(prepared.text, language: language!)
        XCTAssertEqual(analysis.language, direct.language)
        XCTAssertEqual(analysis.attributes.count, prepared.text.unicodeScalars.count + 1)
        XCTAssertTrue(zip(analysis.attributes, direct.attributes).allSatisfy { pair in
            withUnsafeBytes(of: pair.0) { a in withUnsafeBytes(of: pair.1) { b in a.elementsEqual(b) } }
        })

        // Another text at a prepared place gets nothing, and what was prepared there is let go;
        // so are the cells before it.
        let last = factory.paragraphs(of: nodes[3])[0]
        XCTAssertNil(lookahead.take(.init(node: 3, part: 0), spans: [StyledRun("Something else")], style: last.style))
        XCTAssertNil(lookahead.take(.init(node: 3, part: 0), spans: last.spans, style: last.style))
        XCTAssertNil(lookahead.take(.init(node: 2, part: 1), spans: cells[1].spans, style: cells[1].style))
        XCTAssertEqual(lookahead.counts.handedOver, 2)
    }
}
