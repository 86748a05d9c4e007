import ArgumentParser
import DespatchApp
import Foundation

/// `despatch eval`: precision, recall and F1 of the analysis against a hand-made answer key.
struct EvalCommand: ParsableCommand, AnalysingCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the analysis against a gold file: reactions, countries, stances, task lists, alignment, themes."
    )

    @Option(help: "The gold file (JSON, e.g. ../shared/gold/seeds.json).")
    var gold: String

    @Option(name: .shortAndLong, help: "Folder (or single file) of articles.")
    var input: String = "Samples"

    func run() throws {
        let pipeline = DigestPipeline()
        let digest = try pipeline.analyze(try pipeline.loadCorpus(input))
        print(try pipeline.evaluate(digest, gold: gold).formatted())
    }
}
