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
        let folder = try Repo.temporaryFolder("sigint")
        let input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let paragraph = String(repeating: "The delegations reviewed cooperation on trade, energy and education. ", count: 12)
        for i in 0..<400 {
            let body = Array(repeating: paragraph, count: 12).joined(separator: "\n\n")
            try "---\ntitle: Report \(i)\n---\n\(body)\n".write(toFile: input + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
        let output = folder + "/out.pdf"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: output))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["digest", "--input", input, "--output", output]
        process.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
        process.standardError = Pipe()
        try process.run()
        // Wait until the temporary PDF exists, i.e. rendering has started.
        let deadline = Date().addingTimeInterval(60)
        var sawTemporary = false
        while Date() < deadline, process.isRunning {
            if (try? FileManager.default.contentsOfDirectory(atPath: folder))?.contains(where: { $0.contains(".tmp-") }) == true {
                sawTemporary = true
                break
            }
            usleep(2_000)
        }
        try XCTSkipUnless(sawTemporary, "the render finished before it could be interrupted")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 128 + SIGINT)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(left, ["in", "out.pdf"])
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "previous")
    }
}
