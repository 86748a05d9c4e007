import DespatchLayout
import Foundation

// Interim until the layout module's parser lands: the default layout in code.
public struct LayoutError: Error, CustomStringConvertible {
    public var description: String
}

struct LayoutLoader {
    var searchDirectories: [String]
    func load(_ name: String) throws -> LayoutDescription {
        let types: [SectionType] = [.cover, .contents, .executiveSummary, .themes, .taskGroups, .taskAlignment, .reactions,
                                    .officials, .facts, .timeline, .articles, .sources, .discrepancies]
        return LayoutDescription(name: "default", title: "{title}", subtitle: "Coverage from {from} to {to}",
                                 header: RunningText(left: "{title}", right: "{section}"),
                                 footer: RunningText(center: "Page {page} of {pages}"),
                                 sections: types.map { SectionSpec(type: $0) })
    }
}

extension LabelCatalogue {
    var secondary: LabelCatalogue? { get { nil } set {} }
    static func load(language: String, extraDirectories: [String]) throws -> (LabelCatalogue, [String]) {
        (LabelCatalogue(language: language, labels: ["digest.title": "Foreign-policy digest", "contents": "Contents",
                                                      "cover.articles": "{count} articles", "cover.period": "{from} – {to}"]), [])
    }
}
