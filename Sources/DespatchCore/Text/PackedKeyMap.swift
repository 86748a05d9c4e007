/// A map from 64-bit keys to small integers (an id, an index): open addressing over the key
/// mixed once. For keys that already are packed (the bytes of a short word, the numbers of a
/// phrase's words), `Dictionary<UInt64, Int>` hashed each with a seeded SipHash, which cost
/// more than the rest of the lookup.
public struct PackedKeyMap: Sendable {
    @usableFromInline var keys: [UInt64]
    /// -1 marks an empty slot.
    @usableFromInline var values: [Int32]
    @usableFromInline var mask: Int
    @usableFromInline var storedCount = 0
    public var count: Int { storedCount }

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inlinable @inline(__always)
    static func mix(_ key: UInt64) -> Int {
        // The finaliser of SplitMix64: every key bit reaches the low bits that pick the slot.
        var z = key &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }

    @inlinable
    public subscript(key: UInt64) -> Int? {
        var i = Self.mix(key) & mask
        while values[i] >= 0 {
            if keys[i] == key { return Int(values[i]) }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The value stored for `key`, or `value` stored and returned when there was none.
    @inlinable
    public mutating func value(for key: UInt64, insertingIfAbsent value: Int) -> Int {
        var i = Self.mix(key) & mask
        while values[i] >= 0 {
            if keys[i] == key { return Int(values[i]) }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = Int32(truncatingIfNeeded: value)
        storedCount += 1
        if storedCount * 2 > mask { grow() }
        return value
    }

    @usableFromInline
    mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = (mask + 1) * 2
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
            var i = Self.mix(key) & mask
            while values[i] >= 0 { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }
}
