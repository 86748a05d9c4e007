import Foundation
import XCTest

/// Swift seeds its hashing afresh in every process, so anything that depends on the order of a
/// dictionary or set can change between two runs on the same input while looking stable within
/// one. 60 synthetic articles have many task lists with tied similarities: the alignment once
/// summed over a set and paired them differently from run to run.
final class AnalysisDeterminismTests: XCTestCase {
    func testTwoProcessesPrintTheSameAnalysis() throws {
        let folder = try Repo.temporaryFolder("determinism")
        let corpus = folder + "/corpus"
        let synth = try PDFTools.run(Repo.executable, ["synth", "--articles", "60", "--output", corpus])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        try? FileManager.default.removeItem(atPath: corpus + "/answers.json")
        var outputs: [String] = []
        for _ in 0..<3 {
            let r = try PDFTools.run(Repo.executable, ["analyze", "--input", corpus, "--json"],
                                     environment: ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1769904000"]) { $1 })
            XCTAssertEqual(r.status, 0, r.stderr)
            outputs.append(r.stdout)
        }
        XCTAssertGreaterThan(outputs[0].count, 10_000)
        XCTAssertTrue(outputs[0].contains("\"alignments\""))
        XCTAssertEqual(outputs[1], outputs[0], "a second process analysed the same articles differently")
        XCTAssertEqual(outputs[2], outputs[0], "a third process analysed the same articles differently")
    }
}
