import DespatchDocument
import DespatchExport
import DespatchLayout
import DespatchModel
import XCTest

final class ExportWriterTests: XCTestCase {
    let labels = LabelCatalogue(language: "en", labels: ["reactions": "Reactions", "articles": "Articles", "contents": "Contents",
                                                          "table.speaker": "Speaker", "full-text": "Full text"])

    func tree(_ text: String, sections: [SectionType] = [.contents, .reactions, .articles]) -> DocumentTree {
        let reaction = Reaction(speaker: "A <b>Name</b>", role: "Ambassador", countryOrOrg: "Somewhere", stance: .positive,
                                gist: "Said #hash *star* _under_ [x] $5 & more", evidence: [])
        let digest = Digest(generator: "t", articles: [
            ArticleDigest(file: "a.txt", title: "Title with <tags> & \"quotes\"", date: "2026-01-28", source: "Wire",
                          reactions: [reaction], paragraphs: [text, "= not a heading", "- not a list"]),
        ])
        let layout = LayoutDescription(sections: sections.map { SectionSpec(type: $0) })
        return DocumentBuilder(digest: digest, layout: layout, labels: labels, title: "Brief", week: nil).build()
    }

    func testHTMLEscapesTextAndLinksTheContents() {
        let html = HTMLWriter(layout: LayoutDescription()).write(tree("Body with <script>alert(1)</script> & entities"))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("Body with &lt;script&gt;alert(1)&lt;/script&gt; &amp; entities"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("A &lt;b&gt;Name&lt;/b&gt;"))
        XCTAssertTrue(html.contains("id=\"art-1\""))
        XCTAssertTrue(html.contains("href=\"#art-1\""))
        XCTAssertEqual(html.components(separatedBy: "<table>").count, html.components(separatedBy: "</table>").count)
    }

    func testTypstEscapesEveryMarkupCharacter() {
        let typ = TypstWriter(layout: LayoutDescription()).write(tree("Costs $5 #1 *bold* _it_ @ref <lbl> [br] ~ `code` \\ back"))
        XCTAssertTrue(typ.contains("Costs \\$5 \\#1 \\*bold\\* \\_it\\_ \\@ref \\<lbl\\> \\[br\\] \\~ \\`code\\` \\\\ back"))
        XCTAssertTrue(typ.contains("\\= not a heading"))
        XCTAssertTrue(typ.contains("\\- not a list"))
        XCTAssertTrue(typ.contains("Said \\#hash \\*star\\* \\_under\\_ \\[x\\] \\$5 & more"))
        XCTAssertTrue(typ.contains("#outline("))
        XCTAssertTrue(typ.contains("<art-1>"))
    }
}
