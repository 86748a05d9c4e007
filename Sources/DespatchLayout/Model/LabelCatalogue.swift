import DespatchModel

/// Words the renderer prints that are not article text, for one language, with English fallback.
///
/// Filled from the catalogue files in Resources/Labels (one YAML file per language).
public struct LabelCatalogue: Sendable {
    public var language: String
    public var labels: [String: String]
    public var fallback: [String: String]
    /// A second language for bilingual headings ("Phản ứng quốc tế / International reactions").
    public var secondary: [String: String]?

    public init(language: String, labels: [String: String], fallback: [String: String] = [:]) {
        self.language = language
        self.labels = labels
        self.fallback = fallback
    }

    /// Fills a layout template: `{label:KEY}` first becomes this catalogue's label KEY (so one
    /// template prints "Page 3 of 12", "Trang 3/12" or "Page 3 sur 12" by the layout's language),
    /// then the `{name}` placeholders are filled from `values`.
    public func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{label:") else { return Template.fill(template, values) }
        var expanded = ""
        var rest = template[...]
        while let open = rest.range(of: "{label:") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            expanded += rest[..<open.lowerBound]
            expanded += self(String(rest[open.upperBound..<close]))
            rest = rest[rest.index(after: close)...]
        }
        expanded += rest
        return Template.fill(expanded, values)
    }

    /// A counted label: `key.one` for one item when the catalogue has it, else `key`; {count} filled.
    public func counted(_ key: String, _ count: Int) -> String {
        let singular = key + ".one"
        let chosen = count == 1 && (labels[singular] ?? fallback[singular]) != nil ? singular : key
        return self(chosen, ["count": String(count)])
    }

    /// A heading label, in both languages when the layout names a second one.
    public func heading(_ key: String) -> String {
        let first = self(key)
        guard let second = secondary?[key] ?? (secondary != nil ? fallback[key] : nil), second != first else { return first }
        return "\(first) / \(second)"
    }

    /// A date in this language: "28 January 2026", "ngày 28 tháng 1 năm 2026", "28 janvier 2026".
    public func formatDate(_ day: CalendarDay, style: DateStyle) -> String {
        let dayText = day.day == 1 ? self("date.day1") : String(day.day)
        return Template.fill(self(style == .long ? "date.long" : "date.short"), [
            "day": dayText == "date.day1" ? "1" : dayText, "month": String(day.month), "year": String(day.year),
            "monthname": self("month.\(day.month)"), "monthshort": self("month.short.\(day.month)"),
            "weekday": self("weekday.\(day.isoWeekday)"),
        ])
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

/// Long ("28 January 2026") or short ("28 Jan 2026") dates.
public enum DateStyle: Sendable {
    case long, short
}
