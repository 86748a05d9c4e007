import DespatchModel
import DespatchRender
import DespatchLayout
import Foundation
import XCTest

/// Outline, links, metadata and file integrity of the sample digest, read with qpdf.
final class PDFStructureTests: XCTestCase {
    func qpdfJSON(_ pdf: String, key: String) throws -> [String: Any] {
        let r = try PDFTools.run("qpdf", ["--json", "--json-key=\(key)", pdf])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func testQPDFFindsNoDamage() throws {
        let sample = try SampleRender.get()
        let r = try PDFTools.run("qpdf", ["--check", sample.pdf])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertFalse((r.stdout + r.stderr).contains("WARNING"), r.stdout + r.stderr)
    }

    /// The soft hyphens that show no hyphen are not written (each was an empty ActualText
    /// span cutting its line's text in two); those shown at a line's end still are, so the
    /// extracted text knows the hyphen is not part of the word.
    func testOnlyShownSoftHyphensReachThePDF() throws {
        let sample = try SampleRender.get()
        let uncompressed = try Repo.temporaryFolder("qdf") + "/digest.pdf"
        XCTAssertEqual(try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", sample.pdf, uncompressed]).status, 0)
        let content = String(decoding: try Data(contentsOf: URL(fileURLWithPath: uncompressed)), as: UTF8.self)
        let emptySpans = content.components(separatedBy: "/ActualText <feff00ad> >> BDC\nEMC").count - 1
        XCTAssertEqual(emptySpans, 0, "empty soft-hyphen spans in the page streams")
        let lineEnds = try PDFTools.text(sample.pdf).split(separator: "\n").filter { $0.hasSuffix("\u{AD}") }
        XCTAssertGreaterThan(lineEnds.count, 10, "the sample's English text is hyphenated at line ends")
    }

    func testOutlineHasEverySectionAndArticleOnTheRightPage() throws {
        let sample = try SampleRender.get()
        let json = try qpdfJSON(sample.pdf, key: "outlines")
        var entries: [(title: String, page: Int)] = []
        func walk(_ items: [[String: Any]]) {
            for item in items {
                entries.append((item["title"] as? String ?? "", item["destpageposfrom1"] as? Int ?? -1))
                walk(item["kids"] as? [[String: Any]] ?? [])
            }
        }
        walk(json["outlines"] as? [[String: Any]] ?? [])
        let expected = sample.anchorPages.filter { $0.key.hasPrefix("art-") || $0.key.hasPrefix("sec-") }
        XCTAssertGreaterThanOrEqual(expected.count, 7)
        for (name, page) in expected {
            let title = try XCTUnwrap(sample.anchorTitles[name])
            let entry = entries.first { $0.title == title }
            XCTAssertNotNil(entry, "no outline entry for \(title)")
            XCTAssertEqual(entry?.page, page, "outline entry \(title)")
            // The heading really is on that page.
            let text = PDFTools.flat(try PDFTools.text(sample.pdf, page: page))
            XCTAssertTrue(text.contains(PDFTools.flat(title)), "\(title) not found on page \(page)")
        }
    }

    func testContentsEntriesAreLinksToNamedDestinations() throws {
        let sample = try SampleRender.get()
        let folder = try Repo.temporaryFolder("qdf")
        let qdf = folder + "/q.pdf"
        let r = try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", sample.pdf, qdf])
        XCTAssertEqual(r.status, 0, r.stderr)
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
        let linkCount = raw.components(separatedBy: "/Subtype /Link").count - 1
        let contentsEntries = sample.anchorPages.keys.filter { $0.hasPrefix("art-") || $0.hasPrefix("sec-") }.count
        XCTAssertGreaterThanOrEqual(linkCount, contentsEntries)
        XCTAssertTrue(sample.anchorPages.keys.contains { $0.hasPrefix("sec-") }, "sections have anchors")
        for name in sample.anchorPages.keys where name.hasPrefix("art-") || name.hasPrefix("sec-") {
            XCTAssertTrue(raw.contains("/Dest (\(name))"), "no link to \(name)")
        }
        XCTAssertFalse(raw.contains("/Dest [") && raw.contains("/XYZ null"), "forward page links are not used")
    }

    func testMetadataIsSet() throws {
        let sample = try SampleRender.get()
        let info = try PDFTools.info(sample.pdf)
        for key in ["Title", "Author", "Subject", "Keywords", "Creator", "CreationDate"] {
            XCTAssertFalse((info[key] ?? "").isEmpty, "\(key) is empty")
        }
        XCTAssertTrue(info["Creator"]?.hasPrefix("despatch") ?? false)
        XCTAssertTrue(info["Keywords"]?.contains("foreign policy") ?? false, "the layout's keywords: \(info)")
        XCTAssertTrue(info["CreationDate"]?.contains("2026") ?? false, "the newest article's day, not the clock")
    }

    func testSourceDateEpochSetsTheCreationDate() throws {
        let folder = try Repo.temporaryFolder("epoch")
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1700000000"  // 2023-11-14T22:13:20Z
        env["TZ"] = "UTC"
        let r = try PDFTools.run(Repo.executable, ["digest", "--input", Repo.samples, "--output", folder + "/e.pdf"],
                                 environment: env, currentDirectory: Repo.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let date = try PDFTools.info(folder + "/e.pdf")["CreationDate"] ?? ""
        XCTAssertTrue(date.contains("Nov 14 22:13:20 2023"), date)
    }

    func testSourceURLIsAClickableLink() throws {
        let url = "https://news.example.org/2026/01/28/congress-outcome"
        let digest = Digest(generator: "test", articles: [ArticleDigest(file: "a.txt", title: "A", date: "2026-01-02", source: "Wire",
                                                                        url: url, paragraphs: ["Body."])])
        let pdf = try Synthetic.temporaryPDF("uri")
        try Synthetic.renderer().renderPDF(digest: digest, layout: Synthetic.layout([SectionSpec(type: .sources)]),
                                           labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        let qdf = pdf + ".qdf"
        XCTAssertEqual(try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]).status, 0)
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
        XCTAssertTrue(raw.contains("/URI (\(url))"), "a URI link annotation for the source")
    }
}

/// Cross references: the source cell of a reaction links to its article's named destination.
final class CrossReferenceTests: XCTestCase {
    func testReactionSourcesLinkToTheirArticle() throws {
        let pdf = try Synthetic.temporaryPDF("xref")
        let report = try Synthetic.renderer().renderPDF(
            digest: Synthetic.reactions(12), layout: Synthetic.layout([SectionSpec(type: .reactions), SectionSpec(type: .articles)]),
            labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        XCTAssertNotNil(report.anchorPages["art-1"])
        let qdf = pdf + ".qdf"
        XCTAssertEqual(try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]).status, 0)
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
        // Twelve link annotations, plus the outline entry of the article.
        XCTAssertEqual(raw.components(separatedBy: "/Subtype /Link").count - 1, 12)
        XCTAssertEqual(raw.components(separatedBy: "/Dest (art-1)").count - 1, 13)
    }
}
