import DespatchLayout
import Foundation
import XCTest

/// Replays the layout fuzz seeds and the kept regression inputs through the parser: each
/// must parse, or fail with a `LayoutError` naming the file, never crash or throw anything else.
final class LayoutFuzzRegressionTests: XCTestCase {
    func testLayoutInputsParseOrFailWithALayoutError() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for dir in ["Fuzz/Corpus/layout", "Fuzz/Regressions/layout"] {
            files += try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent(dir), includingPropertiesForKeys: nil)
        }
        XCTAssertGreaterThanOrEqual(files.count, 10)
        var parsed = 0, refused = 0
        for file in files {
            guard let text = String(data: try Data(contentsOf: file), encoding: .utf8) else { continue }
            let parser = LayoutParser(path: file.lastPathComponent)
            do {
                let node = try parser.compose(text)
                _ = try parser.apply(node, over: LayoutDescription())
                parsed += 1
            } catch let error as LayoutError {
                XCTAssertEqual(error.path, file.lastPathComponent)
                XCTAssertFalse(error.message.isEmpty)
                refused += 1
            }
        }
        XCTAssertGreaterThan(parsed, 0, "the shipped layouts among the seeds parse")
        XCTAssertGreaterThan(refused, 0, "the broken seeds are refused")
    }
}
