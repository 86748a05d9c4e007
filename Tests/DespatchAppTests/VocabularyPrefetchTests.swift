import DespatchApp
import XCTest

/// Which command lines start loading the vocabulary before they are parsed.
final class VocabularyPrefetchTests: XCTestCase {
    func analyses(_ words: String...) -> Bool { VocabularyPrefetch.analyses(["despatch"] + words) }

    func testTheCommandsThatAnalyseStartIt() {
        XCTAssertTrue(analyses(), "no command is the default one, digest")
        XCTAssertTrue(analyses("--input", "Samples"), "options of the default digest")
        for command in ["digest", "analyze", "eval", "export", "brief"] {
            XCTAssertTrue(analyses(command, "--input", "Samples"), command)
        }
    }

    func testOtherCommandsAndHelpDoNot() {
        for command in ["layouts", "ingest", "archive", "synth", "bench", "help"] {
            XCTAssertFalse(analyses(command), command)
        }
        XCTAssertFalse(analyses("--version"))
        XCTAssertFalse(analyses("digest", "--help"))
        XCTAssertFalse(analyses("analyze", "-h"))
    }
}
