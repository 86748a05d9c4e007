import Foundation
import XCTest

/// The commands that analyse start loading the vocabulary before their command line is
/// parsed (`VocabularyPrefetch`, chosen by `AnalysingCommand`); the others, and `bench`, whose
/// scenarios measure the loading, do not. Seen from outside: DESPATCH_TIMINGS prints the
/// prefetch's own timing line.
final class VocabularyPrefetchCommandTests: XCTestCase {
    let line = "vocabulary (before the command line was parsed)"

    func run(_ arguments: [String]) throws -> PDFTools.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["DESPATCH_TIMINGS"] = "1"
        return try PDFTools.run(Repo.executable, arguments, environment: environment, currentDirectory: Repo.root)
    }

    func testTheCommandsThatAnalyseLoadItFirst() throws {
        let folder = try Repo.temporaryFolder("prefetch")
        for arguments in [["analyze", "--input", Repo.samples],
                          ["--input", Repo.samples, "--output", folder + "/digest.pdf"],  // digest, the default
                          ["export", "--format", "html", "--input", Repo.samples, "--output", folder + "/digest.html"]] {
            let r = try run(arguments)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stderr.contains(line), "\(arguments.first!): the vocabulary was not loaded ahead")
        }
    }

    func testOtherCommandsDoNot() throws {
        let folder = try Repo.temporaryFolder("prefetch-not")
        for arguments in [["layouts"], ["synth", "--articles", "1", "--output", folder + "/synth"], ["digest", "--help"]] {
            let r = try run(arguments)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stderr.contains(line), "\(arguments.first!) loaded the vocabulary ahead")
        }
    }
}
