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
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Repo.executable),
                      "build the executable first: \(Repo.executable)")
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
        let r = try PDFTools.run(Repo.executable, ["digest", "--input", Repo.samples, "--output", output],
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
        let r = try PDFTools.run(Repo.executable,
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
        guard let outcome = try InterruptedRender.run(signal: SIGTERM, in: folder) else {
            throw XCTSkip("the render finished before it could be terminated")
        }
        XCTAssertEqual(outcome.reason, .exit, "killed by the signal instead of handling it: \(outcome.stderr)")
        XCTAssertEqual(outcome.status, 143, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted"), outcome.stderr)
        XCTAssertEqual(outcome.entries, ["in", "out.pdf", "stderr.txt"], "temporary file left behind")
        XCTAssertTrue(outcome.outputUnchanged, "the previous PDF was changed")
    }

    func testSynthReplacesSymlinksInsteadOfWritingThroughThem() throws {
        let out = folder + "/synth"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let answersVictim = try plantSymlink(at: out + "/answers.json", victim: "answers-victim.txt")
        let articleVictim = try plantSymlink(at: out + "/syn_00000.txt", victim: "article-victim.txt")
        let r = try PDFTools.run(Repo.executable, ["synth", "--articles", "2", "--paragraphs", "1", "--output", out],
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
