import DespatchDocument
import DespatchExport
import DespatchLayout
import DespatchModel
import DespatchRender
import Foundation

/// The digest as HTML or Typst markup: the same document tree the PDF renderer typesets.
public enum ExportFormat: String, CaseIterable, Sendable {
    case html, typst

    public var fileExtension: String { self == .html ? "html" : "typ" }
}

extension DigestPipeline {
    public func export(_ digest: Digest, layout: LayoutDescription, format: ExportFormat, title: String?, week: String? = nil) -> String {
        let labels = labels(for: layout)
        let tree = DocumentBuilder(digest: digest, layout: layout, labels: labels, title: title ?? labels("digest.title"), week: week).build()
        switch format {
        case .html: return HTMLWriter(layout: layout).write(tree)
        case .typst: return TypstWriter(layout: layout, labels: labels).write(tree)
        }
    }

    /// Writes `text` atomically to `path`.
    public static func writeText(_ text: String, to path: String) throws {
        do {
            let output = try AtomicOutput(destination: path)
            guard Data(text.utf8).withUnsafeBytes({ output.write($0) }) else {
                throw RenderError.output(path: path, reason: "cannot be written")
            }
            try output.commit()
        } catch let error as RenderError {
            throw DespatchFailure(.render, error.description)
        }
    }
}
