import DespatchApp
import Foundation
import XCTest

/// The shipped language editions, rendered from the samples and read back with pdftotext:
/// every word that is not article text comes from the layout's label catalogue.
final class LanguageEditionTests: XCTestCase {
    func render(_ layout: String) throws -> (pdf: String, pages: Int) {
        let pdf = try Repo.temporaryFolder("edition-\(layout)") + "/\(layout).pdf"
        let r = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: layout, output: pdf, options: RenderOptions())
        return (pdf, r.pageCount)
    }

    func testVietnameseEditionShowsVietnameseLabelsDatesAndFooter() throws {
        let (pdf, pages) = try render("vi-briefing")
        let cover = PDFTools.flat(try PDFTools.text(pdf, page: 1))
        XCTAssertTrue(cover.contains("Bản tin chính sách đối ngoại"), cover)
        XCTAssertTrue(cover.contains("Tin bài từ ngày 25 tháng 1 năm 2026 đến ngày 7 tháng 2 năm 2026"), cover)
        let contents = PDFTools.flat(try PDFTools.text(pdf, page: 2))
        XCTAssertTrue(contents.contains("Mục lục"), contents)
        XCTAssertTrue(contents.contains("Phản ứng quốc tế"), contents)
        XCTAssertTrue(contents.contains("Trang 2/\(pages)"), "footer from the vi catalogue: \(contents)")
        let all = PDFTools.flat(try PDFTools.text(pdf))
        XCTAssertTrue(all.contains("ngày 28 tháng 1 năm 2026"), "long dates in Vietnamese")
        XCTAssertTrue(all.contains("Hội nhập quốc tế"), "theme names from the taxonomy's Vietnamese labels")
        XCTAssertFalse(all.contains("International integration"), "not the English theme label")
        XCTAssertFalse(all.contains("Page 2 of"), "no English footer")
        XCTAssertFalse(all.contains("Coverage from"), "no English subtitle")
    }

    func testFrenchEditionFormatsDatesInFrench() throws {
        let (pdf, pages) = try render("fr-briefing")
        let cover = PDFTools.flat(try PDFTools.text(pdf, page: 1))
        XCTAssertTrue(cover.contains("Synthèse de politique étrangère"), cover)
        XCTAssertTrue(cover.contains("Couverture du 25 janvier 2026 au 7 février 2026"), cover)
        let contents = PDFTools.flat(try PDFTools.text(pdf, page: 2))
        XCTAssertTrue(contents.contains("Sommaire"), contents)
        XCTAssertTrue(contents.contains("Page 2 sur \(pages)"), "footer from the fr catalogue: \(contents)")
        let all = PDFTools.flat(try PDFTools.text(pdf))
        XCTAssertTrue(all.contains("28 janvier 2026"), "long dates in French")
        XCTAssertFalse(all.contains("January"), "no English month names")
    }

    func testEnglishDefaultFooterAndSubtitleComeFromTheCatalogue() throws {
        let rendered = try SampleRender.get()
        let cover = PDFTools.flat(try PDFTools.text(rendered.pdf, page: 1))
        XCTAssertTrue(cover.contains("Coverage from 25 January 2026 to 7 February 2026"), cover)
        let second = PDFTools.flat(try PDFTools.text(rendered.pdf, page: 2))
        XCTAssertTrue(second.contains("Page 2 of \(rendered.pages)"), second)
        let all = PDFTools.flat(try PDFTools.text(rendered.pdf))
        XCTAssertTrue(all.contains("6 items paired in the same order (6 and 6 listed)"), "the alignment's verdict line")
    }

    /// English is hyphenated from the pattern dictionary (pdftotext shows each break as a soft
    /// hyphen at the line's end); the Vietnamese edition never is.
    func testEnglishIsHyphenatedAndVietnameseIsNot() throws {
        let english = try PDFTools.text(try SampleRender.get().pdf)
        let breaks = english.split(separator: "\n").filter { $0.hasSuffix("\u{AD}") }
        XCTAssertGreaterThan(breaks.count, 20, "justified English text breaks words at pattern points")
        let vietnamese = try PDFTools.text(try render("vi-briefing").pdf)
        XCTAssertFalse(vietnamese.contains("\u{AD}"), "no hyphenation in the Vietnamese edition")
    }
}
