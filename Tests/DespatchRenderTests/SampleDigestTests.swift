import DespatchApp
import Foundation
import XCTest

/// Renders the sample digest once and checks the PDF from outside with poppler-utils.
final class SampleDigestTests: XCTestCase {
    static var pdf: String { (try? SampleRender.get().pdf) ?? "" }

    func rendered() throws -> SampleRender.Rendered { try SampleRender.get() }

    func testIsA4WithSeveralPages() throws {
        let report = try rendered()
        let info = try PDFTools.info(Self.pdf)
        XCTAssertGreaterThan(Int(info["Pages"] ?? "") ?? 0, 1)
        XCTAssertEqual(Int(info["Pages"] ?? ""), report.pages)
        XCTAssertTrue(info["Page size"]?.contains("(A4)") ?? false, info["Page size"] ?? "none")
    }

    func testEveryFontIsEmbeddedSubsetAndFromTheFontsFolder() throws {
        _ = try rendered()
        let fonts = try PDFTools.fonts(Self.pdf)
        XCTAssertFalse(fonts.isEmpty)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Repo.fonts)
            .filter { $0.hasSuffix(".ttf") }.map { $0.replacingOccurrences(of: ".ttf", with: "") }
        for font in fonts {
            XCTAssertTrue(font.embedded, "\(font.name) not embedded")
            XCTAssertTrue(font.subset, "\(font.name) not subset")
            let base = font.name.split(separator: "+").last.map(String.init) ?? font.name
            let family = base.split(separator: "-").first.map(String.init) ?? base
            XCTAssertTrue(shipped.contains { $0.hasPrefix(family) }, "\(font.name) is not a font of Fonts/")
        }
    }

    func testVietnameseTextSurvivesExtraction() throws {
        _ = try rendered()
        let text = try PDFTools.text(Self.pdf)
        for phrase in ["Lê Hoài Trung", "Tô Lâm", "Đổi mới"] {
            XCTAssertTrue(text.contains(phrase), "pdftotext lost \(phrase)")
        }
    }

    func testEveryPageButTheCoverCarriesItsNumber() throws {
        let report = try rendered()
        for page in 2...report.pages {
            // The words in the bottom margin (below 93% of the page height) are the footer.
            let bbox = try PDFTools.run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), Self.pdf, "-"]).stdout
            let height = Double(bbox.firstMatch(of: #/<page width="[\d.]+" height="([\d.]+)">/#)?.1 ?? "0") ?? 0
            let footer = bbox.matches(of: #/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>/#)
                .filter { (Double($0.1) ?? 0) > height * 0.93 }.map { String($0.2) }
            let numbers = footer.joined(separator: " ").split(whereSeparator: { !$0.isNumber }).map(String.init)
            XCTAssertEqual(numbers, [String(page), String(report.pages)], "footer of page \(page): \(footer)")
        }
    }

    func testContentsShowsThePagesWhereHeadingsLand() throws {
        let report = try rendered()
        let articleAnchors = report.anchorPages.keys.filter { $0.hasPrefix("art-") }
        XCTAssertEqual(articleAnchors.count, 5)
        let contentsPage = try XCTUnwrap(report.anchorPages["contents"])
        let contents = try PDFTools.text(Self.pdf, page: contentsPage, layout: true)
        for name in articleAnchors {
            let page = try XCTUnwrap(report.anchorPages[name])
            let title = try XCTUnwrap(report.anchorTitles[name])
            // The heading is on the page the contents gives...
            let pageText = PDFTools.flat(try PDFTools.text(Self.pdf, page: page))
            XCTAssertTrue(pageText.contains(PDFTools.flat(title)), "\(title) not on page \(page)")
            // ...and the contents entry ends with that number (on the line of the title's last words).
            let tail = title.split(separator: " ").suffix(2).joined(separator: " ")
            XCTAssertNotNil(contents.range(of: "(?m)" + NSRegularExpression.escapedPattern(for: tail) + " +\(page) *$",
                                           options: .regularExpression),
                            "contents entry for \(title) does not show page \(page)")
        }
    }

    func testTwoRendersAreByteIdentical() throws {
        _ = try rendered()
        let folder = try Repo.temporaryFolder("again")
        let again = folder + "/digest.pdf"
        _ = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: "default", output: again, options: RenderOptions())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: again)), try Data(contentsOf: URL(fileURLWithPath: Self.pdf)))
    }
}
