import DespatchCore

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

/// The text between a sentence's tokens, read from its bytes when asked for: `gaps[i]` is what
/// precedes token i, `gaps[count]` what follows the last. A reading kept an array of these
/// strings for every sentence, though the extractors ask for a few (a gap of one space is told
/// by its flag without one).
struct Gaps {
    let sentence: Sentence
    let flags: [UInt8]

    init(sentence: Sentence, flags: [UInt8]) {
        self.sentence = sentence
        self.flags = flags
    }

    subscript(i: Int) -> String {
        let tokens = sentence.tokens
        if i < tokens.count, flags[i] & TokenFlags.spaceBefore != 0 { return " " }
        let start = i == 0 ? 0 : tokens[i - 1].end
        let end = i < tokens.count ? tokens[i].offset : sentence.bytes.count
        return Tokenizer.slice(sentence.bytes, start, end)
    }
}
