import Foundation

/// Word tokens: runs of letters and digits, keeping inner apostrophes, hyphens and dots
/// between digits ("Timor-Leste's", "people-to-people", "10.5"). Works on Unicode scalars
/// (input is NFC), linear in the input.
public enum Tokenizer {
    public struct Token: Hashable, Sendable {
        public var text: String
        /// Offset in Unicode scalars from the start of the input.
        public var offset: Int
        /// Length in Unicode scalars.
        public var length: Int
        public var end: Int { offset + length }
    }

    @inline(__always)
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        if (0x0300...0x036F).contains(v) { return true }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    public static func tokens(_ text: String) -> [Token] {
        tokens(scalars: Array(text.unicodeScalars))
    }

    public static func tokens(scalars chars: [Unicode.Scalar]) -> [Token] {
        var result: [Token] = []
        var start = -1
        var i = 0
        let n = chars.count
        func emit(_ end: Int) {
            result.append(Token(text: String(String.UnicodeScalarView(chars[start..<end])), offset: start, length: end - start))
            start = -1
        }
        while i < n {
            let c = chars[i]
            if isWordScalar(c) {
                if start < 0 { start = i }
            } else if start >= 0 {
                let next = i + 1 < n ? chars[i + 1] : " "
                let v = c.value
                let joins = isWordScalar(next) && (v == 0x2D || v == 0x27 || v == 0x2019 || v == 0x2011
                    || (v == 0x2E && isDigit(chars[i - 1]) && isDigit(next))
                    || (v == 0x2C && isDigit(chars[i - 1]) && isDigit(next) && i + 3 < n && isDigit(chars[i + 3])))
                if !joins { emit(i) }
            }
            i += 1
        }
        if start >= 0 { emit(n) }
        return result
    }

    /// The text between two scalar offsets.
    public static func slice(_ scalars: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        let lo = max(0, min(a, scalars.count)), hi = max(lo, min(b, scalars.count))
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }

    public static func words(_ text: String) -> [String] { tokens(text).map(\.text) }

    /// Folded words of a text (see `TextFolding`).
    public static func foldedWords(_ text: String) -> [String] { words(TextFolding.fold(text)) }
}
