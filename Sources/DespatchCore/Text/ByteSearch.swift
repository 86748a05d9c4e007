extension StringProtocol {
    /// True when `needle` occurs in the text, compared as UTF-8 bytes (the texts are NFC, so
    /// equal text is equal bytes). Foundation's `contains` goes through CFString on Linux and
    /// cost the analysis several per cent on its own.
    public func containsBytes(_ needle: String) -> Bool {
        needle.isEmpty || firstRange(ofBytes: needle) != nil
    }
}

extension StringProtocol {
    /// The first occurrence of `needle`, compared as UTF-8 bytes; nil when absent or when
    /// `needle` is empty. The texts are NFC, so equal text is equal bytes, and a match of a
    /// whole UTF-8 needle starts and ends on scalar boundaries. Foundation's `range(of:)`
    /// goes through CFString on Linux, about 20,000 instructions a call.
    public func firstRange(ofBytes needle: String) -> Range<Index>? {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return nil }
        let u = self.utf8
        let found = u.withContiguousStorageIfAvailable { UTF8Scan.firstOffset(of: n, in: $0, from: 0) }
            ?? Array(u).withUnsafeBufferPointer { UTF8Scan.firstOffset(of: n, in: $0, from: 0) }
        guard let offset = found else { return nil }
        let lower = u.index(u.startIndex, offsetBy: offset)
        return lower..<u.index(lower, offsetBy: n.count)
    }
}

extension StringProtocol {
    /// The last occurrence of `needle`, compared as UTF-8 bytes (see `firstRange(ofBytes:)`).
    public func lastRange(ofBytes needle: String) -> Range<Index>? {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return nil }
        let u = self.utf8
        let found = u.withContiguousStorageIfAvailable { lastOffset(of: n, in: $0) }
            ?? Array(u).withUnsafeBufferPointer { lastOffset(of: n, in: $0) }
        guard let offset = found else { return nil }
        let lower = u.index(u.startIndex, offsetBy: offset)
        return lower..<u.index(lower, offsetBy: n.count)
    }
}

/// Offset of the last occurrence of `needle` (not empty) in `haystack`.
private func lastOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    var i = haystack.count - needle.count
    while i >= 0 {
        if haystack[i] == needle[0] {
            var k = 1
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
        }
        i -= 1
    }
    return nil
}


extension String {
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
