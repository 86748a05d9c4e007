import DespatchModel
import Foundation

/// Builds articles from sentence templates, with invented names, real countries, dates over
/// a year, foreign reactions and enumerated task lists, so that scale can be measured without
/// new data and the analysis can be scored: the generator knows the answers it wrote.
public struct SyntheticCorpus {
    public struct Options: Sendable {
        public var articles: Int
        public var seed: UInt64
        /// Paragraphs of filler prose per article (sets the article size).
        public var paragraphs: Int
        public var startDay: CalendarDay

        public init(articles: Int, seed: UInt64 = 42, paragraphs: Int = 8,
                    startDay: CalendarDay = CalendarDay(year: 2026, month: 1, day: 1)!) {
            self.articles = articles
            self.seed = seed
            self.paragraphs = paragraphs
            self.startDay = startDay
        }
    }

    /// One generated article with the answers a perfect analysis would give.
    public struct GeneratedArticle: Sendable {
        public var file: String
        public var text: String
        public var answers: AnswerKey.Article
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    static let countries: [(country: String, demonym: String)] = [
        ("Norway", "Norwegian"), ("Chile", "Chilean"), ("Kenya", "Kenyan"), ("Portugal", "Portuguese"),
        ("Indonesia", "Indonesian"), ("Mexico", "Mexican"), ("Finland", "Finnish"), ("Egypt", "Egyptian"),
        ("Peru", "Peruvian"), ("Canada", "Canadian"), ("Ghana", "Ghanaian"), ("Poland", "Polish"),
    ]
    static let givenNames = ["Anna", "Marek", "Lucia", "Tomas", "Amina", "Jorge", "Sofia", "Erik", "Nadia", "Pablo", "Ingrid", "Kwame"]
    static let surnames = ["Halvorsen", "Okafor", "Lindqvist", "Moreau", "Santos", "Kowalski", "Mensah", "Varga", "Novak", "Ortega"]
    static let host = "Arvenia"
    static let hostOfficials = ["Foreign Minister Dara Velin", "Prime Minister Ilan Sorov", "Deputy Foreign Minister Mira Tolen"]
    static let themes: [(phrase: String, sentence: String)] = [
        ("strategic autonomy", "The policy stresses strategic autonomy and resilience in a changing world."),
        ("economic diplomacy", "Economic diplomacy will help attract external resources and expand markets."),
        ("international integration", "Deeper international integration remains a long-term priority."),
        ("multilateralism", "The country will uphold multilateralism and diversification of relations."),
        ("science and technology", "Cooperation in science and technology and digital transformation will grow."),
    ]
    static let taskItems = [
        "unify awareness across the political system", "institutionalise the new guidelines in law",
        "expand partnerships with technology corporations", "allocate resources in line with the country's stature",
        "build a modern and professional diplomatic service", "strengthen coordination among ministries and localities",
        "protect citizens and businesses abroad", "promote the national image through culture",
    ]
    static let ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth"]
    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight"]
    static let filler = [
        "Officials reviewed the progress of bilateral projects in trade, energy and education.",
        "The meeting took place in the capital in a friendly and open atmosphere.",
        "Both sides agreed to keep regular contact at all levels in the months ahead.",
        "Delegates exchanged views on regional developments and shared challenges.",
        "The two countries marked the anniversary of their diplomatic relations last year.",
    ]

    public func generate() -> [GeneratedArticle] {
        var rng = SeededGenerator(seed: options.seed)
        return (0..<options.articles).map { index in article(index, &rng) }
    }

