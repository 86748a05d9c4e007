import Foundation
import XCTest

/// The executive layout promises one page (`max_pages: 1`): a weekly brief in it is a
/// one-pager whether the week is full or has a single article.
final class ExecutiveBriefTests: XCTestCase {
    var folder = ""
    var db = ""

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder("executive")
        db = folder + "/archive.sqlite"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Fixtures.executable),
                      "build the executable first: \(Fixtures.executable)")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo"), "pdfinfo (poppler-utils) is needed")
        let r = try Fixtures.despatch(["ingest", "--db", db, Fixtures.samples])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws {
        if !folder.isEmpty { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// `Pages:` of pdfinfo.
    func pdfinfoPages(_ pdf: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int? {
        let info = try Fixtures.despatchTool("/usr/bin/pdfinfo", [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        XCTAssertNotNil(pages, "pdfinfo has no Pages: line for \(pdf): \(info)", file: file, line: line)
        return pages.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// Runs the executive brief of `week`; returns the number of articles the run reports.
    func assertExecutiveBriefIsOnePage(week: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int? {
        let out = folder + "/out-" + week
        let r = try Fixtures.despatch(["brief", "--db", db, "--week", week, "--layouts", "executive", "--output-dir", out])
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        let pdf = out + "/brief-\(week)-executive.pdf"
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf), "no \(pdf): \(r.stderr)", file: file, line: line)
        XCTAssertEqual(try pdfinfoPages(pdf, file: file, line: line), 1, "executive brief of \(week) is not one page: \(r.stderr)",
                       file: file, line: line)
        XCTAssertTrue(r.stderr.contains("despatch: wrote \(pdf) (1 page,"), r.stderr, file: file, line: line)
        let count = r.stderr.firstMatch(of: #/, (\d+) article\(s\) of /#).flatMap { Int($0.1) }
        XCTAssertNotNil(count, r.stderr, file: file, line: line)
        return count
    }

    func testExecutiveBriefOfWeek05IsOnePage() throws {
        let articles = try assertExecutiveBriefIsOnePage(week: "2026-W05")
        XCTAssertGreaterThanOrEqual(articles ?? 0, 1, "the week has coverage")
    }

    func testExecutiveBriefOfAOneArticleWeekIsOnePage() throws {
        let articles = try assertExecutiveBriefIsOnePage(week: "2026-W06")
        // The undated samples fall in the week they are ingested, so only a clock set to
        // 2026-W06 itself would add them.
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = Fixtures.hanoi
        let now = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: Date())
        if now.yearForWeekOfYear != 2026 || now.weekOfYear != 6 {
            XCTAssertEqual(articles, 1, "2026-W06 holds one sample (002, 7 February)")
        }
    }
}
