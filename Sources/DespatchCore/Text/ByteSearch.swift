import Foundation

extension StringProtocol {
    /// True when `needle` occurs in the text, compared as UTF-8 bytes (the texts are NFC, so
    /// equal text is equal bytes). Foundation's `contains` goes through CFString on Linux and
    /// cost the analysis several per cent on its own.
    @inlinable
    public func containsBytes(_ needle: String) -> Bool {
        needle.isEmpty || firstRange(ofBytes: needle) != nil
    }
}

extension StringProtocol {
    /// The first occurrence of `needle`, compared as UTF-8 bytes; nil when absent or when
    /// `needle` is empty. The texts are NFC, so equal text is equal bytes, and a match of a
    /// whole UTF-8 needle starts and ends on scalar boundaries. Foundation's `range(of:)`
    /// goes through CFString on Linux, about 20,000 instructions a call; the needle is read
    /// in place (an array of its bytes was a third of a call's cost).
    @inlinable
    public func firstRange(ofBytes needle: String) -> Range<Index>? {
        byteRange(of: needle, last: false)
    }

    /// The last occurrence of `needle`, compared as UTF-8 bytes (see `firstRange(ofBytes:)`).
    @inlinable
    public func lastRange(ofBytes needle: String) -> Range<Index>? {
        byteRange(of: needle, last: true)
    }

    /// Inlinable, so that it is specialised for `String` and `Substring` where it is called:
    /// through the generic protocol every access to the bytes was a witness call.
    @inlinable
    func byteRange(of needle: String, last: Bool) -> Range<Index>? {
        var needle = needle
        let u = self.utf8
        let found: Int? = needle.withUTF8 { n in
            guard !n.isEmpty else { return nil }
            return u.withContiguousStorageIfAvailable { byteOffset(of: n, in: $0, last: last) }
                ?? Array(u).withUnsafeBufferPointer { byteOffset(of: n, in: $0, last: last) }
        }
        guard let offset = found else { return nil }
        let lower = u.index(u.startIndex, offsetBy: offset)
        return lower..<u.index(lower, offsetBy: needle.utf8.count)
    }
}

/// Offset of the first or last occurrence of `needle` (not empty) in `haystack`.
@usableFromInline
func byteOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, last: Bool) -> Int? {
    guard haystack.count >= needle.count, let h = haystack.baseAddress, let n = needle.baseAddress else { return nil }
    let first = Int32(n[0]), end = haystack.count - needle.count
    // A candidate's last byte is compared before the call of memcmp: markers that start with
    // a space (" photo: ") have a candidate at every space of the text.
    let lastOffset = needle.count - 1, lastByte = n[lastOffset]
    if last {
        let byte = n[0]
        var i = end
        while i >= 0 {
            if h[i] == byte, h[i + lastOffset] == lastByte, memcmp(h + i, n, needle.count) == 0 { return i }
            i -= 1
        }
    } else {
        // Forward, candidates are found with libc's memchr, which tests many bytes at a time.
        var i = 0
        while i <= end, let p = memchr(h + i, first, end + 1 - i) {
            let at = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - h
            if h[at + lastOffset] == lastByte, memcmp(h + at, n, needle.count) == 0 { return at }
            i = at + 1
        }
    }
    return nil
}

extension String {
    /// Whether every byte is ASCII (one pass over the UTF-8 bytes, no decoding).
    public var isASCIIBytes: Bool {
        var copy = self
        return copy.withUTF8 { b in !b.contains { $0 >= 0x80 } }
    }

    /// `hasSuffix` compared as UTF-8 bytes. On NFC text with a suffix such as "'s", "’s" or
    /// "-based" it answers as `hasSuffix`, which compares by Character and cost 600
    /// instructions a call. Not generic: through `StringProtocol` it cost more than that.
    @inlinable
    public func hasSuffixBytes(_ suffix: String) -> Bool {
        var text = self, tail = suffix
        return text.withUTF8 { h in
            tail.withUTF8 { n in
                guard h.count >= n.count else { return false }
                let offset = h.count - n.count
                for k in 0..<n.count where h[offset + k] != n[k] { return false }
                return true
            }
        }
    }
}

/// Searches in UTF-8 bytes already at hand, for code that reads a text's bytes once and asks
/// several questions of them (the texts are NFC, so equal text is equal bytes).
public enum ByteSearch {
    /// Offset of the first (or, with `last`, the last) occurrence of `needle` in `haystack`;
    /// nil when absent or when `needle` is empty.
    @inlinable
    public static func offset(of needle: String, in haystack: UnsafeBufferPointer<UInt8>, last: Bool = false) -> Int? {
        var needle = needle
        return needle.withUTF8 { n in n.isEmpty ? nil : byteOffset(of: n, in: haystack, last: last) }
    }

    /// Whether `haystack` starts with the bytes of `prefix`.
    @inlinable
    public static func hasPrefix(_ prefix: String, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { n in
            guard haystack.count >= n.count else { return false }
            for k in 0..<n.count where haystack[k] != n[k] { return false }
            return true
        }
    }
}
