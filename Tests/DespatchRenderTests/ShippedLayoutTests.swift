import DespatchApp
import Foundation
import XCTest

/// Every layout in Layouts/ renders the samples, and each keeps its promise.
final class ShippedLayoutTests: XCTestCase {
    func render(_ layout: String) throws -> (pdf: String, report: (pages: Int, dropped: Int)) {
        let pdf = try Repo.temporaryFolder("shipped-\(layout)") + "/\(layout).pdf"
        let r = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: layout, output: pdf, options: RenderOptions())
        return (pdf, (r.pageCount, r.droppedItems))
    }

    func testEveryShippedLayoutRendersTheSamples() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.root + "/Layouts")
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        XCTAssertGreaterThanOrEqual(names.count, 6)
        for name in names {
            let (pdf, report) = try render(name)
            XCTAssertGreaterThanOrEqual(report.pages, 1, name)
            XCTAssertEqual(try PDFTools.run("qpdf", ["--check", pdf]).status, 0, name)
        }
    }

    func testExecutiveFitsTheFiveSamplesOnOnePage() throws {
        let (pdf, report) = try render("executive")
        XCTAssertEqual(try PDFTools.pageCount(pdf), 1)
        XCTAssertGreaterThan(report.dropped, 0, "the samples do not fit whole: items are left out")
        let text = PDFTools.flat(try PDFTools.text(pdf))
        for heading in ["Key points", "Themes", "Task groups", "International reactions"] {
            XCTAssertTrue(text.contains(heading), "\(heading) on the one page")
        }
        XCTAssertTrue(text.contains("More in the full digest"), text)
    }

    func testAmbassadorDeskIsLetterWithReactionsFirst() throws {
        let (pdf, _) = try render("ambassador-desk")
        XCTAssertTrue(try PDFTools.info(pdf)["Page size"]?.contains("612 x 792") ?? false, "US Letter")
        // After the cover and the contents, the reactions come first.
        let third = PDFTools.flat(try PDFTools.text(pdf, page: 3))
        XCTAssertTrue(third.contains("International reactions"), third)
    }

    /// Two columns for prose, the full width for tables: the reactions table of the newsletter
    /// keeps its words whole ("Country or organisation", "Ambassador"), not cut to fit a column.
    func testNewsletterSetsItsTablesAtFullWidth() throws {
        let (pdf, report) = try render("newsletter")
        let pages = try (1...report.pages).map { PDFTools.flat(try PDFTools.text(pdf, page: $0)) }
        let reactions = try XCTUnwrap(pages.first { $0.contains("International reactions") })
        let words = Set(reactions.split(separator: " ").map(String.init))
        for word in ["Country", "organisation", "Ambassador", "congratulatory"] {
            XCTAssertTrue(words.contains(word), "\(word) whole: \(reactions)")
        }
        XCTAssertTrue(pages.contains { $0.contains("Executive summary") && $0.contains("Themes") }, "prose in two columns: both on page 2")
    }
}
