import Foundation

/// The one diacritic- and case-insensitive folding used for every match in the analysis.
///
/// `Việt Nam` → `viet nam`, `Tô Lâm` → `to lam`, `Đổi mới` → `doi moi`, curly apostrophes and
/// quotes become straight ones, dashes become `-`. Folding never merges or splits words, so a
/// folded string has the same words as the original, in the same order.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        // Fast paths: ASCII, and Latin letters from a precomputed table.
        var copy = text
        let folded: String?? = copy.withUTF8 { bytes -> String?? in
            var upper = false
            for b in bytes {
                if b >= 0x80 { return .none }         // not ASCII: the tables below
                if b >= 0x41 && b <= 0x5A { upper = true }
            }
            guard upper else { return .some(nil) }     // ASCII lower case already
            // One pass into the new string's own storage (inline for words of up to 15 bytes).
            return .some(String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (i, b) in bytes.enumerated() { buffer[i] = b >= 0x41 && b <= 0x5A ? b + 32 : b }
                return bytes.count
            })
        }
        if let ascii = folded { return ascii ?? text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
            } else if let mapped = tableFold(v) {
                out.append(contentsOf: mapped)
            } else {
                return slowFold(text)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The fold of one precomposed Latin letter (Latin-1, Latin Extended, Vietnamese) or
    /// punctuation mark, as UTF-8, from tables indexed by code point; nil outside them.
    @inline(__always)
    static func tableFold(_ v: UInt32) -> [UInt8]? {
        switch v {
        case 0x00A0...0x024F: return latinTable[Int(v - 0x00A0)]
        case 0x1E00...0x1EFF: return vietnameseTable[Int(v - 0x1E00)]
        case 0x2010...0x2032: return punctuationTable[Int(v - 0x2010)]
        case 0x02BC: return apostrophe
        default: return nil
        }
    }

    // latinTable, vietnameseTable and punctuationTable: TextFoldingTables.swift.
    static let apostrophe: [UInt8]? = Array("'".utf8)

    static func slowFold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { out.append(Unicode.Scalar(v + 32)!) } else { out.append(scalar) }
                continue
            }
            switch v {
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
                continue  // combining marks
            case 0x0110, 0x0111: out.append("d")  // Đ đ
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC: out.append("'")
            case 0x201C, 0x201D, 0x201F, 0x00AB, 0x00BB: out.append("\"")
            case 0x2010...0x2015, 0x2212: out.append("-")
            case 0x00A0: out.append(" ")
            case 0x00DF: out.append("s"); out.append("s")
            case 0x00C6, 0x00E6: out.append("a"); out.append("e")
            case 0x0152, 0x0153: out.append("o"); out.append("e")
            case 0x00D8, 0x00F8: out.append("o")
            case 0x0141, 0x0142: out.append("l")
            default:
                let s = String(scalar).lowercased()
                out.append(contentsOf: s.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Folded words only (letters and digits), joined by single spaces: the key used to group
    /// spellings of one name ("Viet Nam", "Việt Nam" → "viet nam"; "Vietnam" stays "vietnam").
    public static func key(_ text: String) -> String {
        Tokenizer.words(fold(text)).joined(separator: " ")
    }

    /// A key that also ignores spaces, so "Viet Nam" and "Vietnam" meet.
    public static func compactKey(_ text: String) -> String {
        Tokenizer.words(fold(text)).joined()
    }

    /// True when the two texts are equal once folded.
    public static func equal(_ a: String, _ b: String) -> Bool { key(a) == key(b) }
}
