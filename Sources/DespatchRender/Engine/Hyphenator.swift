/// Inserts soft hyphens (U+00AD) where words may break. Pango has no dictionary of its
/// own; it breaks at the soft hyphens it is given and shows a hyphen there. Sendable: the
/// paginating thread and the lookahead's (`BreakLookahead`) hyphenate with the same one.
protocol Hyphenator: AnyObject, Sendable {
    func hyphenate(_ text: String) -> String
}
