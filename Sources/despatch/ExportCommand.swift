import ArgumentParser
import DespatchApp
import Foundation

/// `despatch export`: the digest as HTML (e-mail editions) or Typst markup.
struct ExportCommand: ParsableCommand, AnalysingCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the digest as HTML or Typst markup instead of PDF."
    )

    @Option(help: "html or typst.")
    var format: String

    @Option(name: .shortAndLong, help: "Folder (or single file) of articles.")
    var input: String = "Samples"

    @Option(name: .shortAndLong, help: "Layout name or YAML file.")
    var layout: String = "default"

    @Option(name: .shortAndLong, help: "Output file (default: out/digest.html or out/digest.typ).")
    var output: String?

    @Option(help: "Title of the digest.")
    var title: String?

    func run() throws {
        guard let format = ExportFormat(rawValue: format.lowercased()) else {
            throw DespatchFailure(.usage, "--format must be one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(self.format)')")
        }
        let pipeline = DigestPipeline()
        let layoutDescription = try pipeline.loadLayout(layout)
        let corpus = try pipeline.loadCorpus(input)
        let sentences = layoutDescription.sections.map { $0.summarySentences }.max() ?? 3
        let digest = try pipeline.analyze(corpus, summarySentences: max(3, sentences))
        let text = pipeline.export(digest, layout: layoutDescription, format: format, title: title)
        let path = output ?? "out/digest.\(format.fileExtension)"
        if output == nil { try? FileManager.default.createDirectory(atPath: "out", withIntermediateDirectories: true) }
        try DigestPipeline.writeText(text, to: path)
        FileHandle.standardError.write(Data("despatch: wrote \(path)\n".utf8))
    }
}
