import DespatchApp
import Foundation
import XCTest

/// Faults while writing: a full disk, an interrupt. No partial output, no temporary files.
final class FaultTests: XCTestCase {
    func testFullDiskGivesAClearErrorAndNoFile() throws {
        let mountPoint = try Repo.temporaryFolder("tmpfs")
        let mounted = try PDFTools.run("mount", ["-t", "tmpfs", "-o", "size=48k", "tmpfs", mountPoint])
        try XCTSkipIf(mounted.status != 0, "cannot mount a small tmpfs here (needs root): \(mounted.stderr)")
        defer { _ = try? PDFTools.run("umount", [mountPoint]) }
        let output = mountPoint + "/digest.pdf"
        let r = try PDFTools.run(Repo.executable, ["digest", "--input", Repo.samples, "--output", output], currentDirectory: Repo.root)
        XCTAssertEqual(r.status, ExitStatus.render.rawValue, r.stderr)
        XCTAssertTrue(r.stderr.contains(output) && r.stderr.contains("no space left"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint), [])
    }

    func testInterruptRemovesTheTemporaryFile() throws {
        guard let outcome = try InterruptedRender.run(signal: SIGINT, in: try Repo.temporaryFolder("sigint")) else {
            throw XCTSkip("the render finished before it could be interrupted")
        }
        XCTAssertEqual(outcome.status, 128 + SIGINT, outcome.stderr)
        XCTAssertEqual(outcome.entries, ["in", "out.pdf", "stderr.txt"], "temporary file left behind")
        XCTAssertTrue(outcome.outputUnchanged, "the previous PDF was changed")
    }
}
