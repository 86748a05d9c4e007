import Foundation

/// Reads one article file, choosing the parser by extension (.txt, .md, .markdown, .html, .htm).
public struct ArticleReader: Sendable {
    /// Files larger than this are refused so one hostile input cannot exhaust memory.
    public var maxBytes: Int

    public static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]
    public static let defaultMaxBytes = 32 * 1024 * 1024

    public init(maxBytes: Int = ArticleReader.defaultMaxBytes) { self.maxBytes = maxBytes }

    /// Reads and parses `url`. Throws `InputError.unreadable` naming the file and the problem.
    public func read(_ url: URL, warnings: inout [String]) throws -> Article {
        let path = url.path
        let ext = url.pathExtension.lowercased()
        guard Self.supportedExtensions.contains(ext) else {
            throw InputError.unreadable(path: path, reason: "unsupported file type '.\(ext)' (expected .txt, .md or .html)")
        }
        // The size from stat(2), not FileManager.attributesOfItem: that also names the file's
        // owner and group, which reads /etc/passwd and /etc/group through NSS for every article.
        var status = stat()
        if stat(path, &status) == 0, Int(status.st_size) > maxBytes {
            throw InputError.tooLarge(path: path, bytes: Int(status.st_size), limit: maxBytes)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError.unreadable(path: path, reason: "cannot be read (\(Self.reason(error)))")
        }
        let text: String
        do {
            text = try TextDecoder.decode(data)
        } catch let failure as TextDecoder.Failure {
            throw InputError.unreadable(path: path, reason: failure.description)
        }
        return try parse(text: text, file: url.lastPathComponent, extension: ext, path: path, warnings: &warnings)
    }

    /// Parses already-decoded text as if it came from a file with `extension`.
    public func parse(text: String, file: String, extension ext: String, path: String? = nil,
                      warnings: inout [String]) throws -> Article {
        var local: [String] = []
        let article: Article
        switch ext {
        case "html", "htm":
            article = HTMLArticleParser().parse(text: text, file: file, warnings: &local)
        default:
            article = try PlainTextArticleParser(isMarkdown: ext == "md" || ext == "markdown")
                .parse(text: text, file: path ?? file, warnings: &local)
        }
        warnings.append(contentsOf: local)
        guard !article.paragraphs.isEmpty else {
            throw InputError.unreadable(path: path ?? file, reason: "has no text")
        }
        var result = article
        result.file = file
        return result
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoPermissionError { return "permission denied" }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}
