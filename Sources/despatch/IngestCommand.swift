import ArgumentParser
import DespatchApp
import Foundation

/// `despatch ingest`: store article files in the archive.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store articles (files or folders) in the archive; changed files become new revisions."
    )

    @Option(help: "The archive database (created if missing).")
    var db: String = "despatch.sqlite"

    @Option(help: "Seconds to wait for another despatch run holding the archive.")
    var lockTimeout: Double = 30

    @Argument(help: "Article files (.txt, .md, .html) or folders of them.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
    }

    func run() throws {
        let progress = TerminalProgress(label: "ingesting")
        let report = try ArchivePipeline(lockTimeout: lockTimeout).ingest(
            database: db, paths: paths, progress: progress.update, onWait: { waitingForLock(db) })
        progress.finish()
        for w in report.warnings { FileHandle.standardError.write(Data("despatch: warning: \(w)\n".utf8)) }
        FileHandle.standardError.write(Data("despatch: \(db): \(report.summary)\n".utf8))
    }
}

/// Tells the user why nothing seems to happen while another run holds the archive.
func waitingForLock(_ db: String) {
    FileHandle.standardError.write(Data("despatch: \(db) is in use by another despatch run; waiting...\n".utf8))
}

/// "ingesting 120/1000" on one rewritten stderr line, only when stderr is a terminal.
final class TerminalProgress {
    let label: String
    let enabled = isatty(STDERR_FILENO) != 0
    private var last = Date.distantPast
    private var shown = false

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, done == total || Date().timeIntervalSince(last) > 0.1 else { return }
        last = Date()
        shown = true
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\u{1B}[K".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
