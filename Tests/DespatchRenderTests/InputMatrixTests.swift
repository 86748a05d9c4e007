import DespatchApp
import Foundation
import XCTest

/// Hostile and broken input through the real executable: each row has a defined outcome
/// (analysed, skipped with a warning naming the file, or an error with its exit code),
/// and never a crash or a damaged file.
final class InputMatrixTests: XCTestCase {
    var folder = ""
    var input = ""

    override func setUpWithError() throws {
        folder = try Repo.temporaryFolder("matrix")
        input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    }

    func add(_ name: String, _ data: Data) throws {
        try data.write(to: URL(fileURLWithPath: input + "/" + name))
    }

    func add(_ name: String, _ text: String) throws { try add(name, Data(text.utf8)) }

    /// A readable companion article, so that skipping the hostile one is observable.
    func addGoodArticle() throws {
        try add("good.txt", "---\ntitle: Ordinary report\ndate: 2026-01-28\nsource: Wire\n---\nThe ambassador welcomed the talks.\n")
    }

    @discardableResult
    func digest(expect status: ExitStatus = .ok, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> PDFTools.Result {
        let r = try PDFTools.run(Repo.executable, ["digest", "--input", input, "--output", folder + "/out.pdf"] + extra,
                                 currentDirectory: Repo.root)
        XCTAssertEqual(r.status, status.rawValue, r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr, file: file, line: line)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], file: file, line: line)
        if status == .ok {
            XCTAssertEqual(try PDFTools.run("qpdf", ["--check", folder + "/out.pdf"]).status, 0, file: file, line: line)
        } else {
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out.pdf"), file: file, line: line)
        }
        return r
    }

    func text() throws -> String { PDFTools.flat(try PDFTools.text(folder + "/out.pdf")) }

    func testInvalidUTF8IsSkippedWithAWarning() throws {
        try addGoodArticle()
        try add("latin1.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72]))
        let r = try digest()
        XCTAssertTrue(r.stderr.contains("warning") && r.stderr.contains("latin1.txt") && r.stderr.contains("UTF-8"), r.stderr)
    }

    func testUTF16WithBOMIsAnalysed() throws {
        var data = Data([0xFE, 0xFF])
        data.append("---\ntitle: Sixteen\n---\nThe envoy praised the Congress.\n".data(using: .utf16BigEndian)!)
        try add("u16.txt", data)
        _ = try digest()
        XCTAssertTrue(try text().contains("The envoy praised the Congress."))
    }

    func testEmptyFileIsSkipped() throws {
        try addGoodArticle()
        try add("empty.txt", "")
        let r = try digest()
        XCTAssertTrue(r.stderr.contains("empty.txt") && r.stderr.contains("no text"), r.stderr)
    }

    func testBinaryFileIsSkipped() throws {
        try addGoodArticle()
        try add("photo.html", Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]))
        let r = try digest()
        XCTAssertTrue(r.stderr.contains("photo.html") && r.stderr.contains("binary"), r.stderr)
    }

    func testOnlyHostileFilesIsAnInputError() throws {
        try add("empty.txt", "")
        try add("bin.md", Data([0, 1, 2, 3]))
        let r = try digest(expect: .input)
        XCTAssertTrue(r.stderr.contains("no readable article"), r.stderr)
    }

    func testHTMLWithScriptsStylesAndEntities() throws {
        try add("page.html", """
        <!doctype html><html><head><title>Talks &amp; trade</title><script>alert("<p>boom</p>")</script>
        <style>body{}</style></head><body><p>Envoys met &lt;again&gt; &mdash; &#8220;quietly&#8221;.</p></body></html>
        """)
        _ = try digest()
        let t = try text()
        XCTAssertTrue(t.contains("Envoys met <again> — “quietly”."), t)
        XCTAssertFalse(t.contains("boom") || t.contains("alert"), t)
    }

    func testRightToLeftTextIsTypeset() throws {
        try add("rtl.txt", "---\ntitle: Voices\n---\nThe ambassador of Israel said שלום and the envoy of Egypt said مرحبا at the meeting.\n")
        let r = try digest(extra: ["--strict"])
        XCTAssertFalse(r.stderr.contains("no glyph"), r.stderr)
        let t = try text()
        XCTAssertTrue(t.contains("שלום") && t.contains("مرحبا"), t)
    }

    func testControlCharactersAndNULBytesAreRemoved() throws {
        var data = Data("---\ntitle: Controls\n---\nBefore".utf8)
        data.append(contentsOf: [0x07, 0x1B, 0x5B, 0x33, 0x31, 0x6D])  // BEL, ESC[31m
        data.append(Data(" after the bell. ".utf8))
        data.append(Data(repeating: 0x41, count: 9000))  // push the NUL past the binary sniffing window
        data.append(contentsOf: [0x00])
        data.append(Data(" end.\n".utf8))
        try add("ctl.txt", data)
        _ = try digest()
        let t = try text()
        XCTAssertTrue(t.contains("Before[31m after the bell."), t)
    }

    func testFrontMatterWithWrongTypesAndAnImpossibleDate() throws {
        try add("fm.txt", "---\ntitle: [not, a, string]\ndate: 2026-02-30\nsource: {a: 1}\n---\nThe envoy spoke.\n")
        let r = try digest()
        XCTAssertTrue(r.stderr.contains("2026-02-30"), r.stderr)
        XCTAssertTrue(r.stderr.contains("'title' should be text"), r.stderr)
    }

    func testMalformedFrontMatterYAMLIsSkippedNamingTheFile() throws {
        try addGoodArticle()
        try add("broken.md", "---\ntitle: \"unterminated\n: : :\n---\nBody.\n")
        let r = try digest()
        XCTAssertTrue(r.stderr.contains("broken.md") && r.stderr.contains("YAML"), r.stderr)
    }

    func testTenThousandTinyArticles() throws {
        for i in 0..<10_000 {
            try add(String(format: "a%05d.txt", i), "---\ntitle: Brief \(i)\ndate: 2026-01-\(String(format: "%02d", i % 28 + 1))\n---\nEnvoy \(i) welcomed the talks.\n")
        }
        let r = try PDFTools.run(Repo.executable, ["analyze", "--input", input, "--json"], currentDirectory: Repo.root)
        XCTAssertEqual(r.status, 0, String(r.stderr.prefix(500)))
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((json?["articles"] as? [Any])?.count, 10_000)
    }

    func testTwentyMegabyteArticleIsAnalysedAndRendered() throws {
        let sentence = "The minister said cooperation with partners would deepen in the coming years. "
        var big = "---\ntitle: Very long\n---\n"
        let paragraph = String(repeating: sentence, count: 10) + "\n\n"
        big.reserveCapacity(21_000_000)
        while big.utf8.count < 20_000_000 { big += paragraph }
        try add("big.txt", big)
        let r = try PDFTools.run(Repo.executable, ["analyze", "--input", input, "--json"], currentDirectory: Repo.root)
        XCTAssertEqual(r.status, 0, String(r.stderr.prefix(500)))
        XCTAssertTrue(r.stdout.contains("\"Very long\""))
    }
}
