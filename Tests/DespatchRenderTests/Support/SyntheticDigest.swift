import DespatchLayout
import DespatchModel
import DespatchRender
import Foundation

/// Digests and layouts made in code, for engine tests that need exact control.
enum Synthetic {
    static let labels = LabelCatalogue(language: "en", labels: [
        "table.speaker": "Speaker", "table.role": "Role", "table.country": "Country", "table.stance": "Stance",
        "table.gist": "Gist", "table.source": "Source", "reactions": "Reactions", "articles": "Articles",
        "contents": "Contents", "summary": "Summary", "full-text": "Full text", "stance.positive": "positive",
        "stance.neutral": "neutral", "stance.congratulatory": "congratulatory", "stance.critical": "critical",
        "more-in-full": "More in the full digest.",
    ])

    static func layout(_ sections: [SectionSpec], columns: Int = 1) -> LayoutDescription {
        LayoutDescription(name: "test", page: PageSpec(columns: columns), footer: RunningText(center: "{page}/{pages}"),
                          sections: sections)
    }

    static func request() -> RenderRequest {
        RenderRequest(title: "Test", creationDate: "2026-01-01T00:00:00Z", generator: "despatch test")
    }

    static func renderer() throws -> DocumentRenderer { try DocumentRenderer(fontsDirectory: Repo.fonts) }

    static func reactions(_ count: Int, gistWords: Int = 12) -> Digest {
        let reactions = (1...count).map { i in
            Reaction(speaker: "Envoy \(i)", role: "Ambassador", countryOrOrg: "Country \(i % 17)",
                     stance: .positive, gist: (["Reaction \(i) says"] + Array(repeating: "cooperation", count: gistWords)).joined(separator: " "),
                     evidence: [])
        }
        return Digest(generator: "test", articles: [ArticleDigest(file: "a.txt", title: "A", date: "2026-01-02", source: "Wire",
                                                                  reactions: reactions, paragraphs: ["Body."])])
    }

    /// One article whose body is `paragraphs` paragraphs of ordinary prose.
    static func longArticle(paragraphs: Int, extra: [String] = []) -> Digest {
        let sentence = "The delegation discussed cooperation in trade, investment, education and climate policy with its partners."
        let body = (0..<paragraphs).map { i in "Paragraph \(i + 1). " + Array(repeating: sentence, count: 5).joined(separator: " ") } + extra
        return Digest(generator: "test", articles: [ArticleDigest(file: "long.txt", title: "A long article", date: "2026-01-02",
                                                                  source: "Wire", summary: [], paragraphs: body)])
    }

    static func temporaryPDF(_ label: String) throws -> String { try Repo.temporaryFolder(label) + "/\(label).pdf" }
}
