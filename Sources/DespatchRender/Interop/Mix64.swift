/// A fast 64-bit hash of bytes and integers, eight bytes at a time: what the shaper's caches
/// and memos are looked up by. Not a defence against chosen collisions: where two values must
/// never be taken for one, it is paired with the standard library's `Hasher`.
struct Mix64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    /// The bytes eight at a time, then the rest and the count.
    mutating func mix(bytes: UnsafeRawBufferPointer) {
        var i = 0
        while i + 8 <= bytes.count { mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
        var tail: UInt64 = 0
        while i < bytes.count { tail = tail << 8 | UInt64(bytes[i]); i += 1 }
        mix(tail)
        mix(UInt64(bytes.count))
    }
}
