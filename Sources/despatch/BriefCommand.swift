import ArgumentParser
import DespatchApp
import DespatchArchive
import Foundation

/// `despatch brief`: the weekly briefs from the archive, one PDF per layout.
struct BriefCommand: ParsableCommand, AnalysingCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the weekly brief of the archive's articles: brief-<week>-<layout>.pdf per layout."
    )

    @Option(help: "The archive database.")
    var db: String = "despatch.sqlite"

    @Option(help: "The week: \(WeekSelector.acceptedForms).")
    var week: String

    @Option(help: "Comma-separated layout names or YAML files; rendered in parallel.")
    var layouts: String = "default"

    @Option(help: "Folder for the PDFs (created if missing).")
    var outputDir: String = "out"

    @Option(help: "Seconds to wait for another despatch run holding the archive.")
    var lockTimeout: Double = 30

    func validate() throws {
        do { _ = try WeekSelector(parsing: week) } catch let e as WeekSelectorError { throw ValidationError(e.description) }
        if layoutNames.isEmpty { throw ValidationError("--layouts names no layout") }
    }

    /// The layouts named, each once, in the order given.
    var layoutNames: [String] {
        var seen = Set<String>()
        return layouts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    func run() throws {
        let result = try BriefPipeline(lockTimeout: lockTimeout).run(
            database: db, week: try WeekSelector(parsing: week), layouts: layoutNames, outputDirectory: outputDir,
            onWait: { waitingForLock(db) })
        let count = result.digest.articles.count
        for o in result.outputs {
            FileHandle.standardError.write(Data("despatch: wrote \(o.path) (\(o.pages) page\(o.pages == 1 ? "" : "s"), \(count) article(s) of \(result.week.iso))\n".utf8))
        }
    }
}
