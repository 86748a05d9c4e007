/// Problems with the input that stop a run (as opposed to per-file warnings).
public enum InputError: Error, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case noReadableArticle(path: String, skipped: Int, reasons: [String] = [])
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case tooManyArticles(path: String, count: Int, limit: Int)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file or folder"
        case .noReadableArticle(let p, let skipped, let reasons):
            if reasons.count == 1 { return "no readable article in \(p): \(reasons[0])" }
            return "\(p): no readable article" + (skipped > 0 ? " (\(skipped) file(s) skipped, see warnings above)" : "")
        case .unreadable(let p, let reason): return "\(p): \(reason)"
        case .tooLarge(let p, let bytes, let limit):
            return "\(p): file is \(bytes) bytes, over the limit of \(limit) bytes per article"
        case .tooManyArticles(let p, let count, let limit):
            return "\(p): \(count) articles, over the limit of \(limit) per run"
        }
    }
}
