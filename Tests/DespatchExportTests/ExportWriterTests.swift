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

    /// The layout's header and footer templates, as the PDF fills them: labels looked up,
    /// values filled and escaped, {page}, {pages} and {section} left to Typst, none on the cover.
    func testTypstCarriesTheRunningHeaderAndFooter() {
        var layout = LayoutDescription(sections: [SectionSpec(type: .cover), SectionSpec(type: .reactions)])
        layout.header = RunningText(left: "{title} #1", right: "{section}")
        layout.footer = RunningText(center: "{label:page}")
        let catalogue = LabelCatalogue(language: "en", labels: ["page": "Page {page} of {pages}", "reactions": "Reactions"])
        let typ = TypstWriter(layout: layout, labels: catalogue).write(tree("Body"))
        XCTAssertTrue(typ.contains("align(left)[Brief \\#1]"), "the title filled and escaped")
        XCTAssertTrue(typ.contains("align(right)[#sec;]"))
        XCTAssertTrue(typ.contains("align(center)[Page #counter(page).display(); of #counter(page).final().first();]"))
        XCTAssertTrue(typ.contains("query(<cover>)"), "no running text on the cover")
        XCTAssertFalse(typ.contains("\u{E000}"))
        // Without a catalogue, the plain page number it had before.
        XCTAssertTrue(TypstWriter(layout: layout).write(tree("Body")).contains("counter(page).display(\"1 / 1\", both: true)"))
    }
}
