/// The answers the generator wrote, in the shape of the hand-made gold file
/// (so that the same evaluator scores both).
public struct AnswerKey: Codable, Sendable {
    public var articles: [Article]

    public struct Article: Codable, Sendable {
        public var file: String
        public var date: String?
        public var reactions: [Reaction] = []
        public var taskLists: [TaskList] = []
        public var themes: [String] = []
        public var officials: [String] = []

        enum CodingKeys: String, CodingKey {
            case file, date, reactions, themes, officials
            case taskLists = "task_lists"
        }

        public init(file: String, date: String?) {
            self.file = file
            self.date = date
        }
    }

    public struct Reaction: Codable, Sendable {
        public var speaker: String?
        public var role: String
        public var countryOrOrg: String?
        public var stance: String
        enum CodingKeys: String, CodingKey {
            case speaker, role, stance
            case countryOrOrg = "country_or_org"
        }
    }

    public struct TaskList: Codable, Sendable {
        public var label: String
        public var statedCount: Int?
        public var items: [String]
        enum CodingKeys: String, CodingKey {
            case label, items
            case statedCount = "stated_count"
        }
    }
}
