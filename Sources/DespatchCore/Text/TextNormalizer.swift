import Foundation

/// The one normalisation every piece of text passes on its way in.
public enum TextNormalizer {
    /// NFC, Unix line ends, no NUL or other C0 controls except tab and newline,
    /// no bidi-override controls that could reorder printed text, no-break spaces as spaces.
    ///
    /// Works on UTF-8 bytes: every character it drops or replaces is a whole scalar, found by
    /// its lead byte, so no multi-byte sequence is ever cut.
    public static func normalize(_ text: String) -> String {
        // Composing is the costly step, and text that is already NFC is the rule.
        let s = composedNFC(text)
        // Most text needs nothing more: one scan says so without copying it.
        if s.utf8.withContiguousStorageIfAvailable({ !needsCleaning($0) }) == true { return s }
        var out: [UInt8] = []
        var changed = false
        var previousWasCR = false
        s.utf8.withContiguousStorageIfAvailable { bytes in
            let n = bytes.count
            out.reserveCapacity(n)
            var i = 0
            while i < n {
                let b = bytes[i]
                let wasCR = previousWasCR
                previousWasCR = b == 0x0D
                if b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xE2 { out.append(b); i += 1; continue }
                switch b {
                case 0x0D: out.append(0x0A); changed = true
                case 0x0A: if wasCR { changed = true } else { out.append(b) }
                case 0x09: out.append(b)
                case 0xC2 where i + 1 < n && bytes[i + 1] == 0xA0:  // U+00A0
                    out.append(0x20); i += 2; changed = true; continue
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]),  // U+202A–202E
                     0xE2 where i + 2 < n && bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]):  // U+2066–2069
                    i += 3; changed = true; continue
                case 0xC2, 0xE2: out.append(b)
                default: changed = true  // other C0 controls and DEL
                }
                i += 1
            }
        } ?? {
            out = Array(normalize(String(decoding: Array(s.utf8), as: UTF8.self)).utf8)
            changed = true
        }()
        return changed ? String(decoding: out, as: UTF8.self) : s
    }

    /// Whether `normalize` would change any byte after composing: a C0 control other than
    /// tab and newline, DEL, a carriage return, U+00A0 or a bidi control.
    static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        // Eight bytes at a time past those that cannot matter: none below 0x20, none 0x7F,
        // 0xC2 or 0xE2 (the lead bytes of U+00A0 and of the bidi controls). A byte at a time
        // this was some thirteen instructions a byte of every article read.
        while i < n {
            if i + 8 <= n {
                let w = ByteLanes.load(bytes, i)
                if !(ByteLanes.hasByteBelow0x20(w) || ByteLanes.hasByte(w, 0x7F) || ByteLanes.hasByte(w, 0xC2) || ByteLanes.hasByte(w, 0xE2)) {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xE2 { i += 1; continue }
            switch b {
            case 0x0A, 0x09: break
            case 0xC2: if i + 1 < n && bytes[i + 1] == 0xA0 { return true }
            case 0xE2:
                if i + 2 < n && bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]) { return true }
                if i + 2 < n && bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]) { return true }
            default: return true  // CR, other C0 controls, DEL
            }
            i += 1
        }
        return false
    }

    /// `text` in NFC: Foundation composes only the lines the quick check cannot vouch for.
    ///
    /// Line by line because a line break is a boundary that no composition or reordering
    /// crosses (a newline has combining class 0 and composes with nothing), so composing the
    /// lines one by one gives what composing the whole gives. One emoji in a sample made
    /// Foundation compose the whole 85 KB of `analyze --json` output: 40 M instructions, a
    /// fifth of the command.
    public static func composedNFC(_ text: String) -> String { changedByNFC(text) ?? text }

    /// `text` in NFC, or nil when it is NFC already (so that a caller need not compare the two:
    /// `==` on strings is canonical equivalence and cannot tell, and comparing the bytes of
    /// the 560 KB of a 50-article `analyze --json` cost 39 M instructions).
    public static func changedByNFC(_ text: String) -> String? {
        if isSurelyNFC(text) { return nil }
        // Split on the newline byte, not on characters ("\r\n" is one Character).
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        var changed = false
        for (i, line) in lines.enumerated() where !isSurelyNFC(line) {
            let composed = line.precomposedStringWithCanonicalMapping
            // Bytes, not `!=`: Swift's string equality is canonical equivalence, under which
            // a decomposed line equals its composition.
            if !sameBytes(composed, line) {
                lines[i] = composed
                changed = true
            }
        }
        return changed ? lines.joined(separator: "\n") : nil
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    /// True when every scalar of `text` is one that NFC leaves alone in any context: ASCII and
    /// the precomposed blocks (Latin with Vietnamese, Greek, Cyrillic, punctuation, CJK, kana,
    /// Hangul syllables). A combining mark or anything rarer sends the text to Foundation.
    static func isSurelyNFC(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                // ASCII eight bytes at a time; a scalar past it decoded where it starts.
                if i + 8 <= n, ByteLanes.isASCII(ByteLanes.load(bytes, i)) {
                    i += 8
                    continue
                }
                if bytes[i] < 0x80 { i += 1; continue }
                guard let (v, length) = UTF8Scan.decode(bytes, i), quickCheckPasses(v) else { return false }
                i += length
            }
            return true
        }
    }

    /// Whether a scalar is one that NFC leaves alone and that composes with nothing before
    /// it, among the blocks the articles use (anything else sends its line to Foundation).
    @inline(__always)
    private static func quickCheckPasses(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x02FF: return true                         // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
        case 0x0374, 0x037E, 0x0387: return false               // Greek singletons
        case 0x0483...0x0489: return false                      // Cyrillic combining marks (reordering)
        case 0x0370...0x03FF, 0x0400...0x04FF: return true      // Greek, Cyrillic
        case 0x1E00...0x1EFF: return true                       // Latin Extended Additional (Vietnamese)
        case 0x2000...0x2001: return false                      // singletons to U+2002/2003
        case 0x2002...0x206F, 0x20A0...0x20CF: return true      // punctuation, currency
        case 0x2329, 0x232A: return false                       // singletons to U+3008/3009
        case 0x2150...0x23FF, 0x2460...0x27BF, 0x2B00...0x2BFF:
            return true  // number forms, arrows, mathematical and technical signs, enclosed
                         // alphanumerics, box drawing, shapes, symbols (☕), dingbats
        case 0x1F300...0x1FAFF: return true                     // emoji and pictographs
        case 0x302A...0x302F: return false                      // ideographic tone marks (combining)
        case 0x3000...0x3098, 0x309B...0x30FF: return true      // CJK punctuation, kana (not the combining sound marks)
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3: return true      // CJK ideographs, Hangul syllables
        case 0xFF01...0xFFEF: return true                       // half- and full-width forms
        default: return false
        }
    }

    /// Whether `bytes` hold two spaces in a row or a byte below 0x20 (tab, newline): what
    /// `collapseSpaces` would change inside a text. Eight bytes at a time: the spaces of a
    /// word found exactly (the borrow of the quick zero-byte test would mark a space after a
    /// space that is not one), then compared with their neighbours.
    static func hasSpaceRunOrControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        var previousSpace = false
        while i + 8 <= n {
            let w = ByteLanes.load(bytes, i)
            if ByteLanes.hasByteBelow0x20(w) { return true }
            let spaces = ByteLanes.matches(w, 0x20)
            if spaces & (spaces >> 8) != 0 || (previousSpace && spaces & 0x80 != 0) { return true }
            previousSpace = spaces >> 63 != 0
            i += 8
        }
        while i < n {
            let b = bytes[i]
            if b < 0x20 || (b == 0x20 && previousSpace) { return true }
            previousSpace = b == 0x20
            i += 1
        }
        return false
    }

    /// Trims spaces and tabs (not other white space) from both ends, without Foundation.
    public static func trimSpaces<S: StringProtocol>(_ text: S) -> Substring {
        let sub = Substring(text)
        let utf8 = sub.utf8
        // Space and tab are ASCII: trimming bytes never cuts a character.
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return sub[sub.endIndex...] }
        let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        return sub[first...last]
    }

    /// Collapses runs of spaces and tabs and trims the ends.
    /// Works on UTF-8 bytes: space, tab and newline are ASCII, and no byte of a multi-byte
    /// sequence is, so no character is ever cut.
    public static func collapseSpaces(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes in
            // Most paragraphs have nothing to collapse: they are handed back as they are, not
            // copied (a copy is written and then validated as UTF-8 again).
            if let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20, !hasSpaceRunOrControl(bytes) {
                return text
            }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var pendingSpace = false
                for b in bytes {
                    if b == 0x20 || b == 0x09 || b == 0x0A {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace { out[n] = 0x20; n += 1 }
                        pendingSpace = false
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
    }
}
