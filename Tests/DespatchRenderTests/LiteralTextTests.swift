import DespatchApp
import Foundation
import XCTest

final class LiteralTextTests: XCTestCase {
    func testArticleTextIsNeverReadAsMarkup() throws {
        let folder = try Repo.temporaryFolder("markup")
        let body = "The envoy wrote <b>x</b> & <span> in a note, and %PDF-1.4 /Type /Page too."
        try "---\ntitle: Markup <i>test</i>\ndate: 2026-01-02\n---\n\(body)\n\nA second paragraph so the article has a body.\n"
            .write(toFile: folder + "/m.txt", atomically: true, encoding: .utf8)
        let pdf = folder + "/m.pdf"
        let pipeline = DigestPipeline(locator: ResourceLocator(workingDirectory: Repo.root, environment: [:], executablePath: ""))
        _ = try pipeline.runDigest(input: folder, layoutName: "default", output: pdf, options: RenderOptions())
        let text = PDFTools.flat(try PDFTools.text(pdf))
        XCTAssertTrue(text.contains("<b>x</b> & <span>"), text)
        XCTAssertTrue(text.contains("Markup <i>test</i>"), text)
    }
}
