/// The analysed corpus: the one plain, Codable model that flows from analysis to layout and render.
///
/// Field names follow the `despatch analyze --json` contract (snake_case on the wire).
/// Rendering reads only this model, never article files.
public struct Digest: Codable, Sendable {
    public var generator: String
    public var articles: [ArticleDigest]
    public var themes: [CorpusTheme]
    public var alignments: [TaskAlignment]
    public var entities: [EntityGroup]
    public var summary: [String]
    /// Non-fatal problems met on the way (unreadable files, odd dates), for the reader of the briefing.
    public var warnings: [String]
    /// Statistical key phrases that the theme taxonomy does not cover (added by the analysis core).
    public var keyPhrases: [KeyPhrase]?
    /// For weekly briefs: the comparison with the previous week (nil in a plain digest).
    public var trends: WeekComparison?

    enum CodingKeys: String, CodingKey {
        case generator, articles, themes, alignments, entities, summary, warnings, trends
        case keyPhrases = "key_phrases"
    }

    public init(generator: String, articles: [ArticleDigest], themes: [CorpusTheme] = [],
                alignments: [TaskAlignment] = [], entities: [EntityGroup] = [],
                summary: [String] = [], warnings: [String] = [], keyPhrases: [KeyPhrase]? = nil,
                trends: WeekComparison? = nil) {
        self.generator = generator
        self.articles = articles
        self.themes = themes
        self.alignments = alignments
        self.entities = entities
        self.summary = summary
        self.warnings = warnings
        self.keyPhrases = keyPhrases
        self.trends = trends
    }

    /// Earliest and latest article dates, if any article is dated.
    public var dateRange: ClosedRange<CalendarDay>? {
        let days = articles.compactMap { $0.day }
        guard let lo = days.min(), let hi = days.max() else { return nil }
        return lo...hi
    }
}

public struct ArticleDigest: Codable, Sendable {
    public var file: String
    public var title: String
    public var date: String?
    public var dateSource: String?
    public var source: String?
    public var language: String?
    public var url: String?
    public var summary: [String]
    public var themes: [ThemeScore]
    public var officials: [Official]
    public var reactions: [Reaction]
    public var taskLists: [TaskList]
    public var facts: [Fact]
    public var discrepancies: [String]
    /// The article body, paragraph by paragraph, boilerplate removed (for full-text sections).
    public var paragraphs: [String]
    /// Trailing "related headlines" block, kept apart from the body.
    public var relatedHeadlines: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, title, date, source, language, url, summary, themes, officials, reactions
        case dateSource = "date_source"
        case taskLists = "task_lists"
        case facts, discrepancies, paragraphs
        case relatedHeadlines = "related_headlines"
    }

    public init(file: String, title: String, date: String? = nil, dateSource: String? = nil,
                source: String? = nil, language: String? = nil, url: String? = nil,
                summary: [String] = [], themes: [ThemeScore] = [], officials: [Official] = [],
                reactions: [Reaction] = [], taskLists: [TaskList] = [], facts: [Fact] = [],
                discrepancies: [String] = [], paragraphs: [String] = [], relatedHeadlines: [String] = []) {
        self.file = file
        self.title = title
        self.date = date
        self.dateSource = dateSource
        self.source = source
        self.language = language
        self.url = url
        self.summary = summary
        self.themes = themes
        self.officials = officials
        self.reactions = reactions
        self.taskLists = taskLists
        self.facts = facts
        self.discrepancies = discrepancies
        self.paragraphs = paragraphs
        self.relatedHeadlines = relatedHeadlines
    }

    /// The article date as a calendar day, when it has one.
    public var day: CalendarDay? { date.flatMap { CalendarDay(iso: $0) } }
}

public struct ThemeScore: Codable, Sendable, Hashable {
    public var id: String
    public var score: Double
    public init(id: String, score: Double) { self.id = id; self.score = score }
}

