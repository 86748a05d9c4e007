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
            guard let base = bytes.baseAddress else { return .some(nil) }
            let n = bytes.count
            // Eight bytes at a time (`ByteLanes`): any byte past ASCII stops it. A byte at a
            // time cost some sixteen instructions a byte over two passes.
            var upper = false
            var i = 0
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let w = ByteLanes.load(bytes, i)
                if !ByteLanes.isASCII(w) { return .none }
                if ByteLanes.capitals(w) != 0 { upper = true }
                i += 8
            }
            while i < n {
                let b = bytes[i]
                if b >= 0x80 { return .none }         // not ASCII: the tables below
                if b >= 0x41 && b <= 0x5A { upper = true }
                i += 1
            }
            guard upper else { return .some(nil) }     // ASCII lower case already
            // One pass into the new string's own storage (inline for words of up to 15 bytes).
            return .some(String(unsafeUninitializedCapacity: n) { buffer in
                let out = UnsafeMutableRawPointer(buffer.baseAddress!)
                var i = 0
                while i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    out.storeBytes(of: w | ByteLanes.capitals(w) >> 2, toByteOffset: i, as: UInt64.self)
                    i += 8
                }
                while i < n {
                    let b = bytes[i]
                    buffer[i] = b >= 0x41 && b <= 0x5A ? b + 32 : b
                    i += 1
                }
                return n
            })
        }
        if let ascii = folded { return ascii ?? text }
        // The bytes as they come: ASCII lowered in place (most of any text), other scalars
        // decoded where they start and mapped through the packed tables. Iterating the
        // string's scalars, and taking each mapping as an array, cost twice as much.
        let mapped: String? = copy.withUTF8 { bytes -> String? in
            let table = packedTable
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
                    i += 1
                    continue
                }
                guard let (v, length) = UTF8Scan.decode(bytes, i), let slot = PackedFoldTable.slot(v),
                      case let entry = table.entries[slot], entry.count > 0 else { return nil }
                let start = Int(entry.start)
                for k in start..<(start + Int(entry.count)) { out.append(table.bytes[k]) }
                i += length
            }
            return out.withUnsafeBufferPointer { UTF8Scan.string($0, 0, $0.count) }
        }
        return mapped ?? slowFold(text)
    }

    /// `latinTable`, `vietnameseTable` and `punctuationTable` in one store: each code point's
    /// fold as a range of `bytes` (an empty range: not in the tables). Built once from them.
    struct PackedFoldTable {
        var bytes: [UInt8] = []
        var entries: [(start: UInt16, count: UInt16)] = []

        /// The blocks the tables cover, in the order of the entries.
        static let latin: ClosedRange<UInt32> = 0x00A0...0x024F
        static let vietnamese: ClosedRange<UInt32> = 0x1E00...0x1EFF
        static let punctuation: ClosedRange<UInt32> = 0x2010...0x2032
        static let apostrophe: UInt32 = 0x02BC

        /// Where code point `v` is among the entries, if the tables cover it.
        @inline(__always)
        static func slot(_ v: UInt32) -> Int? {
            if latin.contains(v) { return Int(v - latin.lowerBound) }
            var base = latin.count
            if vietnamese.contains(v) { return base + Int(v - vietnamese.lowerBound) }
            base += vietnamese.count
            if punctuation.contains(v) { return base + Int(v - punctuation.lowerBound) }
            base += punctuation.count
            return v == apostrophe ? base : nil
        }
    }

    static let packedTable: PackedFoldTable = {
        precondition(latinTable.count == PackedFoldTable.latin.count && vietnameseTable.count == PackedFoldTable.vietnamese.count
                     && punctuationTable.count == PackedFoldTable.punctuation.count)
        var table = PackedFoldTable()
        for entry in latinTable + vietnameseTable + punctuationTable + [apostropheFold] {
            table.entries.append((UInt16(table.bytes.count), UInt16(entry?.count ?? 0)))
            table.bytes += entry ?? []
        }
        return table
    }()

    // latinTable, vietnameseTable and punctuationTable: TextFoldingTables.swift.
    /// The fold of U+02BC, the modifier letter apostrophe.
    static let apostropheFold: [UInt8]? = Array("'".utf8)

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
    public static func key(_ text: String) -> String { joinedWords(fold(text), separator: 0x20) }

    /// A key that also ignores spaces, so "Viet Nam" and "Vietnam" meet.
    public static func compactKey(_ text: String) -> String { joinedWords(fold(text), separator: nil) }

    /// The words of `text` joined by `separator` (or by nothing), as bytes: `[String].joined`
    /// is not specialised here and cost some 400 instructions a word, and each word was a
    /// string of its own first.
    static func joinedWords(_ text: String, separator: UInt8?) -> String {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        Tokenizer.scan(b) { a, z in
            if let separator, !out.isEmpty { out.append(separator) }
            out.append(contentsOf: b[a..<z])
        }
        return out.withUnsafeBufferPointer { UTF8Scan.string($0, 0, $0.count) }
    }

    /// True when the two texts are equal once folded.
    public static func equal(_ a: String, _ b: String) -> Bool { key(a) == key(b) }
}
