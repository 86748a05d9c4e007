import ArgumentParser
import DespatchApp
import DespatchArchive
import Foundation

/// `despatch archive`: look into the archive.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Inspect the article archive.",
        subcommands: [ArchiveListCommand.self]
    )
}

/// `despatch archive list`: one line per stored article.
struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the stored articles (date, outlet, title); '*' marks an undated article's first-seen day."
    )

    @Option(help: "The archive database.")
    var db: String = "despatch.sqlite"

    @Option(help: "Only this week: \(WeekSelector.acceptedForms).")
    var week: String?

    @Option(help: "Time zone (IANA) for first-seen days and for 'this'/'last'.")
    var timeZone: String = WeekSelector.defaultTimeZone

    @Option(help: "Seconds to wait for another despatch run holding the archive.")
    var lockTimeout: Double = 30

    func validate() throws {
        if let week {
            do { _ = try WeekSelector(parsing: week) } catch let e as WeekSelectorError { throw ValidationError(e.description) }
        }
        if TimeZone(identifier: timeZone) == nil { throw ValidationError("unknown time zone '\(timeZone)' (e.g. Asia/Ho_Chi_Minh, UTC)") }
    }

    func run() throws {
        let selector = try week.map { try WeekSelector(parsing: $0) }
        let lines = try ArchivePipeline(lockTimeout: lockTimeout)
            .list(database: db, week: selector, timeZone: TimeZone(identifier: timeZone)!)
        for line in lines { print(line) }
        if lines.isEmpty {
            FileHandle.standardError.write(Data("despatch: no articles in \(db)\(week.map { " for week \($0)" } ?? "")\n".utf8))
        }
    }
}
