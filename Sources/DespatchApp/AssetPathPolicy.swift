import Foundation

/// Where a layout may take files from (images such as a logo): its own folder, the
/// Layouts/ folders, and folders the user names with `--allow-path`. Paths are compared
/// after resolving symlinks and "..", so neither "../../etc/x.png" nor a link out of the
/// folder gets through.
public struct AssetPathPolicy: Sendable {
    public var roots: [String]

    public init(layoutFolder: String, layoutDirectories: [String], allowed: [String]) {
        roots = ([layoutFolder] + layoutDirectories + allowed).map(AssetPathPolicy.realPath)
    }

    public enum Violation: Error, CustomStringConvertible, Equatable {
        case absolute(String)
        case outside(String)
        case missing(String)

        public var description: String {
            switch self {
            case .absolute(let p): return "absolute path '\(p)' is not allowed (pass --allow-path with its folder to permit it)"
            case .outside(let p): return "path '\(p)' leads outside the layout's folder and Layouts/ (pass --allow-path to permit it)"
            case .missing(let p): return "file '\(p)' does not exist"
            }
        }
    }

    /// The real path of `reference` (relative to the layout's folder), if the policy allows it.
    public func resolve(_ reference: String, relativeTo layoutFolder: String) throws -> String {
        let candidate: String
        if reference.hasPrefix("/") {
            candidate = reference
        } else {
            candidate = URL(fileURLWithPath: layoutFolder).appendingPathComponent(reference).path
        }
        guard FileManager.default.fileExists(atPath: candidate) else { throw Violation.missing(reference) }
        let real = Self.realPath(candidate)
        let inside = roots.contains { root in real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
        guard inside else {
            throw reference.hasPrefix("/") ? Violation.absolute(reference) : Violation.outside(reference)
        }
        return real
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
