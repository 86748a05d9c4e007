/// Eight bytes of UTF-8 at a time in one `UInt64` (SWAR): the tests the text scans use to
/// pass over the bytes they need not look at one by one (folding, the normaliser's checks,
/// collapsing spaces, the sentence splitter). A byte at a time each of these cost some ten
/// to sixteen instructions a byte of every article.
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `offset` of `bytes`, which must hold them.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Whether every byte of `w` is ASCII.
    @inline(__always)
    static func isASCII(_ w: UInt64) -> Bool { w & highs == 0 }

    /// Whether some byte of `w` is below 0x20 (the classic test for a zero byte, shifted).
    @inline(__always)
    static func hasByteBelow0x20(_ w: UInt64) -> Bool { (w &- 0x20 &* ones) & ~w & highs != 0 }

    /// Whether some byte of `w` equals `byte`. The quick test: it may also answer yes for a
    /// word without one (after a matching byte, through the borrow), never no for a word with
    /// one, so a caller looks at the bytes of a word it answers yes for.
    @inline(__always)
    static func hasByte(_ w: UInt64, _ byte: UInt8) -> Bool {
        let x = w ^ (UInt64(byte) &* ones)
        return (x &- ones) & ~x & highs != 0
    }

    /// Bit 7 set in exactly the bytes of `w` that equal `byte` (no borrow between bytes).
    @inline(__always)
    static func matches(_ w: UInt64, _ byte: UInt8) -> UInt64 {
        let x = w ^ (UInt64(byte) &* ones)
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// Bit 7 set in each byte of `w` (all ASCII) that is a capital letter, A to Z: a byte is
    /// one when adding 0x3F carries it to 0x80 and adding 0x25 does not (added to, an ASCII
    /// byte does not carry into the next).
    @inline(__always)
    static func capitals(_ w: UInt64) -> UInt64 {
        (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & highs
    }
}
