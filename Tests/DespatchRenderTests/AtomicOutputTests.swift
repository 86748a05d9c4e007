@testable import DespatchRender
import Foundation
import XCTest

/// The signal path: `removeAllPending` removes every unfinished temporary file, and no
/// output can be started after it, so an exiting process leaves nothing behind.
final class AtomicOutputTests: XCTestCase {
    override func tearDown() { AtomicOutput.resumeAfterShutdownForTesting() }

    func testAfterRemoveAllPendingNothingIsLeftAndNothingNewStarts() throws {
        let folder = try Repo.temporaryFolder("atomic")
        let first = try AtomicOutput(destination: folder + "/a.pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: first.temporaryPath), "created at once, exclusively")
        let bytes = Array("%PDF-1.5 partial".utf8)
        XCTAssertTrue(bytes.withUnsafeBytes { first.write($0) })
        AtomicOutput.removeAllPending()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        // A render thread still writing goes on writing to the unlinked file: nothing reappears.
        XCTAssertTrue(bytes.withUnsafeBytes { first.write($0) })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        XCTAssertThrowsError(try AtomicOutput(destination: folder + "/b.pdf")) { error in
            XCTAssertTrue("\(error)".contains("interrupted"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testCommitMovesTheCompleteFileIntoPlace() throws {
        let folder = try Repo.temporaryFolder("atomic-commit")
        let output = try AtomicOutput(destination: folder + "/a.txt")
        XCTAssertTrue(Array("done".utf8).withUnsafeBytes { output.write($0) })
        try output.commit()
        XCTAssertEqual(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8), "done")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["a.txt"])
    }
}
