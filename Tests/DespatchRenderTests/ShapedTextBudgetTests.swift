import DespatchApp
import Foundation
import XCTest

/// Paragraphs past the shaped-text budget keep only their line metrics and are shaped again
/// when painted, and a document past it is paginated a second time, each page painted as it
/// is finished. Those paths must draw exactly what the kept layouts draw: the budget trades
/// memory for time and never changes the document.
final class ShapedTextBudgetTests: XCTestCase {
    func render(budget: Int?, _ name: String) throws -> Data {
        let folder = try Repo.temporaryFolder("budget-\(name)")
        let pdf = folder + "/digest.pdf"
        _ = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: "default", output: pdf,
                                                options: RenderOptions(shapedTextBudget: budget))
        return try Data(contentsOf: URL(fileURLWithPath: pdf))
    }

    func testEveryBudgetGivesTheSamePDF() throws {
        let kept = try render(budget: Int.max / 2, "all-kept")
        let shapedAgain = try render(budget: 0, "none-kept")
        let partly = try render(budget: 20_000, "partly-kept")
        XCTAssertGreaterThan(kept.count, 10_000)
        XCTAssertEqual(shapedAgain, kept, "shaping again to paint changed the PDF")
        XCTAssertEqual(partly, kept, "a budget that runs out mid-document changed the PDF")
    }

    func testTheNewsletterInColumnsIsTheSameShapedAgain() throws {
        func render(_ budget: Int, _ name: String) throws -> Data {
            let folder = try Repo.temporaryFolder("budget-newsletter-\(name)")
            let pdf = folder + "/newsletter.pdf"
            _ = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: "newsletter", output: pdf,
                                                    options: RenderOptions(shapedTextBudget: budget))
            return try Data(contentsOf: URL(fileURLWithPath: pdf))
        }
        XCTAssertEqual(try render(0, "none"), try render(Int.max / 2, "all"))
    }

    func testPreviewsAreTheSameWhenTheDocumentIsPaginatedAgain() throws {
        func previews(_ budget: Int, _ name: String) throws -> [Data] {
            let folder = try Repo.temporaryFolder("budget-png-\(name)")
            _ = try SampleRender.pipeline.runDigest(input: Repo.samples, layoutName: "default", output: folder + "/d.pdf",
                                                    options: RenderOptions(pngDirectory: folder + "/png", pngScale: 0.4,
                                                                           shapedTextBudget: budget))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/png").sorted()
            return try files.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/png/" + $0)) }
        }
        let kept = try previews(Int.max / 2, "all")
        XCTAssertGreaterThan(kept.count, 5)
        XCTAssertEqual(try previews(20_000, "partly"), kept)
    }
}
