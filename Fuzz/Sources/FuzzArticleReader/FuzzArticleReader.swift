import DespatchCore
import Foundation

/// libFuzzer entry: bytes as an article file of each supported type. Any crash, trap or
/// hang is a bug; thrown errors (not UTF-8, no text, bad front matter) are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticleReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard let text = try? TextDecoder.decode(bytes) else { return 0 }
    for ext in ["txt", "md", "html"] {
        var warnings: [String] = []
        if let article = try? ArticleReader().parse(text: text, file: "fuzz.\(ext)", extension: ext, warnings: &warnings) {
            precondition(!article.paragraphs.isEmpty)
            precondition(article.paragraphs.allSatisfy { !$0.contains("\r") && !$0.contains("\u{0}") })
        }
    }
    return 0
}
