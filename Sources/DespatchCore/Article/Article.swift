import DespatchModel

/// One news article as read from a file: metadata plus the body as paragraphs.
///
/// The reader keeps the body as published (NFC-normalised, line ends unified); telling
/// body from boilerplate (captions, related headlines) is the analysis' job.
public struct Article: Sendable, Hashable {
    /// The input file's name (basename), as given.
    public var file: String
    public var title: String
    /// True when no title was given and one was derived from the first line or sentence.
    public var titleIsDerived: Bool
    public var date: CalendarDay?
    public var dateSource: DateSource?
    public var source: String?
    public var language: String?
    public var url: String?
    public var paragraphs: [String]

    public init(file: String, title: String, titleIsDerived: Bool = false, date: CalendarDay? = nil,
                dateSource: DateSource? = nil, source: String? = nil, language: String? = nil,
                url: String? = nil, paragraphs: [String]) {
        self.file = file
        self.title = title
        self.titleIsDerived = titleIsDerived
        self.date = date
        self.dateSource = dateSource
        self.source = source
        self.language = language
        self.url = url
        self.paragraphs = paragraphs
    }

    /// The body as one string, paragraphs separated by blank lines.
    public var body: String { paragraphs.joined(separator: "\n\n") }
}

/// Where an article's date came from, as reported in `date_source`.
public enum DateSource: String, Codable, Sendable {
    case frontMatter = "front-matter"
    case dateline
    case text
    /// The raw collected form's leading " date YYYY-MM-DD", or the archive's first-seen time.
    case ingest
}
