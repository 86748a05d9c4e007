import DespatchApp
import Foundation
import XCTest

/// In a layout of columns, nothing drawn in one column may run into the next: checked on
/// the words pdftotext finds on the newsletter's two-column pages (its theme chart's legend
/// of five outlets once ran past the column and off the page).
final class ColumnBoundsTests: XCTestCase {
    func testNewsletterWordsStayInTheirColumns() throws {
        let folder = try Repo.temporaryFolder("columns-newsletter")
        let pdf = folder + "/newsletter.pdf"
        let report = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: "newsletter", output: pdf, options: RenderOptions())
        // The columns as the layout describes them.
        let layout = try SampleRender.pipeline.loadLayout("newsletter")
        let page = layout.page
        XCTAssertEqual(page.columns, 2)
        let mm = 72.0 / 25.4
        let (left, right, gutter) = (page.margins.left * mm, (page.widthMM - page.margins.right) * mm, page.gutterMM * mm)
        let columnWidth = (right - left - gutter) / 2
        let columns = [(left, left + columnWidth), (left + columnWidth + gutter, right)]
        let (top, bottom) = (page.margins.top * mm, (page.heightMM - page.margins.bottom) * mm)
        guard let chartPage = report.anchorPages.first(where: { $0.key.hasSuffix("-themes") })?.value else { return XCTFail("no themes section: \(report.anchorPages.keys)") }
        let bbox = try PDFTools.run("pdftotext", ["-bbox", "-f", String(chartPage), "-l", String(chartPage), pdf, "-"])
        XCTAssertEqual(bbox.status, 0, bbox.stderr)
        var checked = 0
        for m in bbox.stdout.matches(of: #/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>/#) {
            let (x0, y0, x1) = (Double(m.1)!, Double(m.2)!, Double(m.3)!)
            guard y0 >= top - 1, y0 <= bottom else { continue }  // the running header and footer span the page
            guard let column = columns.first(where: { x0 >= $0.0 - 1.5 && x0 <= $0.1 + 1.5 }) else {
                XCTFail("word in the gutter or a margin: \(m.0)")
                continue
            }
            XCTAssertLessThanOrEqual(x1, column.1 + 1.5, "word runs out of its column: \(m.0)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
        // The legend's last entry (the last article's number and outlet) is drawn on the page.
        let digest = try SampleRender.pipeline.analyze(try SampleRender.pipeline.loadCorpus(Repo.samples))
        let last = try XCTUnwrap(digest.articles.last)
        let entry = [String(digest.articles.count), last.source].compactMap { $0 }.joined(separator: " ")
        let text = PDFTools.flat(try PDFTools.text(pdf, page: chartPage))
        XCTAssertTrue(text.contains(entry), "the legend's last entry \"\(entry)\" is drawn: \(text.suffix(400))")
    }
}
