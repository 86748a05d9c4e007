import Foundation
import XCTest

/// A long digest interrupted by a signal once its temporary PDF exists (painting has begun),
/// with a real PDF from an earlier run at the output path: what a fault test inspects.
enum InterruptedRender {
    struct Outcome {
        var status: Int32
        var reason: Process.TerminationReason
        var stderr: String
        /// The folder's entries afterwards, sorted (the input folder, the output, the log).
        var entries: [String]
        var outputUnchanged: Bool
    }

    /// Nil when the render finished before it could be interrupted.
    static func run(signal: Int32, in folder: String) throws -> Outcome? {
        let input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let paragraph = String(repeating: "The delegations reviewed cooperation on trade, energy and education. ", count: 12)
        for i in 0..<400 {
            let body = Array(repeating: paragraph, count: 12).joined(separator: "\n\n")
            try "---\ntitle: Report \(i)\n---\n\(body)\n".write(toFile: input + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
        let output = folder + "/out.pdf"
        let first = try PDFTools.run(Repo.executable, ["digest", "--input", Repo.samples, "--output", output],
                                     currentDirectory: Repo.root)
        XCTAssertEqual(first.status, 0, first.stderr)
        let previous = try Data(contentsOf: URL(fileURLWithPath: output))

        let errPath = folder + "/stderr.txt"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["digest", "--input", input, "--output", output]
        process.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        // Wait (bounded, not timed) until the temporary PDF exists.
        let deadline = Date().addingTimeInterval(PDFTools.timeout)
        var sawTemporary = false
        while Date() < deadline, process.isRunning {
            if (try? FileManager.default.contentsOfDirectory(atPath: folder))?.contains(where: { $0.contains(".tmp-") }) == true {
                sawTemporary = true
                break
            }
            usleep(2_000)
        }
        guard sawTemporary else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return nil
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, reason: process.terminationReason,
                       stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                       entries: try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
                       outputUnchanged: (try? Data(contentsOf: URL(fileURLWithPath: output))) == previous)
    }
}
