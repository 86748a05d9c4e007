import DespatchAnalysis
import DespatchCore
import DespatchModel
import Foundation
import XCTest

/// Articles written for these tests (other countries, names, list shapes and speech patterns),
/// scored against their own small answer keys with the same evaluator and thresholds.
final class GeneralisationTests: XCTestCase {
    func digest(_ folder: String) throws -> Digest {
        let corpus = try CorpusLoader().load(TestPaths.fixtures.appendingPathComponent(folder).path)
        return DigestBuilder().build(corpus, generator: "test")
    }

    func check(_ report: EvaluationReport, file: StaticString = #filePath, line: UInt = #line) {
        print(report.formatted())
        let o = report.overall
        XCTAssertGreaterThanOrEqual(o.bodyReactions.precision, 0.95, "body reactions precision", file: file, line: line)
        XCTAssertGreaterThanOrEqual(o.bodyReactions.recall, 0.95, "body reactions recall", file: file, line: line)
        XCTAssertGreaterThanOrEqual(o.country.value, 0.95, "country accuracy", file: file, line: line)
        XCTAssertGreaterThanOrEqual(o.stance.value, 0.8, "stance accuracy", file: file, line: line)
        XCTAssertGreaterThanOrEqual(o.relatedReactions.recall, 0.8, "related recall", file: file, line: line)
        XCTAssertEqual(o.taskListsFound.correct, o.taskListsFound.total, "task lists found", file: file, line: line)
        XCTAssertEqual(o.statedCount.correct, o.statedCount.total, "stated counts", file: file, line: line)
        XCTAssertEqual(o.itemCount.correct, o.itemCount.total, "item counts", file: file, line: line)
        XCTAssertEqual(report.alignmentExactness.correct, report.alignmentExactness.total, "alignments", file: file, line: line)
        XCTAssertGreaterThanOrEqual(o.themes.f1, 0.8, "themes F1", file: file, line: line)
    }

    func testEnglishFixtures() throws {
        let d = try digest("en")
        let report = try GoldEvaluator().evaluate(d, goldURL: TestPaths.fixtures.appendingPathComponent("gold-en.json"))
        check(report)
        XCTAssertEqual(report.alignments.count, 1)
        let a = try XCTUnwrap(d.articles.first { $0.file == "a_forum.txt" })
        let b = try XCTUnwrap(d.articles.first { $0.file == "b_followup.txt" })
        // The host country's own ministers are officials, never reactions.
        XCTAssertTrue(a.officials.contains { $0.name.contains("Iturra") })
        XCTAssertFalse(a.reactions.contains { ($0.speaker ?? "").contains("Iturra") || ($0.speaker ?? "").contains("Vial") })
        // Pronoun follow-up and quote-then-"said" attach to the right speakers.
        XCTAssertEqual(a.reactions.first { $0.speaker == "Kenji Morimoto" }?.evidence.count, 2)
        XCTAssertEqual(b.reactions.first { $0.speaker == "Claire Dubois" }?.evidence.count, 2)
        // Captions and related headlines stay out of the body.
        XCTAssertFalse(a.paragraphs.contains { $0.contains("(Photo:") })
        XCTAssertEqual(a.relatedHeadlines.count, 3)
        XCTAssertFalse(a.paragraphs.contains { $0.contains("Related news") })
        // Dateline date, and a date contradicting the other article's date.
        XCTAssertEqual(b.date, "2026-03-04")
        XCTAssertEqual(b.dateSource, "dateline")
        XCTAssertTrue(b.discrepancies.contains { $0.contains("March 3, 2025") }, "\(b.discrepancies)")
        XCTAssertTrue(a.discrepancies.isEmpty, "\(a.discrepancies)")
    }

    func testVietnameseFixture() throws {
        let d = try digest("vi")
        let report = try GoldEvaluator().evaluate(d, goldURL: TestPaths.fixtures.appendingPathComponent("gold-vi.json"))
        check(report)
        let c = try XCTUnwrap(d.articles.first)
        XCTAssertEqual(c.language, "vi", "language detected when not given")
        XCTAssertTrue(c.officials.contains { $0.name.contains("Sayavong") })
        XCTAssertTrue(d.themes.contains { $0.id == "key-regular-task" && $0.variants.contains { TextFolding.key($0).contains("trong yeu") } })
    }
}
