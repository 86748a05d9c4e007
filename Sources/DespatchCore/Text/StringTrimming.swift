/// Trimming without Foundation. `trimmingCharacters(in:)` goes through NSString on Linux and
/// was a twentieth of the analysis and two thirds of loading the vocabulary; these walk the
/// scalars from both ends and copy only the middle.
extension StringProtocol {
    /// Trims scalars for which `isTrimmed` holds from both ends.
    @inlinable
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(scalars[first...last])
    }

    /// What `trimmingCharacters(in: .whitespaces)` trims: space separators and tab.
    public func trimmingSpaces() -> String { trimmingScalars(where: Unicode.Scalar.isSpaceOrTab) }

    /// What `trimmingCharacters(in: .whitespacesAndNewlines)` trims: separators, tab, line ends, NEL.
    public func trimmingWhitespace() -> String { trimmingScalars(where: Unicode.Scalar.isWhitespaceOrNewline) }
}

extension Unicode.Scalar {
    /// Space separators (Zs) and tab: Foundation's `CharacterSet.whitespaces`.
    @inlinable
    public static func isSpaceOrTab(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v == 0x09 }
        return s.properties.generalCategory == .spaceSeparator
    }

    /// Separators (Z*), tab, U+000A–000D and U+0085: Foundation's `whitespacesAndNewlines`.
    @inlinable
    public static func isWhitespaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v == 0x85 { return true }
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
