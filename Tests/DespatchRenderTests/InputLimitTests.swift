import DespatchApp
import Foundation
import XCTest

/// The documented caps, lowered so that the test is quick: past the cap on articles per run,
/// the run stops with an input error naming the folder, before any output is written.
final class InputLimitTests: XCTestCase {
    func testTooManyArticlesIsAnInputErrorAndWritesNothing() throws {
        let folder = try Repo.temporaryFolder("limits")
        let input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        for i in 1...6 {
            try "Article \(i)\n\nThe minister met the delegation and discussed cooperation in trade and investment."
                .write(toFile: input + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
        let output = folder + "/d.pdf"
        let options = RenderOptions(limits: InputLimits(maxArticles: 5))
        XCTAssertThrowsError(try SampleRender.pipeline.runDigest(input: input, layoutName: "default", output: output, options: options)) { error in
            let failure = error as? DespatchFailure
            XCTAssertEqual(failure?.status, .input)
            XCTAssertTrue(failure?.message.contains(input) ?? false, "\(error)")
            XCTAssertTrue(failure?.message.contains("6 articles, over the limit of 5") ?? false, "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["in"])
        // At the cap it runs.
        let ok = try SampleRender.pipeline.runDigest(input: input, layoutName: "default", output: output,
                                                      options: RenderOptions(limits: InputLimits(maxArticles: 6)))
        XCTAssertGreaterThan(ok.pageCount, 1)
    }
}
