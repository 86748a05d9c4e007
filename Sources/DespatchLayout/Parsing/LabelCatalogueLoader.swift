import Foundation
import Yams

extension LabelCatalogue {
    /// Loads the catalogue of `language` from the packaged Labels folder or from
    /// `extraDirectories` (where a user adds a language with one file, `<code>.yaml`).
    /// A key the language lacks falls back to English, with one warning naming the keys;
    /// an unknown language falls back to English entirely, with a warning.
    public static func load(language: String, extraDirectories: [String] = []) throws -> (LabelCatalogue, warnings: [String]) {
        let english = try table(for: "en", extraDirectories: extraDirectories) ?? [:]
        var warnings: [String] = []
        let code = language.lowercased()
        let base = String(code.split(separator: "-").first ?? Substring(code))
        var labels = try table(for: code, extraDirectories: extraDirectories)
        if labels == nil, base != code { labels = try table(for: base, extraDirectories: extraDirectories) }
        guard let labels else {
            warnings.append("no labels for language '\(language)'; using English")
            return (LabelCatalogue(language: "en", labels: english, fallback: english), warnings)
        }
        let missing = english.keys.filter { labels[$0] == nil }.sorted()
        if !missing.isEmpty {
            warnings.append("labels for '\(language)' lack \(missing.count) key(s), shown in English: \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")")
        }
        return (LabelCatalogue(language: code, labels: labels, fallback: english), warnings)
    }

    /// The languages available (file names of the catalogues).
    public static func availableLanguages(extraDirectories: [String] = []) -> [String] {
        var codes = Set<String>()
        for dir in extraDirectories + [packagedDirectory].compactMap({ $0 }) {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where f.hasSuffix(".yaml") {
                codes.insert(String(f.dropLast(5)))
            }
        }
        return codes.sorted()
    }

    static var packagedDirectory: String? {
        Bundle.module.resourceURL?.appendingPathComponent("Labels").path
    }

    static func table(for code: String, extraDirectories: [String]) throws -> [String: String]? {
        for dir in extraDirectories + [packagedDirectory].compactMap({ $0 }) {
            let path = dir + "/" + code + ".yaml"
            guard FileManager.default.fileExists(atPath: path),
                  let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let parser = LayoutParser(path: path)
            let root = try parser.compose(text)
            var table: [String: String] = [:]
            for (keyNode, value) in root.mapping ?? [:] {
                guard let key = keyNode.scalar?.string, let text = value.scalar?.string else {
                    throw parser.error(value, "a label is a key and a text")
                }
                table[key] = text
            }
            return table
        }
        return nil
    }
}
