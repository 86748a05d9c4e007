import DespatchApp
import DespatchCore
import Foundation
import XCTest

/// Rows of the input matrix that InputMatrixTests does not run through `despatch digest`:
/// unbreakable words and URLs far wider than a line, and the per-article size cap.
final class InputMatrixEndToEndTests: XCTestCase {
    var folder = ""
    var input = ""
    var output: String { folder + "/out.pdf" }

    override func setUpWithError() throws {
        folder = try Repo.temporaryFolder("matrix-e2e")
        input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Repo.executable),
                      "build the executable first: \(Repo.executable)")
    }

    override func tearDownWithError() throws {
        if !folder.isEmpty { try? FileManager.default.removeItem(atPath: folder) }
    }

    func digest() throws -> PDFTools.Result {
        try PDFTools.run(Repo.executable, ["digest", "--input", input, "--output", output], currentDirectory: Repo.root)
    }

    func testFiveThousandCharacterWordAndURLStayOnThePage() throws {
        // "q" appears nowhere else in the article or the layout's running text, so counting
        // it tells whether every character of the word arrived.
        let word = String(repeating: "q", count: 5000)
        let url = "https://example.org/" + String(repeating: "path/", count: 996)
        XCTAssertEqual(word.count, 5000)
        XCTAssertEqual(url.count, 5000)
        try """
        ---
        title: Unbreakable words
        date: 2026-01-28
        source: Wire
        ---
        The ambassador welcomed the talks and said \(word) before the meeting ended.

        The full statement of the embassy is published at \(url) for the record.

        The envoy of Chile praised the outcome of the congress.

        """.write(toFile: input + "/long.txt", atomically: true, encoding: .utf8)
        let r = try digest()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)

        let bbox = try PDFTools.run("pdftotext", ["-bbox", output, "-"])
        XCTAssertEqual(bbox.status, 0, bbox.stderr)
        let pages = bbox.stdout.components(separatedBy: "<page ").dropFirst()
        XCTAssertEqual(pages.count, try PDFTools.pageCount(output))
        var words = 0
        for (index, page) in pages.enumerated() {
            let size = try XCTUnwrap(page.firstMatch(of: #/^width="([\d.]+)" height="([\d.]+)"/#), "page \(index + 1): no size")
            let (width, height) = (Double(size.1)!, Double(size.2)!)
            var outside = 0
            for m in page.matches(of: #/<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">([^<]*)</#) {
                let (x0, y0, x1, y1) = (Double(m.1)!, Double(m.2)!, Double(m.3)!, Double(m.4)!)
                words += 1
                if x0 >= 0, x1 <= width, y0 >= 0, y1 <= height { continue }
                outside += 1
                if outside <= 3 {
                    XCTFail("page \(index + 1) (\(width)×\(height)): word box outside the page: x \(x0)–\(x1), y \(y0)–\(y1): \(m.5.prefix(40))")
                }
            }
            XCTAssertEqual(outside, 0, "page \(index + 1): \(outside) word box(es) outside the page")
        }
        XCTAssertGreaterThan(words, 20, "the bbox output was parsed")
        // Both arrive whole, broken over lines and pages: the digest shows them more than once
        // (summary, full text, sources), so the counts are whole multiples of one copy.
        let text = try PDFTools.text(output)
        let qs = text.filter { $0 == "q" }.count
        XCTAssertTrue(qs >= 5000 && qs % 5000 == 0, "\(qs) characters of the 5,000-character word arrive")
        let segments = text.components(separatedBy: "path/").count - 1
        XCTAssertTrue(segments >= 996 && segments % 996 == 0, "\(segments) of the URL's 996 'path/' segments arrive")
        XCTAssertTrue(text.filter { !$0.isWhitespace }.contains("https://example.org/path/"), "the URL's start is missing")
    }

    func testArticleJustOverTheSizeCapIsSkippedWithAWarning() throws {
        // No option or environment variable lowers the cap, so the file is really 32 MiB + 1
        // byte: a readable article at its head, the rest a hole (sparse, so instant to write).
        let limit = ArticleReader.defaultMaxBytes
        XCTAssertEqual(limit, 32 * 1024 * 1024, "README 'Limits' documents 32 MiB")
        let big = input + "/oversized.txt"
        try "---\ntitle: Oversized dispatch\n---\nThe oversized envoy spoke at length.\n\n".write(toFile: big, atomically: false, encoding: .utf8)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: UInt64(limit + 1))
        try handle.close()
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: big)[.size] as? NSNumber)?.intValue, limit + 1)
        try "---\ntitle: Ordinary report\ndate: 2026-01-28\nsource: Wire\n---\nThe ambassador welcomed the talks.\n"
            .write(toFile: input + "/good.txt", atomically: true, encoding: .utf8)

        let r = try digest()
        XCTAssertEqual(r.status, 0, r.stderr)
        let warning = r.stderr.split(separator: "\n").first { $0.contains("oversized.txt") }.map(String.init) ?? ""
        XCTAssertTrue(warning.contains("warning"), "no warning naming the big file: \(r.stderr)")
        XCTAssertTrue(warning.contains("\(limit + 1) bytes") && warning.contains("over the limit of \(limit) bytes"),
                      "the warning does not say the file is too large: \(r.stderr)")
        XCTAssertEqual(try PDFTools.run("qpdf", ["--check", output]).status, 0)
        let text = PDFTools.flat(try PDFTools.text(output))
        XCTAssertTrue(text.contains("The ambassador welcomed the talks."), text)
        XCTAssertTrue(text.contains("Ordinary report"), text)
        XCTAssertFalse(text.contains("Oversized") || text.contains("oversized envoy"), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }, [])
    }
}