    private func article(_ index: Int, _ rng: inout SeededGenerator) -> GeneratedArticle {
        let day = options.startDay.adding(days: rng.int(0...364))
        let official = rng.pick(Self.hostOfficials)
        var paragraphs: [String] = []
        var answers = AnswerKey.Article(file: String(format: "syn_%05d.txt", index), date: day.iso)
        paragraphs.append("\(official) on \(weekday(day)) briefed foreign diplomats in \(Self.host) on the outcomes of the national congress.")
        let theme = rng.pick(Self.themes)
        paragraphs.append(theme.sentence)
        answers.themes.append(theme.phrase)
        // Reactions: one to three foreign voices in varied speech patterns.
        for _ in 0..<rng.int(1...3) {
            let (country, demonym) = rng.pick(Self.countries)
            let name = "\(rng.pick(Self.givenNames)) \(rng.pick(Self.surnames))"
            let pattern = rng.int(0...3)
            let stance: Stance = pattern == 0 ? .congratulatory : .positive
            switch pattern {
            case 0: paragraphs.append("\(demonym) Ambassador \(name) congratulated \(Self.host) on the success of the congress.")
            case 1: paragraphs.append("\(demonym) Ambassador \(name) noted that the new policy line opens good prospects for cooperation.")
            case 2: paragraphs.append("According to \(name), Ambassador of \(country), the congress set a clear and positive direction.")
            default: paragraphs.append("“The congress is an important milestone,” \(demonym) Ambassador \(name) told reporters.")
            }
            answers.reactions.append(.init(speaker: name, role: "Ambassador", countryOrOrg: country, stance: stance.rawValue))
        }
        // A counted task list, sometimes announcing a different count than it lists.
        if rng.int(0...1) == 1 {
            let found = rng.int(3...6)
            let stated = rng.int(0...4) == 0 ? found - 1 : found
            let items = Array(Self.taskItems.shuffledDeterministically(&rng).prefix(found))
            paragraphs.append("\(official) outlined \(Self.numberWords[stated]) key tasks for the coming term.")
            for (i, item) in items.enumerated() {
                paragraphs.append("\(Self.ordinals[i]), the sector must \(item).")
            }
            answers.taskLists.append(.init(label: "\(Self.numberWords[stated]) key tasks", statedCount: stated, items: items))
        }
        for _ in 0..<options.paragraphs {
            paragraphs.append((0..<4).map { _ in rng.pick(Self.filler) }.joined(separator: " "))
        }
        let title = "\(official.split(separator: " ").suffix(2).joined(separator: " ")) briefs diplomats on congress outcomes (\(index + 1))"
        let text = "---\ntitle: \"\(title)\"\ndate: \(day.iso)\nsource: Synthetic Wire\nlanguage: en\n---\n" + paragraphs.joined(separator: "\n\n") + "\n"
        return GeneratedArticle(file: answers.file, text: text, answers: answers)
    }

    private func weekday(_ day: CalendarDay) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.isoWeekday - 1]
    }

    /// Writes the articles and `answers.json` (same shape as the hand-made gold file) into `folder`.
    public func write(to folder: String) throws -> [GeneratedArticle] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let articles = generate()
        for a in articles {
            try Self.replaceFile(at: folder + "/" + a.file, with: Data(a.text.utf8))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try Self.replaceFile(at: folder + "/answers.json", with: encoder.encode(AnswerKey(articles: articles.map(\.answers))))
        return articles
    }

    /// Writes `data` to `path` without following a symlink there. `Data.write(to:)` opens the
    /// destination and so writes through a symlink into whatever file it points at (anywhere
    /// on the disk); instead the bytes go to a fresh temporary name in the same folder,
    /// created exclusively (O_EXCL, so a link planted under that name is refused too), and
    /// rename(2) then replaces the directory entry at `path`, a symlink included.
    static func replaceFile(at path: String, with data: Data) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            "." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
            guard rename(temporary.path, path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }
}

extension Array {
    /// Fisher–Yates with the seeded generator.
    func shuffledDeterministically(_ rng: inout SeededGenerator) -> [Element] {
        var copy = self
        guard copy.count > 1 else { return copy }
        for i in stride(from: copy.count - 1, to: 0, by: -1) {
            copy.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        return copy
    }
}
