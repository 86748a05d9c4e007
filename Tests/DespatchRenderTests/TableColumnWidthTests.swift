@testable import DespatchRender
import DespatchLayout
import DespatchModel
import XCTest

/// Table columns are as wide as their widest word when the table has the room, so that a
/// narrow column never cuts a word into "congratulator-y".
final class TableColumnWidthTests: XCTestCase {
    func testFitWidensANarrowColumnFromTheSlackOfTheOthers() {
        let widths = TableBlock.fit(weights: [1, 1, 2], minimums: [10, 60, 10], width: 200)
        XCTAssertEqual(widths.reduce(0, +), 200, accuracy: 0.001)
        XCTAssertEqual(widths[1], 60, accuracy: 0.001, "raised to its widest word")
        XCTAssertGreaterThanOrEqual(widths[0], 10)
        XCTAssertLessThan(widths[2], 100, "the widest column gave room")
    }

    func testFitKeepsTheWeightsWhenTheWordsCannotAllFit() {
        XCTAssertEqual(TableBlock.fit(weights: [1, 1], minimums: [150, 150], width: 200), [100, 100])
        XCTAssertEqual(TableBlock.fit(weights: [1, 3], minimums: [10, 10], width: 200), [50, 150])
    }

    func testNarrowStanceColumnPrintsWholeWords() throws {
        let reactions = (1...4).map { i in
            Reaction(speaker: "Envoy \(i)", role: "Ambassador", countryOrOrg: "Intergovernmental",
                     stance: .congratulatory, gist: "Congratulated the country on the outcome of the congress.", evidence: [])
        }
        let digest = Digest(generator: "test", articles: [ArticleDigest(file: "a.txt", title: "A", date: "2026-01-02",
                                                                        source: "Wire", reactions: reactions)])
        let labels = LabelCatalogue(language: "en", labels: ["stance.congratulatory": "congratulatory", "table.country": "Country or organisation",
                                                        "table.speaker": "Speaker", "table.role": "Role", "table.stance": "Stance",
                                                        "table.gist": "Gist", "table.source": "Source", "reactions": "Reactions"])
        let pdf = try Synthetic.temporaryPDF("columns")
        try Synthetic.renderer().renderPDF(digest: digest, layout: Synthetic.layout([SectionSpec(type: .reactions)]),
                                           labels: labels, request: Synthetic.request(), to: pdf)
        let text = try PDFTools.text(pdf)
        XCTAssertEqual(text.components(separatedBy: "congratulatory").count - 1, 4, text)
        XCTAssertTrue(text.contains("Intergovernmental"), text)
        XCTAssertTrue(text.contains("organisation"), text)
    }
}
