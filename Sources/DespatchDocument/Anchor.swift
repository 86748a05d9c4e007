/// A named place in the document: target of contents links, outline entries and
/// cross references, and the source of the running header's {section}.
public struct Anchor: Sendable, Equatable {
    public var name: String
    public var title: String
    /// 0 = section, 1 = article or sub-section.
    public var level: Int
    public var inOutline: Bool

    public init(name: String, title: String, level: Int, inOutline: Bool = true) {
        self.name = name
        self.title = title
        self.level = level
        self.inOutline = inOutline
    }
}
