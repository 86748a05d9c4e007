import ArgumentParser
import DespatchApp
import Foundation

/// `despatch analyze`: the analysis as JSON (the contract in ANALYSIS-JSON.md) or a summary.
struct AnalyzeCommand: ParsableCommand, AnalysingCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse the articles and print the digest model."
    )

    @Option(name: .shortAndLong, help: "Folder (or single file) of articles.")
    var input: String = "Samples"

    @Flag(help: "Print the digest as JSON on standard output (warnings go to standard error).")
    var json = false

    @Option(help: "Sentences of extractive summary per article.")
    var summarySentences: Int = 3

    func run() throws {
        let pipeline = DigestPipeline()
        let corpus = try pipeline.loadCorpus(input)
        let digest = try pipeline.analyze(corpus, summarySentences: summarySentences)
        if json {
            FileHandle.standardOutput.write(try DigestPipeline.encodeJSON(digest))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(DigestPipeline.textSummary(digest))
        }
    }
}
