import DespatchModel

/// The format-neutral document: what a briefing says, in order, with its structure,
/// and nothing about pages or fonts. The PDF renderer turns it into measured blocks;
/// the HTML and Typst writers into markup (Pandoc's reader -> AST -> writer split).
public enum DocumentNode: Sendable, Equatable {
    case heading(HeadingLevel, String, anchor: Anchor?)
    /// A paragraph in a role; `keepWithNext` binds it to what follows (datelines, captions).
    case paragraph([Span], TextRole, keepWithNext: Bool)
    /// A list item with its marker ("•", "1.").
    case listItem(marker: String, [Span])
    case table(columns: [TableColumn], rows: [[[Span]]])
    /// Stacked bars: one bar per series, one segment per category.
    case barChart(series: [ChartSeries], categories: [String])
    case timeline([TimelineEvent])
    /// A line of the table of contents, linking to `destination`.
    case contentsEntry(title: String, destination: String, level: Int)
    case rule(Tone, thickness: Double)
    /// A PNG image (an already checked path), at most `maxWidth` points wide.
    case image(path: String, maxWidth: Double)
    /// Vertical space in points (dropped at the top of a page).
    case spacer(Double)
    /// Start a new page; optionally change the number of columns from there on.
    case pageBreak(columns: Int?)
}

extension DocumentNode {
    /// A line break inside one paragraph (U+2028): continuation lines keep the paragraph's
    /// indentation, which a newline (a new paragraph for Pango) would not.
    public static let lineBreak = "\u{2028}"
}

public enum HeadingLevel: Int, Sendable, Equatable {
    case title = -1, section = 0, article = 1, subsection = 2
}

/// What a paragraph is for; each writer gives every role its look.
public enum TextRole: Sendable, Equatable {
    case body, dateline, small, coverSubtitle, coverMeta
}

/// Semantic colour of a run of text, resolved by each writer (palette, CSS class).
public enum Tone: Sendable, Equatable {
    case normal, muted, accent, critical, positive, neutral
}

/// A run of text with inline style. Text is always plain text, never markup.
public struct Span: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var tone: Tone
    /// An external link (URI) for this run.
    public var link: String?
    /// A cross reference: the name of an anchor elsewhere in the document.
    public var destination: String?
    /// The language of the text (BCP 47), when it is known and may differ from the layout's:
    /// article text carries its article's, so a Vietnamese article in an English briefing gets
    /// Vietnamese line breaking and no English hyphenation.
    public var language: String?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, tone: Tone = .normal, link: String? = nil,
                destination: String? = nil, language: String? = nil) {
        self.text = text
        self.language = language
        self.bold = bold
        self.italic = italic
        self.tone = tone
        self.link = link
        self.destination = destination
    }
}

public struct TableColumn: Sendable, Equatable {
    public var title: String
    /// Share of the table width.
    public var weight: Double
    public init(title: String, weight: Double) {
        self.title = title
        self.weight = weight
    }
}

public struct ChartSeries: Sendable, Equatable {
    public var label: String
    public var values: [Double]
    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}

public struct TimelineEvent: Sendable, Equatable {
    public var day: CalendarDay
    public var label: String
    public var dateText: String
    public init(day: CalendarDay, label: String, dateText: String) {
        self.day = day
        self.label = label
        self.dateText = dateText
    }
}

/// A built document: its nodes, its title, and its anchors in order.
public struct DocumentTree: Sendable {
    public var title: String
    public var subtitle: String
    public var nodes: [DocumentNode]
    public var anchors: [Anchor]
    /// Template values ({title}, {from}, {to}, {week}, {count}, {date}) for running text.
    public var values: [String: String]
    /// Per section with countable items: how many there were and how many are shown.
    public var sectionItems: [SectionItems] = []
}

/// Countable items of one section of the layout (reactions, themes, facts...).
public struct SectionItems: Sendable, Equatable {
    /// Index of the section in the layout's `sections`.
    public var section: Int
    public var shown: Int
    public var total: Int
    /// The most items one `max`-limited list of the section shows. A section may hold several
    /// lists each cut at `max` (task groups): lowering `max` below this is what shrinks it.
    public var longestList: Int = 0
}
