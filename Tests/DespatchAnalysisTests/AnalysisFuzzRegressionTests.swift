import DespatchAnalysis
import DespatchCore
import Foundation
import XCTest

/// Replays the analysis fuzz seeds and kept regressions: each is read and analysed, never trapped.
final class AnalysisFuzzRegressionTests: XCTestCase {
    func testAnalysisInputsNeverCrash() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for dir in ["Fuzz/Corpus/analysis", "Fuzz/Regressions/analysis"] {
            files += try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent(dir), includingPropertiesForKeys: nil)
        }
        XCTAssertGreaterThanOrEqual(files.count, 3)
        for file in files {
            guard let text = try? TextDecoder.decode(try Data(contentsOf: file)) else { continue }
            var warnings: [String] = []
            guard let article = try? ArticleReader().parse(text: text, file: file.lastPathComponent, extension: "txt", warnings: &warnings) else { continue }
            let digest = DigestBuilder().build(Corpus(articles: [article]), generator: "test")
            XCTAssertEqual(digest.articles.count, 1, file.lastPathComponent)
        }
    }
}
