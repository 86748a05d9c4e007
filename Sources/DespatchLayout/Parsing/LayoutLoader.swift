import Foundation

/// Finds layouts by name or path and resolves `extends` chains.
///
/// A name (no slash, no .yaml) is looked up as `<dir>/<name>.yaml` in the search
/// directories in order; `extends: other` is looked up in the extending file's own folder
/// first, then in the same directories. A cycle is an error naming the chain.
public struct LayoutLoader: Sendable {
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) { self.searchDirectories = searchDirectories }

    public func load(_ nameOrPath: String) throws -> LayoutDescription {
        let path = try locate(nameOrPath, near: nil)
        return try load(path: path, chain: [])
    }

    /// Parses and validates one file without resolving it by name (for `layouts check`).
    public func check(path: String) throws -> LayoutDescription {
        try load(path: path, chain: [])
    }

    private func load(path: String, chain: [String]) throws -> LayoutDescription {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(canonical) {
            let names = (chain + [canonical]).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            throw LayoutError(path: path, message: "layouts extend each other in a cycle: \(names.joined(separator: " -> "))")
        }
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw LayoutError(path: path, message: "layout file is not valid UTF-8")
            }
            text = decoded
        } catch let error as LayoutError {
            throw error
        } catch {
            throw LayoutError(path: path, message: "layout file cannot be read")
        }
        let parser = LayoutParser(path: path)
        let root = try parser.compose(text)
        var base = LayoutDescription()
        if let parent = try parser.extends(root) {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let parentPath: String
            do {
                parentPath = try locate(parent, near: folder)
            } catch var error as LayoutError {
                let node = root.mapping?["extends"]
                error.path = path
                error.line = node?.mark?.line ?? 0
                error.column = node?.mark?.column ?? 0
                throw error
            }
            base = try load(path: parentPath, chain: chain + [canonical])
        }
        var layout = try parser.apply(root, over: base)
        layout.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        layout.sourcePath = canonical
        if layout.sections.isEmpty {
            throw LayoutError(path: path, line: 1, column: 1, message: "layout lists no sections (add a 'sections' list, or 'extends' a layout that has one)")
        }
        return layout
    }

    /// The file for a name or path.
    public func locate(_ nameOrPath: String, near folder: String?) throws -> String {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw LayoutError(path: nameOrPath, message: "layout file does not exist")
            }
            return nameOrPath
        }
        let dirs = (folder.map { [$0] } ?? []) + searchDirectories
        for dir in dirs {
            let candidate = dir + "/" + nameOrPath + ".yaml"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        let known = listLayouts().map(\.name)
        throw LayoutError(path: nameOrPath, message: "no layout named '\(nameOrPath)' in \(dirs.joined(separator: ", "))",
                          suggestion: closestName(to: nameOrPath, in: known))
    }

    /// Every layout in the search directories (first occurrence of a name wins), sorted by name.
    public func listLayouts() -> [(name: String, description: String, path: String)] {
        var seen = Set<String>()
        var result: [(name: String, description: String, path: String)] = []
        for dir in searchDirectories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for file in files.sorted() where file.hasSuffix(".yaml") {
                let name = String(file.dropLast(5))
                guard seen.insert(name).inserted else { continue }
                let path = dir + "/" + file
                let description = (try? load(path: path, chain: []))?.description ?? "(invalid: run 'despatch layouts check \(path)')"
                result.append((name, description, path))
            }
        }
        return result.sorted { $0.name < $1.name }
    }
}
