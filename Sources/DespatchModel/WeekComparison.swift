/// How one week's coverage compares with the week before: the `trends` of a weekly brief.
///
/// Why counts and not scores: a reader of a weekly brief asks "is this talked about more
/// or less than last week?", which article counts answer plainly and reproducibly; scores
/// from the analysis drift with its tuning. Voices are judged against all earlier weeks,
/// since someone quoted a month ago is not new.
public struct WeekComparison: Codable, Sendable, Equatable {
    /// "2026-W05".
    public var week: String
    public var previousWeek: String
    /// First and last day of the week, YYYY-MM-DD.
    public var from: String
    public var to: String
    public var articleCount: Int
    public var previousArticleCount: Int
    /// Every theme of either week, new and rising first, then falling, steady, gone.
    public var themes: [ThemeTrend]
    /// Speakers and countries or organisations reacting this week that no earlier week had.
    public var newVoices: [Voice]

    enum CodingKeys: String, CodingKey {
        case week, from, to, themes
        case previousWeek = "previous_week"
        case articleCount = "article_count"
        case previousArticleCount = "previous_article_count"
        case newVoices = "new_voices"
    }

    public init(week: String, previousWeek: String, from: String, to: String, articleCount: Int,
                previousArticleCount: Int, themes: [ThemeTrend] = [], newVoices: [Voice] = []) {
        self.week = week
        self.previousWeek = previousWeek
        self.from = from
        self.to = to
        self.articleCount = articleCount
        self.previousArticleCount = previousArticleCount
        self.themes = themes
        self.newVoices = newVoices
    }

    /// Themes by direction, for a renderer that lists them in groups.
    public func themes(_ direction: Direction) -> [ThemeTrend] { themes.filter { $0.direction == direction } }

    public enum Direction: String, Codable, Sendable, CaseIterable {
        /// Not covered the week before.
        case new
        /// More articles than the week before.
        case rising
        /// Fewer articles (but some).
        case falling
        case steady
        /// Covered the week before, not this week.
        case gone
    }

    /// A theme's article counts in this week and the one before.
    public struct ThemeTrend: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var count: Int
        public var previousCount: Int
        public var direction: Direction

        enum CodingKeys: String, CodingKey {
            case id, label, count, direction
            case previousCount = "previous_count"
        }

        public init(id: String, label: String, count: Int, previousCount: Int) {
            self.id = id
            self.label = label
            self.count = count
            self.previousCount = previousCount
            if previousCount == 0 {
                direction = .new
            } else if count == 0 {
                direction = .gone
            } else if count > previousCount {
                direction = .rising
            } else if count < previousCount {
                direction = .falling
            } else {
                direction = .steady
            }
        }
    }

    /// Someone heard this week for the first time.
    public struct Voice: Codable, Sendable, Equatable {
        public var name: String
        /// "speaker" or "country_or_org".
        public var kind: String
        public var role: String?
        /// Files of this week's articles that quote the voice.
        public var articles: [String]

        public init(name: String, kind: String, role: String? = nil, articles: [String]) {
            self.name = name
            self.kind = kind
            self.role = role
            self.articles = articles
        }
    }
}
