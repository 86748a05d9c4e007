import ArgumentParser
import DespatchApp
import DespatchSynthetic
import Foundation

/// `despatch synth`: write a seeded synthetic corpus and its answer key.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a deterministic synthetic corpus (articles + answers.json) for benchmarks and scoring."
    )

    @Option(help: "Number of articles.")
    var articles: Int = 200

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 42

    @Option(help: "Filler paragraphs per article.")
    var paragraphs: Int = 8

    @Option(name: .shortAndLong, help: "Folder to write into (created).")
    var output: String

    func run() throws {
        let corpus = SyntheticCorpus(options: .init(articles: articles, seed: seed, paragraphs: paragraphs))
        let written = try corpus.write(to: output)
        FileHandle.standardError.write(Data("despatch: wrote \(written.count) articles and answers.json to \(output)\n".utf8))
    }
}
