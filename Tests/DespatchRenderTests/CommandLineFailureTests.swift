import DespatchApp
import Foundation
import XCTest

/// Bad input through the real executable: one clear line, a documented exit code,
/// and never a partial PDF at the output path.
final class CommandLineFailureTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = try Repo.temporaryFolder("cli")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Repo.executable),
                      "build the executable first (swift build): \(Repo.executable)")
    }

    func despatch(_ args: [String]) throws -> PDFTools.Result {
        try PDFTools.run(Repo.executable, args, currentDirectory: Repo.root)
    }

    func errorLines(_ r: PDFTools.Result) -> [String] {
        r.stderr.split(separator: "\n").map(String.init).filter { $0.contains("error") }
    }

    func assertNoPDF(in dir: String, except keep: Set<String> = []) throws {
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { ($0.hasSuffix(".pdf") || $0.contains(".tmp-")) && !keep.contains($0) }
        XCTAssertEqual(leftovers, [], "output left behind")
    }

    /// A build whose vocabulary lost a file stops with the installation's exit code and names
    /// the file, instead of printing the empty digest an analysis without vocabulary gives.
    /// The executable is linked into a folder of its own beside copies of its resource
    /// bundles (a bundle beside the executable is the one it reads), one file removed.
    func testMissingVocabularyFileIsAnInstallationError() throws {
        let install = folder + "/install"
        try FileManager.default.createDirectory(atPath: install, withIntermediateDirectories: true)
        let built = URL(fileURLWithPath: Repo.executable).deletingLastPathComponent()
        let executable = install + "/despatch"
        do { try FileManager.default.linkItem(atPath: Repo.executable, toPath: executable) } catch {
            try FileManager.default.copyItem(atPath: Repo.executable, toPath: executable)
        }
        for bundle in try FileManager.default.contentsOfDirectory(atPath: built.path) where bundle.hasSuffix(".resources") {
            try FileManager.default.copyItem(atPath: built.appendingPathComponent(bundle).path, toPath: install + "/" + bundle)
        }
        let vocabulary = install + "/Despatch_DespatchAnalysis.resources/Vocabulary"
        XCTAssertTrue(FileManager.default.fileExists(atPath: vocabulary + "/dates.txt"), "the copied bundle holds the vocabulary")
        let whole = try PDFTools.run(executable, ["analyze", "--input", Repo.samples, "--json"], currentDirectory: Repo.root)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        try FileManager.default.removeItem(atPath: vocabulary + "/dates.txt")
        for args in [["analyze", "--input", Repo.samples, "--json"], ["digest", "--input", Repo.samples, "--output", folder + "/out.pdf"]] {
            let r = try PDFTools.run(executable, args, currentDirectory: Repo.root)
            XCTAssertEqual(r.status, ExitStatus.installation.rawValue, "\(args[0]): \(r.stderr)")
            XCTAssertEqual(errorLines(r).count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("dates.txt is missing") && r.stderr.contains(vocabulary), r.stderr)
            XCTAssertEqual(r.stdout, "", "no digest printed")
        }
        try assertNoPDF(in: folder)
    }

    func testFolderWithNoReadableArticle() throws {
        let input = folder + "/empty"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let r = try despatch(["digest", "--input", input, "--output", folder + "/out.pdf"])
        XCTAssertEqual(r.status, ExitStatus.input.rawValue)
        XCTAssertEqual(errorLines(r).count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains(input) && r.stderr.contains("no readable article"), r.stderr)
        try assertNoPDF(in: folder)
    }

    func testFileThatIsNotUTF8() throws {
        let input = folder + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try Data([0x41, 0xC3, 0x28, 0x42]).write(to: URL(fileURLWithPath: input + "/latin1.txt"))
        let r = try despatch(["digest", "--input", input, "--output", folder + "/out.pdf"])
        XCTAssertEqual(r.status, ExitStatus.input.rawValue)
        XCTAssertTrue(r.stderr.contains("latin1.txt") && r.stderr.contains("not valid UTF-8"), r.stderr)
        try assertNoPDF(in: folder)
    }

    func testMissingLayoutLeavesAnExistingFileUntouched() throws {
        let output = folder + "/digest.pdf"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: output))
        let r = try despatch(["digest", "--input", Repo.samples, "--layout", "no-such-layout", "--output", output])
        XCTAssertEqual(r.status, ExitStatus.layout.rawValue)
        XCTAssertEqual(errorLines(r).count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("no-such-layout"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "previous")
        try assertNoPDF(in: folder, except: ["digest.pdf"])
    }

    func testOutputFolderThatDoesNotExist() throws {
        let output = folder + "/missing/sub/digest.pdf"
        let r = try despatch(["digest", "--input", Repo.samples, "--output", output])
        XCTAssertEqual(r.status, ExitStatus.render.rawValue)
        XCTAssertEqual(errorLines(r).count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains(output) && r.stderr.contains("does not exist"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/missing"))
    }

    func testOutputFolderThatCannotBeWritten() throws {
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        if getuid() == 0 {
            // Root writes through permission bits; a read-only mount stops it (EROFS).
            let mounted = try PDFTools.run("mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", locked])
            try XCTSkipIf(mounted.status != 0, "cannot mount a read-only tmpfs here: \(mounted.stderr)")
        } else {
            chmod(locked, 0o555)
        }
        defer {
            if getuid() == 0 { _ = try? PDFTools.run("umount", [locked]) } else { chmod(locked, 0o755) }
        }
        let r = try despatch(["digest", "--input", Repo.samples, "--output", locked + "/d.pdf"])
        XCTAssertEqual(r.status, ExitStatus.render.rawValue)
        XCTAssertTrue(r.stderr.contains("not writable"), r.stderr)
        try assertNoPDF(in: locked)
    }

    func testUnknownOptionIsAUsageError() throws {
        let r = try despatch(["digest", "--no-such-option"])
        XCTAssertEqual(r.status, ExitStatus.usage.rawValue)
        XCTAssertTrue(r.stderr.contains("no-such-option"), r.stderr)
    }

    func testPreviewResolutionOutOfRangeIsAUsageError() throws {
        for dpi in ["inf", "nan", "0", "100000"] {
            let r = try despatch(["digest", "--input", Repo.samples, "--output", folder + "/d.pdf", "--png", folder + "/png", "--png-dpi", dpi])
            XCTAssertEqual(r.status, ExitStatus.usage.rawValue, "\(dpi): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--png-dpi"), r.stderr)
        }
        try assertNoPDF(in: folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/png"))
    }

    func testSuccessfulRunWritesOnlyThePDF() throws {
        let output = folder + "/ok.pdf"
        let r = try despatch(["digest", "--input", Repo.samples, "--output", output])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["ok.pdf"])
        XCTAssertGreaterThan(try PDFTools.pageCount(output), 1)
    }
}
