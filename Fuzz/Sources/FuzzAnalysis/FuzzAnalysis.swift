import DespatchAnalysis
import DespatchCore
import Foundation

/// libFuzzer entry: bytes as a plain-text article, read and analysed (structure, themes,
/// voices, task lists, facts, summaries). Any crash, trap or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalysis(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = try? TextDecoder.decode(Data(bytes: data, count: size)) else { return 0 }
    var warnings: [String] = []
    guard let article = try? ArticleReader().parse(text: text, file: "fuzz.txt", extension: "txt", warnings: &warnings) else { return 0 }
    let digest = DigestBuilder().build(Corpus(articles: [article, article]), generator: "fuzz")
    precondition(digest.articles.count == 2)
    return 0
}
