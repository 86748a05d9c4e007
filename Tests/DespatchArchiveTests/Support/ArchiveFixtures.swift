import DespatchApp
import DespatchArchive
import DespatchCore
import DespatchModel
import Foundation
import XCTest

/// Paths, temporary folders, clocks and synthetic articles shared by the archive tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var samples: String { root + "/Samples" }
    static let hanoi = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// The `despatch` built next to the test bundle (any scratch path), else ./.build.
    static var executable: String {
        if let env = ProcessInfo.processInfo.environment["DESPATCH_EXECUTABLE"], !env.isEmpty { return env }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [besideTests.appendingPathComponent("despatch").path,
                          besideTests.deletingLastPathComponent().appendingPathComponent("despatch").path]
        for dir in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            candidates.append(dir.appendingPathComponent("despatch").path)
        }
        candidates += [root + "/.build-archive/debug/despatch", root + "/.build/debug/despatch"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static func temporaryFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "despatch-archive-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// An instant given in UTC.
    static func utc(_ day: String, _ hour: Int = 12) -> Date {
        Date(timeIntervalSince1970: Double(CalendarDay(iso: day)!.daysSinceEpoch * 86400 + hour * 3600))
    }

    /// Writes a small article with front matter; `date` nil makes it undated.
    @discardableResult
    static func writeArticle(_ folder: String, _ name: String, title: String, date: String?, body: String,
                             source: String = "Test Wire") throws -> String {
        var text = "---\ntitle: \"\(title)\"\n"
        if let date { text += "date: \(date)\n" }
        text += "source: \(source)\nlanguage: en\n---\n\(body)\n"
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A copy of Samples/ in a temporary folder (so tests may edit files).
    static func copySamples() throws -> String {
        let folder = try temporaryFolder("samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: folder + "/" + name)
        }
        return folder
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built executable; stdout and stderr go to files (no pipe can fill up).
    static func despatch(_ arguments: [String], currentDirectory: String? = nil) throws -> Run {
        try start(arguments, currentDirectory: currentDirectory).wait()
    }

    final class Started {
        let process: Process
        let outPath: String
        let errPath: String
        init(process: Process, outPath: String, errPath: String) {
            self.process = process
            self.outPath = outPath
            self.errPath = errPath
        }
        func wait() throws -> Run {
            process.waitUntilExit()
            defer { unlink(outPath); unlink(errPath) }
            return Run(status: process.terminationStatus,
                       stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        }
    }

    static func start(_ arguments: [String], currentDirectory: String? = nil) throws -> Started {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory ?? root)
        let id = UUID().uuidString
        let outPath = NSTemporaryDirectory() + "despatch-out-\(id)"
        let errPath = NSTemporaryDirectory() + "despatch-err-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A hung child fails its test (SIGTERM, status 143) instead of stalling the suite.
        DispatchQueue.global().asyncAfter(deadline: .now() + 300) {
            if process.isRunning { process.terminate() }
        }
        return Started(process: process, outPath: outPath, errPath: errPath)
    }
}

/// A settable clock for the archive's "now".
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ date: Date) { value = date }
    var now: Date {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
