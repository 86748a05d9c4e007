import DespatchCore
import Foundation
import XCTest

/// Replays the fuzz seeds and the kept regression inputs through the article reader:
/// each must be read or refused with an error, never crash.
final class FuzzRegressionTests: XCTestCase {
    func testArticleInputsNeverCrash() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for dir in ["Fuzz/Corpus/article", "Fuzz/Regressions/article"] {
            let folder = root.appendingPathComponent(dir)
            files += try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        }
        XCTAssertGreaterThanOrEqual(files.count, 8)
        var read = 0
        for file in files {
            let data = try Data(contentsOf: file)
            guard let text = try? TextDecoder.decode(data) else { continue }
            for ext in ["txt", "md", "html"] {
                var warnings: [String] = []
                if let article = try? ArticleReader().parse(text: text, file: file.lastPathComponent, extension: ext, warnings: &warnings) {
                    XCTAssertFalse(article.paragraphs.isEmpty, file.lastPathComponent)
                    read += 1
                }
            }
        }
        XCTAssertGreaterThan(read, 0)
    }
}
