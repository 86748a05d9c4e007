import CPangoCairo

/// Where the lines of a paragraph of plain Latin text may break, made without
/// `pango_get_log_attrs`, for the first fit's choice of line ends alone.
///
/// Why: Pango's break analysis runs the whole of UAX #14, #29 (graphemes, words, sentences)
/// and its own tailoring for every character, some 650 instructions a byte: the most
/// expensive single function of a digest's pagination (36 M instructions of the sample
/// digest's 590 M). The first fit reads five of its fields (`is_line_break`,
/// `is_mandatory_break`, `is_char_break`, `is_white`, and `break_inserts_hyphen` where a line
/// may break), and for text made only of the characters below they follow from UAX #14's
/// rules over a handful of line-break classes, which this applies in one pass.
///
/// The characters: Latin letters (ASCII, Latin-1, Latin Extended-A and -B, Latin Extended
/// Additional, where Vietnamese lies), digits, the space, the no-break space, the en space,
/// the line separator, the soft hyphen (only between two letters, as the hyphenator puts
/// it), en and em dashes, straight and curly quotes, the bullet, the ellipsis, brackets,
/// , . : ; - / _ ! ? % $ &. Any other character, or a soft hyphen elsewhere, returns nil and
/// the caller asks Pango. The other fields are left zero: these attributes are never handed
/// to Pango (shaping takes Pango's own).
///
/// Checked against Pango 1.50 (`PlainLineBreaksTests`): every string of up to three of the
/// characters' representatives, long random strings of them, and every paragraph of the
/// samples' digests; a search of every string of up to five (21 million) found no difference.
enum PlainLineBreaks {
    /// UAX #14 classes of the characters handled (the letter-like symbols • & _ are AL).
    private enum Kind: UInt8 {
        case unsupported, letter, symbol, underscore, digit
        case space, noBreakSpace, enSpace, lineSeparator, softHyphen, enDash, emDash
        case quote, ellipsis, open, close, infixSeparator, hyphen, solidus, exclamation
        case postfix, prefix
    }

    /// The line-break class a kind takes part in UAX #14's rules with.
    private enum Class: UInt8 {
        case AL, NU, SP, GL, BA, B2, QU, IN, OP, CP, IS, HY, SY, EX, PO, PR, BK
    }

    private static func kind(_ c: UInt32) -> Kind {
        switch c {
        case 0x61...0x7A, 0x41...0x5A: return .letter
        case 0x30...0x39: return .digit
        case 0x20: return .space
        case 0x2C, 0x2E, 0x3A, 0x3B: return .infixSeparator
        case 0x2D: return .hyphen
        case 0x28, 0x5B: return .open
        case 0x29, 0x5D: return .close
        case 0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D: return .quote
        case 0x2F: return .solidus
        case 0x21, 0x3F: return .exclamation
        case 0x25: return .postfix
        case 0x24: return .prefix
        case 0x26, 0x2022: return .symbol
        case 0x5F: return .underscore
        case 0xA0: return .noBreakSpace
        case 0xAD: return .softHyphen
        case 0x2002: return .enSpace
        case 0x2013: return .enDash
        case 0x2014: return .emDash
        case 0x2026: return .ellipsis
        case 0x2028: return .lineSeparator
        case 0xD7, 0xF7: return .unsupported
        case 0xC0...0x24F, 0x1E00...0x1EFF: return .letter
        default: return .unsupported
        }
    }

    private static func lineBreakClass(_ k: Kind) -> Class {
        switch k {
        case .letter, .symbol, .underscore, .unsupported: return .AL
        case .digit: return .NU
        case .space: return .SP
        case .noBreakSpace: return .GL
        case .enSpace, .softHyphen, .enDash: return .BA
        case .lineSeparator: return .BK
        case .emDash: return .B2
        case .quote: return .QU
        case .ellipsis: return .IN
        case .open: return .OP
        case .close: return .CP
        case .infixSeparator: return .IS
        case .hyphen: return .HY
        case .solidus: return .SY
        case .exclamation: return .EX
        case .postfix: return .PO
        case .prefix: return .PR
        }
    }

    /// The Pango these rules were checked against (1.50.12, Debian 12's): Pango's break rules
    /// change between versions (the ellipsis, quotation marks split by direction in Unicode
    /// 15.1's rules), so with another the analysis is Pango's.
    static let checkedPangoVersion: Int32 = 15012
    static let matchesPango = pango_version() == checkedPangoVersion

