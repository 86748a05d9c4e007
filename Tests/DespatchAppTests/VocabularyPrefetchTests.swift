import DespatchApp
import XCTest

/// Which command lines start loading the vocabulary before they are parsed.
final class VocabularyPrefetchTests: XCTestCase {
    let analysing: Set<String> = ["digest", "analyze"]

    func analyses(_ words: String..., byDefault: Bool = true) -> Bool {
        VocabularyPrefetch.analyses(["despatch"] + words, analysing: analysing, analysesByDefault: byDefault)
    }

    func testTheCommandsThatAnalyseStartIt() {
        XCTAssertTrue(analyses(), "no command: the default one")
        XCTAssertTrue(analyses("--input", "Samples"), "options of the default command")
        XCTAssertFalse(analyses("--input", "Samples", byDefault: false), "a default command that does not analyse")
        for command in analysing { XCTAssertTrue(analyses(command, "--input", "Samples"), command) }
    }

    func testOtherCommandsAndHelpDoNot() {
        for command in ["layouts", "bench", "help", "Samples"] { XCTAssertFalse(analyses(command), command) }
        XCTAssertFalse(analyses("--version"))
        XCTAssertFalse(analyses("digest", "--help"))
        XCTAssertFalse(analyses("analyze", "-h"))
    }
}
