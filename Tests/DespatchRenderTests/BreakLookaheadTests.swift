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
final class BreakLookaheadTests: XCTestCase {
    func sampleRender(_ layout: String, budget: Int? = nil, lookahead: Bool) throws -> (pdf: Data, report: RenderReport) {
        let folder = try Repo.temporaryFolder("lookahead-\(layout)-\(budget ?? -1)-\(lookahead)")
        let pdf = folder + "/\(layout).pdf"
        let report = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: layout, output: pdf,
                                                         options: RenderOptions(shapedTextBudget: budget, lookahead: lookahead))
        return (try Data(contentsOf: URL(fileURLWithPath: pdf)), report)
    }

    func testTheSamplesAreTheSameWithAndWithoutTheLookahead() throws {
        // English hyphenated, in columns, in Vietnamese (not hyphenated, language-tagged runs),
        // and a budget of zero (every page paginated a second time and shaped again to paint).
        for (layout, budget) in [("default", nil), ("newsletter", nil), ("vi-briefing", nil), ("default", 0)] as [(String, Int?)] {
            let with = try sampleRender(layout, budget: budget, lookahead: true)
            let without = try sampleRender(layout, budget: budget, lookahead: false)
            XCTAssertGreaterThan(with.pdf.count, 10_000)
            XCTAssertEqual(with.pdf, without.pdf, "\(layout), budget \(budget.map(String.init) ?? "default"): the lookahead changed the PDF")
            XCTAssertEqual(without.report.preparedAhead, 0)
            if budget == 0 {
                // Past the budget at once: the lookahead stops when the document is known to be
                // long (it is paginated again to be painted), having prepared little.
                XCTAssertLessThan(with.report.preparedAhead, 100, "the lookahead went on past the budget")
            } else {
                // The first paragraph may be asked for before the second thread has it; the
                // rest of a document of hundreds of paragraphs should not be.
                XCTAssertGreaterThan(with.report.preparedAhead, 100, "\(layout): the lookahead prepared almost nothing")
            }
        }
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
        let language = pango_context_get_language(renderer.pango.context) ?? pango_language_get_default()
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
        XCTAssertEqual(lookahead.hits, 2)
    }
}
