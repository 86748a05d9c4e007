import Foundation

/// Word tokens: runs of letters and digits, keeping inner apostrophes, hyphens and dots
/// between digits ("Timor-Leste's", "people-to-people", "10.5"). Works on UTF-8 bytes
/// (input is NFC), linear in the input.
public enum Tokenizer {
    public struct Token: Hashable, Sendable {
        public var text: String
        /// Offset in UTF-8 bytes from the start of the input.
        public var offset: Int
        /// Length in UTF-8 bytes.
        public var length: Int
        public var end: Int { offset + length }
    }

    @inline(__always)
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }   // Latin letters
        if v >= 0x1E00 && v <= 0x1EFF { return true }                   // Vietnamese letters
        if (0x0300...0x036F).contains(v) { return true }
        if (0x2000...0x2BFF).contains(v) { return false }                // punctuation, symbols
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    public static func tokens(_ text: String) -> [Token] {
        tokens(utf8: Array(text.utf8))
    }

    public static func tokens(utf8 b: [UInt8]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(b.count / 5)
        b.withUnsafeBufferPointer { u in
            scan(b) { a, z in result.append(Token(text: UTF8Scan.string(u, a, z), offset: a, length: z - a)) }
        }
        return result
    }

    /// A token's place in its text without its text: what a sentence keeps of its tokens
    /// beside their words.
    public struct Span: Hashable, Sendable {
        /// Stored in 32 bits: a sentence's texts are far shorter (articles are cut at 400,000 bytes).
        private var start32: Int32
        private var length32: Int32
        public init(offset: Int, length: Int) {
            start32 = Int32(truncatingIfNeeded: offset)
            length32 = Int32(truncatingIfNeeded: length)
        }
        /// Offset in UTF-8 bytes from the start of the text.
        public var offset: Int { Int(start32) }
        public var length: Int { Int(length32) }
        public var end: Int { Int(start32) + Int(length32) }
    }

    /// The tokens' words and their spans, as `tokens(utf8:)` finds them.
    public static func words(utf8 b: [UInt8]) -> (words: [String], spans: [Span]) {
        var words: [String] = [], spans: [Span] = []
        words.reserveCapacity(b.count / 5)
        spans.reserveCapacity(b.count / 5)
        b.withUnsafeBufferPointer { u in
            scan(b) { a, z in
                words.append(UTF8Scan.string(u, a, z))
                spans.append(Span(offset: a, length: z - a))
            }
        }
        return (words, spans)
    }

    /// Calls `emit(start, end)` for every token, in order.
    @inline(__always)
    static func scan(_ b: [UInt8], _ emit: (Int, Int) -> Void) {
        var start = -1
        var i = 0
        let n = b.count
        while i < n {
            // ASCII letters and digits (most bytes): no decoding, no property lookup.
            let byte = b[i]
            let lower = byte | 0x20
            if (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                if start < 0 { start = i }
                i += 1
                continue
            }
            let (c, len) = UTF8Scan.scalar(b, i)
            if isWordScalar(c) {
                if start < 0 { start = i }
            } else if start >= 0 {
                var joins = false
                let j = i + len
                if j < n {
                    let (next, _) = UTF8Scan.scalar(b, j)
                    if isWordScalar(next) {
                        let v = c.value
                        joins = v == 0x2D || v == 0x27 || v == 0x2019 || v == 0x2011
                            || (v == 0x2E && isDigit(b[i - 1]) && isDigit(b[j]))
                            || (v == 0x2C && isDigit(b[i - 1]) && isDigit(b[j]) && j + 2 < n && isDigit(b[j + 2]))
                    }
                }
                if !joins {
                    emit(start, i)
                    start = -1
                }
            }
            i += len
        }
        if start >= 0 { emit(start, n) }
    }

    /// The text between two byte offsets.
    public static func slice(_ bytes: [UInt8], _ a: Int, _ b: Int) -> String { UTF8Scan.string(bytes, a, b) }

    /// The tokens' words alone (a `Token` per word, then an array of their texts, cost twice).
    public static func words(_ text: String) -> [String] {
        let b = Array(text.utf8)
        var words: [String] = []
        words.reserveCapacity(b.count / 5)
        b.withUnsafeBufferPointer { u in scan(b) { a, z in words.append(UTF8Scan.string(u, a, z)) } }
        return words
    }

    /// Folded words of a text (see `TextFolding`).
    public static func foldedWords(_ text: String) -> [String] { words(TextFolding.fold(text)) }
}
