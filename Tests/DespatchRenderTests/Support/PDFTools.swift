import Foundation
import XCTest

/// Runs poppler-utils and qpdf on a PDF: the renderer's output checked from outside.
enum PDFTools {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Seconds a child process may run before it is terminated (SIGTERM).
    static let timeout: Double = 300

    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String]? = nil,
                    currentDirectory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A hung child (a pagination loop, say) fails its test instead of stalling the suite.
        DispatchQueue.global().asyncAfter(deadline: .now() + PDFTools.timeout) {
            if process.isRunning { process.terminate() }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func text(_ pdf: String, page: Int? = nil, layout: Bool = false) throws -> String {
        var args = ["-enc", "UTF-8"] + (layout ? ["-layout"] : [])
        if let page { args += ["-f", String(page), "-l", String(page)] }
        let r = try run("pdftotext", args + [pdf, "-"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    static func info(_ pdf: String) throws -> [String: String] {
        let r = try run("pdfinfo", [pdf])
        XCTAssertEqual(r.status, 0, r.stderr)
        var result: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static func pageCount(_ pdf: String) throws -> Int { Int(try info(pdf)["Pages"] ?? "") ?? 0 }

    /// Rows of pdffonts: (name, embedded, subset).
    static func fonts(_ pdf: String) throws -> [(name: String, embedded: Bool, subset: Bool)] {
        let r = try run("pdffonts", [pdf])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.split(separator: "\n").dropFirst(2).map { line in
            let cols = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            // name type... emb sub uni object ID: the last five columns are fixed.
            let n = cols.count
            return (cols[0], cols[n - 5] == "yes", cols[n - 4] == "yes")
        }
    }

    /// Whitespace collapsed to single spaces, for matching text that wraps.
    static func flat(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Paths of the repository (from this file's location).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var samples: String { root + "/Samples" }
    static var fonts: String { root + "/Fonts" }

    /// The `despatch` built next to this test bundle, whatever the scratch path
    /// (`swift build --scratch-path X` puts both in X/debug); `DESPATCH_EXECUTABLE` overrides it,
    /// and ./.build/debug is the last resort.
    static var executable: String {
        if let env = ProcessInfo.processInfo.environment["DESPATCH_EXECUTABLE"], !env.isEmpty { return env }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [besideTests.appendingPathComponent("despatch").path,
                          besideTests.deletingLastPathComponent().appendingPathComponent("despatch").path]
        for dir in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            candidates.append(dir.appendingPathComponent("despatch").path)
        }
        candidates.append(root + "/.build/debug/despatch")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? root + "/.build/debug/despatch"
    }

    static func temporaryFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "despatch-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
