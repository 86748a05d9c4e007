import Foundation

/// Word tokens: runs of letters and digits, keeping inner apostrophes, hyphens and dots
/// between digits ("Timor-Leste's", "people-to-people", "10.5"). Linear in the input.
public enum Tokenizer {
    public struct Token: Hashable, Sendable {
        public var text: String
        /// Offset in Characters from the start of the input.
        public var offset: Int
    }

    public static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c.unicodeScalars.first.map { (0x0300...0x036F).contains($0.value) } == true }

    public static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var current = ""
        var start = 0
        var index = 0
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if isWordChar(c) {
                if current.isEmpty { start = index }
                current.append(c)
            } else if !current.isEmpty, i + 1 < chars.count, isWordChar(chars[i + 1]),
                      c == "-" || c == "'" || c == "’" || c == "‑" || (c == "." && current.last!.isNumber && chars[i + 1].isNumber) || (c == "," && current.last!.isNumber && chars[i + 1].isNumber && i + 3 < chars.count && chars[i + 3].isNumber) {
                current.append(c)
            } else if !current.isEmpty {
                result.append(Token(text: current, offset: start))
                current = ""
            }
            index += 1
            i += 1
        }
        if !current.isEmpty { result.append(Token(text: current, offset: start)) }
        return result
    }

    public static func words(_ text: String) -> [String] { tokens(text).map(\.text) }

    /// Folded words of a text (see `TextFolding`).
    public static func foldedWords(_ text: String) -> [String] { words(TextFolding.fold(text)) }
}
