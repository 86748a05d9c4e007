/// Yes-or-no facts about each token of a sentence, several to a byte, in one array shared by
/// the columns that read it.
///
/// A sentence reading kept five arrays of `Bool` (capitals, titles, cities, reporting verbs,
/// stopwords): five allocations, fills and frees for every sentence of every article. One
/// byte per token holds them all, and each column is a view of one bit that reads like the
/// array it replaces (`r.caps[k]`).
struct TokenFlags {
    static let capital: UInt8 = 1
    static let title: UInt8 = 2
    static let city: UInt8 = 4
    static let verb: UInt8 = 8
    static let stopword: UInt8 = 16
    /// The text before the token is one space.
    static let spaceBefore: UInt8 = 32

    /// One bit of a sentence's token flags.
    struct Column {
        let bytes: [UInt8]
        let bit: UInt8

        @inline(__always)
        subscript(k: Int) -> Bool { bytes[k] & bit != 0 }

        var count: Int { bytes.count }
    }
}
