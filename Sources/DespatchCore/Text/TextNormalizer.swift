import Foundation

/// The one normalisation every piece of text passes on its way in.
public enum TextNormalizer {
    /// NFC, Unix line ends, no NUL or other C0 controls except tab and newline,
    /// no bidi-override controls that could reorder printed text.
    public static func normalize(_ text: String) -> String {
        // NFC only matters for non-ASCII text; composing is the costly step.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let s = isASCII ? text : text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            let wasCR = previousWasCR
            previousWasCR = scalar.value == 0x0D
            switch scalar.value {
            case 0x0D: out.append("\n")
            case 0x0A: if !wasCR { out.append(scalar) }
            case 0x09: out.append(scalar)
            case 0x00...0x1F, 0x7F: continue
            case 0x202A...0x202E, 0x2066...0x2069: continue  // explicit bidi embeddings/overrides/isolates
            case 0xA0: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Trims spaces and tabs (not other white space) from both ends, without Foundation.
    public static func trimSpaces<S: StringProtocol>(_ text: S) -> Substring {
        let sub = Substring(text)
        guard let start = sub.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return sub[sub.endIndex...] }
        let end = sub.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return sub[start...end]
    }

    /// Collapses runs of spaces and tabs and trims the ends.
    /// Works on UTF-8 bytes: space, tab and newline are ASCII, and no byte of a multi-byte
    /// sequence is, so no character is ever cut.
    public static func collapseSpaces(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for b in text.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
