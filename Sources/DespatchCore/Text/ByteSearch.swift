extension StringProtocol {
    /// True when `needle` occurs in the text, compared as UTF-8 bytes (the texts are NFC, so
    /// equal text is equal bytes). Foundation's `contains` goes through CFString on Linux and
    /// cost the analysis several per cent on its own.
    public func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let h = Array(self.utf8)
        guard h.count >= n.count else { return false }
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count, h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
