/// How a run of text looks: font, size, colour, alignment and spacing (points).
public struct TextStyle: Sendable, Equatable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: RGB
    public var alignment: TextAlignment
    /// Line height as a multiple of the size.
    public var lineSpacing: Double
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Hyphenate this text (body text in a language with a pattern dictionary).
    public var hyphenate: Bool
    /// Hanging indent for list items: lines after the first start this far in (points).
    public var hangingIndent: Double = 0

    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false, color: RGB = RGB(0.1, 0.1, 0.1),
                alignment: TextAlignment = .left, lineSpacing: Double = 1.3, spaceBefore: Double = 0,
                spaceAfter: Double = 0, hyphenate: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.hyphenate = hyphenate
    }

    public func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

/// An sRGB colour for drawing, components 0...1.
public struct RGB: Sendable, Equatable {
    public var r: Double
    public var g: Double
    public var b: Double
    public init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }
    var tuple: (Double, Double, Double) { (r, g, b) }
}

/// A styled run of text inside a paragraph (UTF-8 byte offsets are computed when laid out).
struct StyledRun: Sendable, Equatable {
    var text: String
    var bold: Bool
    var italic: Bool
    var color: RGB?
    /// External link of the run; a paragraph holding one becomes a link as a whole.
    var link: String?
    /// Named destination of a cross reference; a paragraph holding one links there as a whole.
    var destination: String?
    /// Language of the run (BCP 47): a Pango language attribute, and hyphenation only for English.
    var language: String?
    init(_ text: String, bold: Bool = false, italic: Bool = false, color: RGB? = nil, link: String? = nil, destination: String? = nil,
         language: String? = nil) {
        self.text = text
        self.language = language
        self.bold = bold
        self.italic = italic
        self.color = color
        self.link = link
        self.destination = destination
    }
}
