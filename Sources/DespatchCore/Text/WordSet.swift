/// A set of words on `WordMap`'s FNV-1a open addressing. The vocabulary's word classes
/// (stopwords, title words, function words) are asked about every token of every sentence,
/// and `Set<String>` spent that time seeding and finalising SipHash.
///
/// Iteration follows the table's slots: deterministic, but not the order of insertion.
public struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    @usableFromInline var map = WordMap<Bool>()
    /// The length in UTF-8 bytes of the longest word: a longer one is not looked up (the
    /// sets of markers are asked about whole paragraphs, hundreds of bytes to hash).
    @usableFromInline var longest = 0

    @inlinable public init() {}

    @inlinable public init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { insert(w) }
    }

    @inlinable public init(arrayLiteral words: String...) { self.init(words) }

    @inlinable public var count: Int { map.count }
    @inlinable public var isEmpty: Bool { map.count == 0 }

    @inlinable @inline(__always)
    public func contains(_ word: String) -> Bool { word.utf8.count <= longest && map[word] != nil }

    /// Adds `word`; true when it was not there yet.
    @inlinable @discardableResult
    public mutating func insert(_ word: String) -> Bool {
        guard map.insertIfAbsent(word, true) else { return false }
        longest = Swift.max(longest, word.utf8.count)
        return true
    }

    @inlinable public mutating func formUnion<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { insert(w) }
    }

    public func makeIterator() -> AnyIterator<String> {
        var i = 0
        let keys = map.keys
        return AnyIterator {
            while i < keys.count {
                defer { i += 1 }
                if let k = keys[i] { return k }
            }
            return nil
        }
    }
}
