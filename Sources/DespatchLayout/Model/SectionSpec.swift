/// The kinds of section a layout can list, in the order it lists them.
public enum SectionType: String, Sendable, Equatable, CaseIterable {
    case cover
    case contents
    case executiveSummary = "executive-summary"
    /// Weekly briefs: themes new, rising and falling against the previous week, new voices.
    case trends
    case themes
    case taskGroups = "task-groups"
    case taskAlignment = "task-alignment"
    case reactions
    case officials
    case facts
    case timeline
    case articles
    case sources
    case discrepancies
    case pageBreak = "page-break"
}

/// One entry of a layout's `sections` list.
public struct SectionSpec: Sendable, Equatable {
    public var type: SectionType
    /// Overrides the catalogue's label for the section heading.
    public var title: String?
    /// At most this many items (reactions, themes, facts...); nil = all.
    public var max: Int?
    /// Reactions: include voices found only in related-headline blocks.
    public var includeRelated: Bool
    /// Articles and executive summary: sentences of extractive summary.
    public var summarySentences: Int
    /// Articles: print the full text after the summary.
    public var fullText: Bool
    /// Themes: draw the bar chart of theme weight per article.
    public var chart: Bool
    /// Start this section on a new page.
    public var pageBreakBefore: Bool
    /// Appear in the contents and the PDF outline.
    public var inContents: Bool
    /// `detail: brief`: the compact form for one-pagers (themes without variants and evidence,
    /// reactions without the role and source columns).
    public var brief: Bool = false
    /// Set this section in this many columns, from a new page, and return to the page's
    /// columns after it: a wide table in a two-column newsletter gets the full width.
    public var columns: Int?

    public init(type: SectionType, title: String? = nil, max: Int? = nil, includeRelated: Bool = true,
                summarySentences: Int = 3, fullText: Bool = true, chart: Bool = true,
                pageBreakBefore: Bool = false, inContents: Bool = true) {
        self.type = type
        self.title = title
        self.max = max
        self.includeRelated = includeRelated
        self.summarySentences = summarySentences
        self.fullText = fullText
        self.chart = chart
        self.pageBreakBefore = pageBreakBefore
        self.inContents = inContents
    }
}
