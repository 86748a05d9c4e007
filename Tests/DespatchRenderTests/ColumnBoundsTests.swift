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
        // The newsletter layout: A4, margins 16 mm left and right, two columns, a 7 mm gutter.
        let mm = 72.0 / 25.4
        let (left, right, gutter) = (16 * mm, (210 - 16) * mm, 7 * mm)
        let columnWidth = (right - left - gutter) / 2
        let columns = [(left, left + columnWidth), (left + columnWidth + gutter, right)]
        guard let chartPage = report.anchorPages.first(where: { $0.key.hasSuffix("-themes") })?.value else { return XCTFail("no themes section: \(report.anchorPages.keys)") }
        let bbox = try PDFTools.run("pdftotext", ["-bbox", "-f", String(chartPage), "-l", String(chartPage), pdf, "-"])
        XCTAssertEqual(bbox.status, 0, bbox.stderr)
        var checked = 0
        for m in bbox.stdout.matches(of: #/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>/#) {
            let (x0, y0, x1) = (Double(m.1)!, Double(m.2)!, Double(m.3)!)
            guard y0 > 25 * mm, y0 < (297 - 25) * mm else { continue }  // running header and footer span the page
            guard let column = columns.first(where: { x0 >= $0.0 - 1.5 && x0 <= $0.1 + 1.5 }) else {
                XCTFail("word in the gutter or a margin: \(m.0)")
                continue
            }
            XCTAssertLessThanOrEqual(x1, column.1 + 1.5, "word runs out of its column: \(m.0)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
        let text = try PDFTools.text(pdf, page: chartPage)
        XCTAssertTrue(text.contains("Nhan Dan"), "the legend's last outlet is drawn: \(text.suffix(400))")
    }
}
