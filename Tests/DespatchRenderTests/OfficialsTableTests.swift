import DespatchLayout
import DespatchModel
import DespatchRender
import XCTest

/// The officials table has one row per person, whatever spelling each article used.
final class OfficialsTableTests: XCTestCase {
    func testSpellingsOfOnePersonShareOneRowInTheirFullestForm() throws {
        let digest = Digest(generator: "test", articles: [
            ArticleDigest(file: "a.txt", title: "A", officials: [Official(name: "Nguyen Van An", role: "Minister of Trade")]),
            ArticleDigest(file: "b.txt", title: "B", officials: [Official(name: "Nguyễn Văn An", role: nil),
                                                                 Official(name: "Tran Thi Binh", role: "Deputy Minister")]),
        ], entities: [EntityGroup(canonical: "Nguyen Van An", forms: ["An", "Nguyen Van An", "Nguyễn Văn An"], mentions: 3),
                      EntityGroup(canonical: "Tran Thi Binh", forms: ["Tran Thi Binh"], mentions: 1)])
        let pdf = try Synthetic.temporaryPDF("officials")
        try Synthetic.renderer().renderPDF(digest: digest, layout: Synthetic.layout([SectionSpec(type: .officials)]),
                                           labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        let text = PDFTools.flat(try PDFTools.text(pdf))
        XCTAssertEqual(text.components(separatedBy: "Nguyễn Văn An").count - 1, 1, text)
        XCTAssertFalse(text.contains("Nguyen Van An"), "the plain spelling is folded into the row: \(text)")
        XCTAssertTrue(text.contains("Minister of Trade"), text)
        XCTAssertTrue(text.contains("1, 2"), "both articles on the one row: \(text)")
        XCTAssertTrue(text.contains("Tran Thi Binh"), text)
    }
}
