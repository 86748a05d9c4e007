import Foundation

/// Small helpers to scan UTF-8 bytes (the analysis works on bytes for speed; input is NFC).
public enum UTF8Scan {
    /// The scalar starting at byte `i` and its length in bytes (invalid bytes read as U+FFFD, length 1).
    @inline(__always)
    public static func scalar(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        guard let (v, len) = decode(b, i) else { return ("\u{FFFD}", 1) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    /// The code point starting at byte `i` of `b` and its length in bytes, or nil where the
    /// bytes are not UTF-8. One decoder for arrays and buffers alike (the folding and the
    /// NFC quick check read buffers).
    @inlinable @inline(__always)
    public static func decode<C: RandomAccessCollection>(_ b: C, _ i: Int) -> (UInt32, Int)? where C.Element == UInt8, C.Index == Int {
        let c0 = b[i]
        if c0 < 0x80 { return (UInt32(c0), 1) }
        var v: UInt32
        let len: Int
        if c0 & 0xE0 == 0xC0 { v = UInt32(c0 & 0x1F); len = 2 }
        else if c0 & 0xF0 == 0xE0 { v = UInt32(c0 & 0x0F); len = 3 }
        else if c0 & 0xF8 == 0xF0 { v = UInt32(c0 & 0x07); len = 4 }
        else { return nil }
        guard i + len <= b.endIndex else { return nil }
        for k in 1..<len {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            v = (v << 6) | UInt32(c & 0x3F)
        }
        return (v, len)
    }

    /// Start of the scalar that ends just before byte `i`.
    @inline(__always)
    public static func previousStart(_ b: [UInt8], _ i: Int) -> Int {
        var k = i - 1
        while k > 0, b[k] & 0xC0 == 0x80 { k -= 1 }
        return max(0, k)
    }

    /// Offset of the first occurrence of `needle` in `haystack` at or after `from`; nil when
    /// absent or when `needle` is empty. Compares with `memcmp` once the first byte agrees.
    public static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, from >= 0, haystack.count - from >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { n -> Int? in
            var i = from
            let last = haystack.count - n.count
            while i <= last {
                if haystack[i] == first, memcmp(base + i, n.baseAddress!, n.count) == 0 { return i }
                i += 1
            }
            return nil
        }
    }

    public static func string(_ b: [UInt8], _ from: Int, _ to: Int) -> String {
        let lo = max(0, min(from, b.count)), hi = max(lo, min(to, b.count))
        return b.withUnsafeBufferPointer { string($0, lo, hi) }
    }

    /// The text of bytes `from..<to` (UTF-8, within `b`). Made through
    /// `String(unsafeUninitializedCapacity:initializingUTF8With:)`, which makes a string of up
    /// to 15 ASCII bytes (most words) in place without validating it; `String(decoding:)`
    /// validated every word first, a sixth of what tokenizing a sentence cost. Other text is
    /// validated (and repaired) as before.
    @inline(__always)
    public static func string(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        let count = to - from
        guard count > 0, let base = b.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: count) { out in
            UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: base + from, byteCount: count)
            return count
        }
    }
}
