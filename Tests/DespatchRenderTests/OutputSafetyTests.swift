import DespatchApp
import Foundation
import XCTest

/// Output files seen from the file system: a symlink at an output name is replaced, never
/// written through; SIGTERM during a render leaves no temporary file and the old PDF intact.
final class OutputSafetyTests: XCTestCase {
    let victimContent = "victim: must never be overwritten\n"
    var folder = ""

    override func setUpWithError() throws {
        folder = try Repo.temporaryFolder("outsafety")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Repo.executableBesideTests),
                      "build the executable first: \(Repo.executableBesideTests)")
    }

    override func tearDownWithError() throws {
        if !folder.isEmpty { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// A victim file elsewhere, and a symlink to it at `linkPath`.
    func plantSymlink(at linkPath: String, victim name: String) throws -> String {
        let victims = folder + "/victims"
        try FileManager.default.createDirectory(atPath: victims, withIntermediateDirectories: true)
        let victim = victims + "/" + name
        try victimContent.write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: linkPath, withDestinationPath: victim)
        XCTAssertTrue(isSymlink(linkPath))
        return victim
    }

    func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    func prefix(_ path: String, _ count: Int) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(count))
    }

    func leftovers(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
    }

    func testDigestReplacesASymlinkAtTheOutputInsteadOfFollowingIt() throws {
        let output = folder + "/out.pdf"
        let victim = try plantSymlink(at: output, victim: "victim.txt")
        let r = try PDFTools.run(Repo.executableBesideTests, ["digest", "--input", Repo.samples, "--output", output],
                                 currentDirectory: Repo.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), victimContent, "the PDF was written through the symlink")
        XCTAssertFalse(isSymlink(output), "out.pdf is still a symlink")
        XCTAssertTrue(isRegularFile(output), "out.pdf is not a regular file")
        XCTAssertEqual(try prefix(output, 4), Array("%PDF".utf8))
        XCTAssertEqual(try leftovers(folder), [])
    }

    func testPNGPreviewReplacesASymlinkInsteadOfFollowingIt() throws {
        let png = folder + "/png"
        try FileManager.default.createDirectory(atPath: png, withIntermediateDirectories: true)
        let victim = try plantSymlink(at: png + "/page-001.png", victim: "victim.txt")
        let r = try PDFTools.run(Repo.executableBesideTests,
                                 ["digest", "--input", Repo.samples, "--output", folder + "/out.pdf", "--png", png, "--png-dpi", "20"],
                                 currentDirectory: Repo.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), victimContent, "the preview was written through the symlink")
        let preview = png + "/page-001.png"
        XCTAssertFalse(isSymlink(preview), "page-001.png is still a symlink")
        XCTAssertTrue(isRegularFile(preview), "page-001.png is not a regular file")
        XCTAssertEqual(try prefix(preview, 8), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(try leftovers(png), [])
    }

    func testSIGTERMDuringARenderRemovesTheTemporaryFileAndKeepsThePreviousPDF() throws {
        let input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let paragraph = String(repeating: "The delegations reviewed cooperation on trade, energy and education. ", count: 12)
        for i in 0..<400 {
            let body = Array(repeating: paragraph, count: 12).joined(separator: "\n\n")
            try "---\ntitle: Report \(i)\n---\n\(body)\n".write(toFile: input + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
        // A real PDF from an earlier run sits at the output path.
        let output = folder + "/out.pdf"
        let first = try PDFTools.run(Repo.executableBesideTests, ["digest", "--input", Repo.samples, "--output", output],
                                     currentDirectory: Repo.root)
        XCTAssertEqual(first.status, 0, first.stderr)
        let previous = try Data(contentsOf: URL(fileURLWithPath: output))
        XCTAssertEqual(Array(previous.prefix(4)), Array("%PDF".utf8))

        let errPath = folder + "/stderr.txt"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executableBesideTests)
        process.arguments = ["digest", "--input", input, "--output", output]
        process.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        // Wait until the temporary PDF exists, i.e. painting has started (bounded, not timed).
        let deadline = Date().addingTimeInterval(PDFTools.timeout)
        var sawTemporary = false
        while Date() < deadline, process.isRunning {
            if (try? leftovers(folder))?.isEmpty == false {
                sawTemporary = true
                break
            }
            usleep(2_000)
        }
        if !sawTemporary, process.isRunning { process.terminate() }
        try XCTSkipUnless(sawTemporary, "the render finished before it could be terminated")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationReason, .exit, "killed by the signal instead of handling it: \(stderr)")
        XCTAssertEqual(process.terminationStatus, 143, stderr)
        XCTAssertTrue(stderr.contains("interrupted"), stderr)
        XCTAssertEqual(try leftovers(folder), [], "temporary file left behind")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["in", "out.pdf", "stderr.txt"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: output)), previous, "the previous PDF was changed")
    }

    func testSynthReplacesSymlinksInsteadOfWritingThroughThem() throws {
        let out = folder + "/synth"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let answersVictim = try plantSymlink(at: out + "/answers.json", victim: "answers-victim.txt")
        let articleVictim = try plantSymlink(at: out + "/syn_00000.txt", victim: "article-victim.txt")
        let r = try PDFTools.run(Repo.executableBesideTests, ["synth", "--articles", "2", "--paragraphs", "1", "--output", out],
                                 currentDirectory: Repo.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        for victim in [answersVictim, articleVictim] {
            XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), victimContent, "written through the symlink to \(victim)")
        }
        for name in ["answers.json", "syn_00000.txt", "syn_00001.txt"] {
            XCTAssertTrue(isRegularFile(out + "/" + name), "\(name) is not a regular file")
        }
        let answers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/answers.json"))) as? [String: Any]
        XCTAssertEqual((answers?["articles"] as? [Any])?.count, 2)
        XCTAssertTrue(try String(contentsOfFile: out + "/syn_00000.txt", encoding: .utf8).hasPrefix("---\ntitle:"))
        XCTAssertEqual(try leftovers(out), [])
    }
}
