/// Words the renderer prints that are not article text, for one language, with English fallback.
///
/// Filled from the catalogue files in Resources/Labels (one YAML file per language).
public struct LabelCatalogue: Sendable {
    public var language: String
    public var labels: [String: String]
    public var fallback: [String: String]

    public init(language: String, labels: [String: String], fallback: [String: String] = [:]) {
        self.language = language
        self.labels = labels
        self.fallback = fallback
    }

    /// The label for `key`; English when this language lacks it; the key itself as a last resort.
    public func callAsFunction(_ key: String) -> String {
        labels[key] ?? fallback[key] ?? key
    }

    /// Fills `{name}` placeholders of the label `key`.
    public func callAsFunction(_ key: String, _ values: [String: String]) -> String {
        Template.fill(self(key), values)
    }
}

/// `{placeholder}` substitution for layout and label templates. Unknown placeholders stay as written.
public enum Template {
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            if template[i] == "{", let close = template[i...].firstIndex(of: "}") {
                let key = String(template[template.index(after: i)..<close])
                if let v = values[key] {
                    out += v
                    i = template.index(after: close)
                    continue
                }
            }
            out.append(template[i])
            i = template.index(after: i)
        }
        return out
    }
}
