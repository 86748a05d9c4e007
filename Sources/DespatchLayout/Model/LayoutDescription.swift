/// A parsed, validated layout description: everything the renderer needs to know about
/// how a briefing looks, and nothing about what it says.
///
/// Every property has a default so that a layout file only states what differs
/// (and `extends` can layer one layout over another).
public struct LayoutDescription: Sendable, Equatable {
    /// The layout's name (file name without extension).
    public var name: String
    /// One line for `despatch layouts list`.
    public var description: String
    public var page: PageSpec
    public var fonts: FontSpec
    public var colors: ColorPalette
    public var language: LanguageSpec
    /// Title template; placeholders {title}, {from}, {to}, {week}, {count}.
    public var title: String
    public var subtitle: String
    public var header: RunningText
    public var footer: RunningText
    public var metadata: MetadataSpec
    /// Time zone for reading dates into weeks (IANA name).
    public var timeZone: String
    /// Hard cap on pages; when set, lower-ranked content is dropped to fit (executive one-pager).
    public var maxPages: Int?
    public var paragraph: ParagraphSpec
    public var sections: [SectionSpec]
    /// A PNG for the cover, relative to the layout's folder (see the asset path rules).
    public var logo: String?
    /// The file the layout was read from, once loaded.
    public var sourcePath: String?

    public init(name: String = "default", description: String = "", page: PageSpec = PageSpec(),
                fonts: FontSpec = FontSpec(), colors: ColorPalette = ColorPalette(),
                language: LanguageSpec = LanguageSpec(), title: String = "{title}", subtitle: String = "",
                header: RunningText = RunningText(), footer: RunningText = RunningText(center: "{page} / {pages}"),
                metadata: MetadataSpec = MetadataSpec(), timeZone: String = "Asia/Ho_Chi_Minh",
                maxPages: Int? = nil, paragraph: ParagraphSpec = ParagraphSpec(), sections: [SectionSpec] = []) {
        self.name = name
        self.description = description
        self.page = page
        self.fonts = fonts
        self.colors = colors
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.header = header
        self.footer = footer
        self.metadata = metadata
        self.timeZone = timeZone
        self.maxPages = maxPages
        self.paragraph = paragraph
        self.sections = sections
    }
}

/// Page geometry. Lengths in millimetres.
public struct PageSpec: Sendable, Equatable {
    public var widthMM: Double
    public var heightMM: Double
    public var margins: Margins
    /// 1 to 3 columns of body text.
    public var columns: Int
    public var gutterMM: Double

    public init(widthMM: Double = 210, heightMM: Double = 297, margins: Margins = Margins(),
                columns: Int = 1, gutterMM: Double = 6) {
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.margins = margins
        self.columns = columns
        self.gutterMM = gutterMM
    }

    /// Named paper sizes in portrait, millimetres.
    public static let namedSizes: [String: (Double, Double)] = [
        "A4": (210, 297), "A5": (148, 210), "A3": (297, 420), "Letter": (215.9, 279.4), "Legal": (215.9, 355.6),
    ]
}

public struct Margins: Sendable, Equatable {
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double
    public init(top: Double = 22, right: Double = 20, bottom: Double = 22, left: Double = 20) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }
}

/// Font families (as named inside the font files of Fonts/) and sizes in points.
public struct FontSpec: Sendable, Equatable {
    public var body: String
    public var heading: String
    public var mono: String
    public var size: Double
    /// Sizes of heading levels 1 (section), 2 (article), 3 (sub-heading).
    public var headingSizes: [Double]
    /// Line height as a multiple of the font size.
    public var lineHeight: Double
    public var smallSize: Double

    public init(body: String = "Noto Serif", heading: String = "Noto Sans", mono: String = "Noto Sans Mono",
                size: Double = 10, headingSizes: [Double] = [18, 14, 11], lineHeight: Double = 1.35,
                smallSize: Double = 8) {
        self.body = body
        self.heading = heading
        self.mono = mono
        self.size = size
        self.headingSizes = headingSizes
        self.lineHeight = lineHeight
        self.smallSize = smallSize
    }
}

/// An sRGB colour, components 0...1.
public struct RGBColor: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rgb` or `#rrggbb`.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        if s.count == 3 { s = Substring(s.map { "\($0)\($0)" }.joined()) }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self.init(red: Double((v >> 16) & 0xFF) / 255, green: Double((v >> 8) & 0xFF) / 255, blue: Double(v & 0xFF) / 255)
    }

    public static let black = RGBColor(red: 0, green: 0, blue: 0)
}

/// The small named palette a layout may set.
public struct ColorPalette: Sendable, Equatable {
    public var text: RGBColor
    public var accent: RGBColor
    public var muted: RGBColor
    public var rule: RGBColor
    public var tableHeader: RGBColor
    public var tableStripe: RGBColor
    public var positive: RGBColor
    public var neutral: RGBColor
    public var critical: RGBColor

    public init(text: RGBColor = RGBColor(hex: "#1a1a1a")!, accent: RGBColor = RGBColor(hex: "#8b1e2d")!,
                muted: RGBColor = RGBColor(hex: "#666666")!, rule: RGBColor = RGBColor(hex: "#bbbbbb")!,
                tableHeader: RGBColor = RGBColor(hex: "#e8e2d6")!, tableStripe: RGBColor = RGBColor(hex: "#f6f3ee")!,
                positive: RGBColor = RGBColor(hex: "#2e7d32")!, neutral: RGBColor = RGBColor(hex: "#6d6d6d")!,
                critical: RGBColor = RGBColor(hex: "#b23a2b")!) {
        self.text = text
        self.accent = accent
        self.muted = muted
        self.rule = rule
        self.tableHeader = tableHeader
        self.tableStripe = tableStripe
        self.positive = positive
        self.neutral = neutral
        self.critical = critical
    }
}

/// The language of everything the renderer prints that is not article text.
public struct LanguageSpec: Sendable, Equatable {
    /// Label catalogue and date format: "en", "vi", "fr", ...
    public var code: String
    /// When set, headings show both languages ("Phản ứng quốc tế / International reactions").
    public var secondary: String?
    /// Insert soft hyphens from a pattern dictionary (English only; never for Vietnamese).
    public var hyphenate: Bool

    public init(code: String = "en", secondary: String? = nil, hyphenate: Bool = true) {
        self.code = code
        self.secondary = secondary
        self.hyphenate = hyphenate
    }
}

/// Running header or footer: three templates, placeholders {page}, {pages}, {section}, {date}, {title}.
public struct RunningText: Sendable, Equatable {
    public var left: String
    public var center: String
    public var right: String
    public init(left: String = "", center: String = "", right: String = "") {
        self.left = left
        self.center = center
        self.right = right
    }
    public var isEmpty: Bool { left.isEmpty && center.isEmpty && right.isEmpty }
}

public struct MetadataSpec: Sendable, Equatable {
    public var author: String
    public var subject: String
    public var keywords: [String]
    public init(author: String = "Despatch", subject: String = "", keywords: [String] = []) {
        self.author = author
        self.subject = subject
        self.keywords = keywords
    }
}

public enum Alignment: String, Sendable, Equatable, CaseIterable {
    case justify, left
}

public struct ParagraphSpec: Sendable, Equatable {
    public var align: Alignment
    /// Space after a paragraph, in points.
    public var spaceAfter: Double
    /// Minimum lines left at the foot of a page (orphans) and carried to the next (widows).
    public var minLines: Int

    public init(align: Alignment = .justify, spaceAfter: Double = 5, minLines: Int = 2) {
        self.align = align
        self.spaceAfter = spaceAfter
        self.minLines = minLines
    }
}
