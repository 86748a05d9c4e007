import DespatchApp
import DespatchRender
import Foundation

/// The sample digest, rendered once per test run and shared by the tests that inspect it.
enum SampleRender {
    struct Rendered {
        var pdf: String
        var pages: Int
        var anchorPages: [String: Int]
        var anchorTitles: [String: String]
    }

    static let pipeline = DigestPipeline(locator: ResourceLocator(workingDirectory: Repo.root, environment: [:], executablePath: ""))

    nonisolated(unsafe) private static var cached: Result<Rendered, Error>?

    static func get() throws -> Rendered {
        if let cached { return try cached.get() }
        let result = Result { () throws -> Rendered in
            let folder = try Repo.temporaryFolder("sample")
            let pdf = folder + "/digest.pdf"
            let r = try pipeline.runDigest(input: Repo.samples, layoutName: "default", output: pdf, options: RenderOptions())
            return Rendered(pdf: pdf, pages: r.pageCount, anchorPages: r.anchorPages, anchorTitles: r.anchorTitles)
        }
        cached = result
        return try result.get()
    }

    /// Renders `input` (the samples by default) with `layout` into a folder of its own named
    /// after `label` and the layout, and gives back the PDF's bytes and the report: what the
    /// tests that compare two ways of rendering compare.
    static func render(_ layout: String, label: String, input: String = Repo.samples,
                       options: RenderOptions = RenderOptions()) throws -> (pdf: Data, report: RenderReport) {
        let folder = try Repo.temporaryFolder("\(label)-\(layout)")
        let pdf = folder + "/\(layout).pdf"
        let report = try pipeline.runDigest(input: input, layoutName: layout, output: pdf, options: options)
        return (try Data(contentsOf: URL(fileURLWithPath: pdf)), report)
    }
}
