import ArgumentParser
import DespatchApp
import Foundation
import Logging

/// The `despatch` command: a thin layer over DespatchApp's pipelines.
struct Despatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "despatch",
        abstract: "Analyse news coverage of a foreign-policy event and typeset briefing PDFs.",
        version: DigestPipeline.version,
        subcommands: [DigestCommand.self, AnalyzeCommand.self, EvalCommand.self, ExportCommand.self, LayoutsCommand.self,
                      IngestCommand.self, ArchiveCommand.self, BriefCommand.self, BenchCommand.self, SynthCommand.self],
        defaultSubcommand: DigestCommand.self
    )

    /// Parses, runs, and maps every failure to its documented exit code with one message.
    static func main() {
        LoggingSystem.bootstrap { _ in ConsoleLogHandler() }
        SignalCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as DespatchFailure {
            FileHandle.standardError.write(Data("despatch: error: \(failure.message)\n".utf8))
            Foundation.exit(failure.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}
