import ArgumentParser
import DespatchApp
import DespatchRender
import Foundation

/// `despatch digest`: render the briefing PDF from a folder of articles.
struct DigestCommand: ParsableCommand, AnalysingCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Read the articles, analyse them and write the digest PDF."
    )

    @Option(name: .shortAndLong, help: "Folder (or single file) of articles: .txt, .md, .html.")
    var input: String = "Samples"

    @Option(name: .shortAndLong, help: "Layout name (looked up in ./Layouts, then the repository's Layouts) or a YAML file.")
    var layout: String = "default"

    @Option(name: .shortAndLong, help: "Output PDF path; its folder must exist (out/ is created for the default).")
    var output: String = "out/digest.pdf"

    @Option(help: "Title of the digest (the {title} of the layout's templates).")
    var title: String?

    @Option(help: "Also write PNG previews of every page into this folder.")
    var png: String?

    @Option(help: "Preview resolution in dots per inch (10 to 600).")
    var pngDpi: Double = 72

    @Flag(help: "Fail when a character has no glyph in Fonts/ (otherwise a warning).")
    var strict = false

    @Option(help: "Also allow the layout to take images from this folder (repeatable).")
    var allowPath: [String] = []

    func validate() throws {
        // A preview of 600 dpi is an A4 page of about 35 megapixels; beyond, or NaN, is an error.
        guard pngDpi.isFinite, (10...600).contains(pngDpi) else {
            throw ValidationError("--png-dpi must be between 10 and 600, not \(pngDpi)")
        }
    }

    func run() throws {
        if output == "out/digest.pdf" {
            try? FileManager.default.createDirectory(atPath: "out", withIntermediateDirectories: true)
        }
        var pipeline = DigestPipeline()
        pipeline.allowedPaths = allowPath
        // One document, then the process exits: its memory goes back at exit in one go.
        ExitRetention.shared.enable()
        let report = try pipeline.runDigest(
            input: input, layoutName: layout, output: output,
            options: RenderOptions(title: title, strict: strict, pngDirectory: png, pngScale: pngDpi / 72))
        FileHandle.standardError.write(Data("despatch: wrote \(output) (\(report.pageCount) page\(report.pageCount == 1 ? "" : "s"))\n".utf8))
    }
}
