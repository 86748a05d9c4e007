@testable import DespatchAnalysis
import DespatchCore
import Foundation
import XCTest

/// A sentence folds its tokens on its own bytes; the folds must be `TextFolding.fold`'s.
final class SentenceFoldTests: XCTestCase {
    func testTokenFoldsEqualTextFolding() throws {
        var texts = ["Việt Nam's Ambassador ĐẶNG Hoàng Giang met U.S. and Timor-Leste's envoys on 10.5 and 1,200 issues.",
                     "ASEAN, CPV, Đổi Mới, São Tomé, Straße, Œuvre, Łódź, ØRSTED, naïve café — “quoted” ‘text’ x’s",
                     "Москва и Пекин: 東京 서울 Ελλάδα", "", "lowercase only words here 123"]
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples").standardized
        for f in try FileManager.default.contentsOfDirectory(atPath: samples.path) where f.hasSuffix(".md") || f.hasSuffix(".txt") {
            texts.append(try String(contentsOf: samples.appendingPathComponent(f), encoding: .utf8))
        }
        var checked = 0
        for text in texts {
            let s = Sentence(TextNormalizer.normalize(text), paragraph: 0, kind: .body)
            XCTAssertEqual(s.folded, s.words.map { TextFolding.fold($0) }, String(text.prefix(60)))
            checked += s.words.count
        }
        XCTAssertGreaterThan(checked, 1000)
    }
}
