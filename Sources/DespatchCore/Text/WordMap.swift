/// A read-mostly map from words to values: open addressing over FNV-1a hashes of the UTF-8
/// bytes. The vocabulary's phrase tables are looked up once for every word of every sentence,
/// and `Dictionary<String, …>` spent most of that time seeding and finalising SipHash; this
/// hashes the bytes in one loop and compares strings only when the hashes agree.
public struct WordMap<Value>: Sendable where Value: Sendable {
    @usableFromInline var keys: [String?]
    @usableFromInline var hashes: [UInt64]
    @usableFromInline var values: [Value?]
    @usableFromInline var mask: Int
    @usableFromInline var storedCount = 0
    public var count: Int { storedCount }

    @inlinable
    public init() {
        self.init(slots: 16)
    }

    /// A map sized for `capacity` words without growing. (Sizing changes the slot order
    /// that `forEach` gives, so a map whose order is printed keeps one sizing.)
    @inlinable
    public init(capacity: Int) {
        var slots = 16
        while slots < capacity * 2 + 2 { slots <<= 1 }
        self.init(slots: slots)
    }

    @inlinable
    init(slots: Int) {
        keys = Array(repeating: nil, count: slots)
        hashes = Array(repeating: 0, count: slots)
        values = Array(repeating: nil, count: slots)
        mask = slots - 1
    }

    @inlinable @inline(__always)
    public static func hash(_ word: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var copy = word
        return copy.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
    }

    @inlinable @inline(__always)
    func slot(_ word: String, _ h: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: h) & mask
        while let key = keys[i] {
            if hashes[i] == h && key == word { return i }
            i = (i + 1) & mask
        }
        return i
    }

    public subscript(word: String) -> Value? {
        @inlinable get {
            let i = slot(word, Self.hash(word))
            return keys[i] == nil ? nil : values[i]
        }
        @inlinable set {
            let h = Self.hash(word)
            let i = slot(word, h)
            if keys[i] != nil {
                if let newValue { values[i] = newValue } else { remove(at: i) }
                return
            }
            guard let newValue else { return }
            keys[i] = word
            hashes[i] = h
            values[i] = newValue
            storedCount += 1
            if storedCount * 2 > mask { grow() }
        }
    }

    /// Stores `value` for `word` unless it has one; true when it was stored. One hash for
    /// both the test and the store.
    @inlinable @discardableResult
    public mutating func insertIfAbsent(_ word: String, _ value: Value) -> Bool {
        let h = Self.hash(word)
        let i = slot(word, h)
        if keys[i] != nil { return false }
        keys[i] = word
        hashes[i] = h
        values[i] = value
        storedCount += 1
        if storedCount * 2 > mask { grow() }
        return true
    }

    /// The value for `word`, or `fallback` stored for it first.
    /// `map[word, default: 0] += 1` hashes the word once: the entry is found (or made) and
    /// changed in place.
    public subscript(word: String, default fallback: @autoclosure () -> Value) -> Value {
        @inlinable get { self[word] ?? fallback() }
        @inlinable _modify {
            let h = Self.hash(word)
            var i = slot(word, h)
            if keys[i] == nil {
                keys[i] = word
                hashes[i] = h
                values[i] = fallback()
                storedCount += 1
                if storedCount * 2 > mask {
                    grow()
                    i = slot(word, h)
                }
            }
            yield &values[i]!
        }
    }

    /// Every entry, in slot order (deterministic: the hash is not seeded, but it is not the
    /// order of insertion).
    @inlinable
    public func forEach(_ body: (String, Value) throws -> Void) rethrows {
        for i in keys.indices { if let k = keys[i], let v = values[i] { try body(k, v) } }
    }

    @inlinable
    mutating func grow() {
        let oldKeys = keys, oldHashes = hashes, oldValues = values
        let capacity = (mask + 1) * 2
        keys = Array(repeating: nil, count: capacity)
        hashes = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for k in oldKeys.indices {
            guard let key = oldKeys[k] else { continue }
            var i = Int(truncatingIfNeeded: oldHashes[k]) & mask
            while keys[i] != nil { i = (i + 1) & mask }
            keys[i] = key
            hashes[i] = oldHashes[k]
            values[i] = oldValues[k]
        }
    }

    /// Removal by re-inserting the rest of the cluster (rare: the tables are built once).
    @inlinable
    mutating func remove(at index: Int) {
        keys[index] = nil
        values[index] = nil
        storedCount -= 1
        var i = (index + 1) & mask
        while let key = keys[i] {
            let h = hashes[i], value = values[i]
            keys[i] = nil
            values[i] = nil
            storedCount -= 1
            var j = Int(truncatingIfNeeded: h) & mask
            while keys[j] != nil { j = (j + 1) & mask }
            keys[j] = key
            hashes[j] = h
            values[j] = value
            storedCount += 1
            i = (i + 1) & mask
        }
    }
}
