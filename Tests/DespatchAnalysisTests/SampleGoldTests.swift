import DespatchAnalysis
import DespatchCore
import DespatchModel
import Foundation
import XCTest

/// Paths relative to this file: <repo>/Tests/DespatchAnalysisTests/…
enum TestPaths {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repoRoot.appendingPathComponent("Samples")
    static let gold = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/gold/seeds.json")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

final class SampleGoldTests: XCTestCase {
    func testSamplesScoreAgainstGold() throws {
        guard FileManager.default.fileExists(atPath: TestPaths.gold.path) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("gold file missing: \(TestPaths.gold.path)") }
            throw XCTSkip("gold file missing: \(TestPaths.gold.path)")
        }
        let corpus = try CorpusLoader().load(TestPaths.samples.path)
        let digest = DigestBuilder().build(corpus, generator: "despatch test")
        let json = try DigestJSON.encode(digest)
        try? json.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("despatch-analysis-samples.json"))
        let report = try GoldEvaluator().evaluate(digest, goldURL: TestPaths.gold)
        print(report.formatted())
        let o = report.overall
        XCTAssertGreaterThanOrEqual(o.bodyReactions.precision, 0.95, "body reactions precision")
        XCTAssertGreaterThanOrEqual(o.bodyReactions.recall, 0.95, "body reactions recall")
        XCTAssertGreaterThanOrEqual(o.country.value, 0.95, "country accuracy")
        XCTAssertGreaterThanOrEqual(o.stance.value, 0.8, "stance accuracy")
        XCTAssertGreaterThanOrEqual(o.relatedReactions.recall, 0.8, "related reactions recall")
        XCTAssertEqual(o.taskListsFound.correct, o.taskListsFound.total, "every gold task list found")
        XCTAssertEqual(o.statedCount.correct, o.statedCount.total, "stated counts")
        XCTAssertEqual(o.itemCount.correct, o.itemCount.total, "item counts")
        XCTAssertFalse(report.alignments.isEmpty)
        XCTAssertEqual(report.alignmentExactness.correct, report.alignmentExactness.total, "alignment exact")
        XCTAssertGreaterThanOrEqual(o.themes.f1, 0.8, "themes F1")
    }
}