    /// One attribute per character and one past the end, as `pango_get_log_attrs` would give
    /// the five fields the first fit reads; nil when the text holds a character not handled.
    static func attributes(_ bytes: UnsafeBufferPointer<UInt8>) -> [PangoLogAttr]? {
        // Decode once into kinds; any unsupported character ends the attempt.
        var kinds: [Kind] = []
        kinds.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = UInt32(bytes[i])
            let scalar: UInt32
            if b < 0x80 {
                scalar = b; i += 1
            } else if b & 0xE0 == 0xC0, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
                scalar = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
            } else if b & 0xF0 == 0xE0, i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
                scalar = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
            } else {
                return nil
            }
            let k = kind(scalar)
            if k == .unsupported { return nil }
            kinds.append(k)
        }
        let count = kinds.count
        guard count > 0 else { return nil }
        // A soft hyphen the hyphenator did not put between two letters is left to Pango
        // (whether a break after it adds a hyphen follows UAX #29's word boundaries).
        for (j, k) in kinds.enumerated() where k == .softHyphen {
            guard j > 0, j + 1 < count, kinds[j - 1] == .letter, kinds[j + 1] == .letter else { return nil }
        }
        var attrs = [PangoLogAttr](repeating: PangoLogAttr(), count: count + 1)
        attrs.withUnsafeMutableBufferPointer { a in
            // Every position is a grapheme boundary (no combining marks, no CR LF).
            for j in 0...count { a[j].is_char_break = 1 }
            for j in 0..<count {
                switch kinds[j] {
                case .space, .noBreakSpace, .enSpace, .lineSeparator: a[j].is_white = 1
                default: break
                }
            }
            // The end of the text: a mandatory break, and white like Pango's paragraph end.
            a[count].is_line_break = 1
            a[count].is_mandatory_break = 1
            a[count].is_white = 1
            guard count > 1 else { return }
            // The class before the current run of spaces (LB14 to LB17), and whether the
            // characters so far end a number, NU (NU|SY|IS)* (LB25).
            var beforeSpaces: Class? = nil
            var inNumber = lineBreakClass(kinds[0]) == .NU
            var closedNumber = false
            for j in 1..<count {
                let prev = lineBreakClass(kinds[j - 1]), cur = lineBreakClass(kinds[j])
                let next: Class? = j + 1 < count ? lineBreakClass(kinds[j + 1]) : nil
                let context = prev == .SP ? beforeSpaces : prev
                let breaks: Bool
                if prev == .BK {
                    breaks = true                                           // LB4
                    a[j].is_mandatory_break = 1
                } else if cur == .BK || cur == .SP {
                    breaks = false                                          // LB6, LB7
                } else if prev == .GL {
                    breaks = false                                          // LB12
                } else if cur == .GL, prev != .SP, prev != .BA, prev != .HY {
                    breaks = false                                          // LB12a
                } else if cur == .CP || cur == .EX || cur == .IS || cur == .SY {
                    breaks = false                                          // LB13
                } else if context == .OP {
                    breaks = false                                          // LB14
                } else if cur == .OP, context == .QU {
                    breaks = false                                          // LB15
                } else if cur == .B2, context == .B2 {
                    breaks = false                                          // LB17
                } else if prev == .SP {
                    breaks = true                                           // LB18
                } else if cur == .QU || prev == .QU {
                    breaks = false                                          // LB19
                } else if cur == .BA || cur == .HY || cur == .IN {
                    breaks = false                                          // LB21, LB22
                } else if (prev == .AL && cur == .NU) || (prev == .NU && cur == .AL) {
                    breaks = false                                          // LB23
                } else if ((prev == .PR || prev == .PO) && cur == .AL) || (prev == .AL && (cur == .PR || cur == .PO)) {
                    breaks = false                                          // LB24
                } else if (prev == .PR || prev == .PO) && cur == .NU {
                    breaks = false                                          // LB25
                } else if (prev == .PR || prev == .PO) && (cur == .OP || cur == .HY) && next == .NU {
                    breaks = false
                } else if (prev == .OP || prev == .HY) && cur == .NU {
                    breaks = false
                } else if inNumber && cur == .NU {
                    breaks = false
                } else if (inNumber || closedNumber) && (cur == .PO || cur == .PR) {
                    breaks = false
                } else if prev == .AL && cur == .AL {
                    breaks = false                                          // LB28
                } else if prev == .IS && cur == .AL {
                    breaks = false                                          // LB29
                } else if (prev == .AL || prev == .NU) && cur == .OP {
                    breaks = false                                          // LB30
                } else if prev == .CP && (cur == .AL || cur == .NU) {
                    breaks = false
                } else {
                    breaks = true                                           // LB31
                }
                if breaks {
                    a[j].is_line_break = 1
                    // After a soft hyphen (always between letters here) the break adds a hyphen.
                    if kinds[j - 1] == .softHyphen { a[j].break_inserts_hyphen = 1 }
                }
                if cur == .SP, prev != .SP { beforeSpaces = prev }
                closedNumber = inNumber && cur == .CP
                inNumber = cur == .NU || (inNumber && (cur == .SY || cur == .IS))
            }
        }
        return attrs
    }
}
