import Foundation

/// The one normalisation every piece of text passes on its way in.
public enum TextNormalizer {
    /// NFC, Unix line ends, no NUL or other C0 controls except tab and newline,
    /// no bidi-override controls that could reorder printed text.
    public static func normalize(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        s = s.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0x00...0x1F, 0x7F: continue
            case 0x202A...0x202E, 0x2066...0x2069: continue  // explicit bidi embeddings/overrides/isolates
            case 0xA0: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Collapses runs of spaces and tabs and trims the ends.
    public static func collapseSpaces(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch == " " || ch == "\t" || ch == "\n" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }
}