public struct Official: Codable, Sendable, Hashable {
    public var name: String
    public var role: String?
    public var mentionedOnly: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, role
        case mentionedOnly = "mentioned_only"
    }

    public init(name: String, role: String?, mentionedOnly: Bool = false) {
        self.name = name
        self.role = role
        self.mentionedOnly = mentionedOnly
    }
}

/// How a foreign voice judged the event, from a documented lexicon of diplomatic language.
public enum Stance: String, Codable, Sendable, CaseIterable {
    case congratulatory, positive, neutral, critical
}

public struct Reaction: Codable, Sendable, Hashable {
    public var speaker: String?
    public var role: String?
    public var countryOrOrg: String?
    public var stance: Stance
    public var gist: String
    public var evidence: [String]
    public var related: Bool
    public var reportingVerb: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case speaker, role, stance, gist, evidence, related
        case countryOrOrg = "country_or_org"
        case reportingVerb = "reporting_verb"
    }

    public init(speaker: String?, role: String?, countryOrOrg: String?, stance: Stance, gist: String,
                evidence: [String], related: Bool = false, reportingVerb: String? = nil) {
        self.speaker = speaker
        self.role = role
        self.countryOrOrg = countryOrOrg
        self.stance = stance
        self.gist = gist
        self.evidence = evidence
        self.related = related
        self.reportingVerb = reportingVerb
    }
}

public struct TaskList: Codable, Sendable, Hashable {
    public var label: String
    public var statedCount: Int?
    public var items: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case label, items
        case statedCount = "stated_count"
    }

    public init(label: String, statedCount: Int?, items: [String]) {
        self.label = label
        self.statedCount = statedCount
        self.items = items
    }
}

public struct Fact: Codable, Sendable, Hashable {
    public var text: String
    public init(text: String) { self.text = text }
}

public struct CorpusTheme: Codable, Sendable, Hashable {
    public var id: String
    public var label: String
    public var articles: [String]
    public var variants: [String]
    public var evidence: String?
    public var score: Double
    /// The label by language code, where the taxonomy has one ("vi": "Tự chủ chiến lược"):
    /// a Vietnamese edition names the themes in Vietnamese. `label` is the English one.
    public var labels: [String: String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, articles, variants, evidence, score, labels
    }

    public init(id: String, label: String, articles: [String], variants: [String], evidence: String?, score: Double,
                labels: [String: String]? = nil) {
        self.labels = labels
        self.id = id
        self.label = label
        self.articles = articles
        self.variants = variants
        self.evidence = evidence
        self.score = score
    }
}

public struct TaskListRef: Codable, Sendable, Hashable {
    public var file: String
    /// 1-based index of the task list within its article.
    public var list: Int
    public init(file: String, list: Int) { self.file = file; self.list = list }
}

public struct TaskAlignment: Codable, Sendable {
    public var a: TaskListRef
    public var b: TaskListRef
    /// `[item of a, item of b, similarity]`, items counted from 1.
    public var pairs: [[Double]]
    public var score: Double

    public init(a: TaskListRef, b: TaskListRef, pairs: [[Double]], score: Double) {
        self.a = a
        self.b = b
        self.pairs = pairs
        self.score = score
    }
}

public struct EntityGroup: Codable, Sendable, Hashable {
    public var canonical: String
    public var forms: [String]
    public var mentions: Int
    public init(canonical: String, forms: [String], mentions: Int) {
        self.canonical = canonical
        self.forms = forms
        self.mentions = mentions
    }
}

/// A statistically salient phrase of the corpus (RAKE/YAKE-style score, 0...1 relative to the best).
public struct KeyPhrase: Codable, Sendable, Hashable {
    public var phrase: String
    public var score: Double
    /// Number of articles using the phrase.
    public var articles: Int
    public init(phrase: String, score: Double, articles: Int) {
        self.phrase = phrase
        self.score = score
        self.articles = articles
    }
}
