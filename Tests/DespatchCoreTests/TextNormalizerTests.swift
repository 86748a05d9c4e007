@testable import DespatchCore
import Foundation
import XCTest

/// The byte-level normaliser skips Foundation's NFC for text it judges already composed; these
/// tests hold that judgement to Foundation's answer.
///
/// Strings are compared by their scalars (`scalars`): Swift's `==` on strings is canonical
/// equivalence, under which "\u{2126}" equals its NFC "Ω" and decomposed text equals its
/// composition, so it cannot tell whether anything was normalised.
final class TextNormalizerTests: XCTestCase {
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Every scalar the quick check lets through is left unchanged by NFC, alone and after a
    /// letter, and never reorders (combining class 0).
    func testQuickCheckAgreesWithFoundationOnEveryScalarItPasses() {
        var passed = 0
        for v in UInt32(0x80)...UInt32(0x1FFFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let alone = String(scalar)
            guard TextNormalizer.isSurelyNFC(alone) else { continue }
            passed += 1
            XCTAssertEqual(scalars(alone.precomposedStringWithCanonicalMapping), scalars(alone), "U+\(String(v, radix: 16))")
            let afterLetter = "a" + alone
            XCTAssertEqual(scalars(afterLetter.precomposedStringWithCanonicalMapping), scalars(afterLetter), "a + U+\(String(v, radix: 16))")
            XCTAssertEqual(scalar.properties.canonicalCombiningClass, .notReordered, "U+\(String(v, radix: 16))")
        }
        XCTAssertGreaterThan(passed, 20_000)  // the CJK and Hangul blocks alone
    }

    func testDecomposedTextIsComposed() {
        let decomposed = "Vie\u{0302}\u{0323}t Nam"  // e + circumflex + dot below
        XCTAssertFalse(TextNormalizer.isSurelyNFC(decomposed))
        XCTAssertEqual(scalars(TextNormalizer.normalize(decomposed)), scalars("Việt Nam"))
    }

    /// Composing line by line gives what composing the whole text gives: no composition or
    /// reordering crosses a newline, even with combining marks on both sides of it, an emoji,
    /// CR LF line ends and empty lines.
    func testComposingLineByLineEqualsComposingTheWhole() {
        let pieces = ["Vie\u{0302}\u{0323}t", "\u{0301}", "e", "\n", "\r\n", "\n\n", "☕", "Ω", "\u{2126}", "a\u{0328}\u{0301}",
                      "ﬁ", "Å", "A\u{030A}", " ", "東京", "\u{0323}\u{0302}", "\u{1100}\u{1161}", "Tô Lâm"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(scalars(TextNormalizer.composedNFC(text)), scalars(text.precomposedStringWithCanonicalMapping),
                           text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        // A line with a decomposed letter is composed; the other lines come back as they were.
        XCTAssertEqual(scalars(TextNormalizer.composedNFC("plain\nVie\u{0302}\u{0323}t\r\n☕ ok")), scalars("plain\nViệt\r\n☕ ok"))
    }

    func testControlsLineEndsAndSpaces() {
        XCTAssertEqual(TextNormalizer.normalize("a\r\nb\rc\nd"), "a\nb\nc\nd")
        XCTAssertEqual(TextNormalizer.normalize("x\u{0}y\u{7F}z\u{1B}w\tv"), "xyzw\tv")
        XCTAssertEqual(TextNormalizer.normalize("Tô\u{00A0}Lâm \u{202E}evil\u{202C} \u{2066}iso\u{2069}"), "Tô Lâm evil iso")
        XCTAssertEqual(TextNormalizer.normalize("€ “quoted” — Đà Nẵng, Москва, 東京"), "€ “quoted” — Đà Nẵng, Москва, 東京")
        XCTAssertEqual(TextNormalizer.normalize(""), "")
    }

    /// The scans read eight bytes at a time where they can: they must answer as the
    /// byte-by-byte and scalar-by-scalar scans they replaced, at every length and with the
    /// characters they look for at every place.
    func testTheWordAtATimeScansAnswerAsTheSimpleOnes() {
        func simpleNeedsCleaning(_ b: [UInt8]) -> Bool {
            var i = 0
            while i < b.count {
                let c = b[i]
                if c >= 0x20 && c != 0x7F && c != 0xC2 && c != 0xE2 { i += 1; continue }
                switch c {
                case 0x0A, 0x09: break
                case 0xC2: if i + 1 < b.count && b[i + 1] == 0xA0 { return true }
                case 0xE2:
                    if i + 2 < b.count && b[i + 1] == 0x80 && (0xAA...0xAE).contains(b[i + 2]) { return true }
                    if i + 2 < b.count && b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2]) { return true }
                default: return true
                }
                i += 1
            }
            return false
        }
        func simpleIsSurelyNFC(_ text: String) -> Bool {
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x00...0x02FF, 0x0370...0x0373, 0x0375...0x037D, 0x037F...0x0386, 0x0388...0x0482, 0x048A...0x04FF,
                     0x1E00...0x1EFF, 0x2002...0x206F, 0x20A0...0x20CF, 0x2150...0x2328, 0x232B...0x23FF, 0x2460...0x27BF,
                     0x2B00...0x2BFF, 0x1F300...0x1FAFF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,
                     0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFFEF:
                    continue
                default: return false
                }
            }
            return true
        }
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", ".", "\n", "\t", "\r", "\u{01}", "\u{7F}", "\u{A0}", "é", "Đ", "ệ",
                                          "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{201C}", "\u{2014}", "\u{2028}",
                                          "\u{0374}", "\u{0301}", "\u{2615}", "\u{1F600}", "中", "\u{3099}", "\u{2000}", "\u{FF21}"]
        var cleanings = 0, nfcFailures = 0
        for text in Self.scatteredTexts(alphabet, seed: 0x2545_F491_4F6C_DD1D, lengths: 0..<33, trials: 40, denseEvery: 4, oneIn: 6) {
            let bytes = Array(text.utf8)
            let expected = simpleNeedsCleaning(bytes)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { TextNormalizer.needsCleaning($0) }, expected, text.debugDescription)
            XCTAssertEqual(TextNormalizer.isSurelyNFC(text), simpleIsSurelyNFC(text), text.debugDescription)
            if expected { cleanings += 1 }
            if !simpleIsSurelyNFC(text) { nfcFailures += 1 }
        }
        XCTAssertGreaterThan(cleanings, 100)
        XCTAssertGreaterThan(nfcFailures, 100)
    }

    /// `collapseSpaces` hands most texts back untouched after an eight-bytes-at-a-time test;
    /// it must give what collapsing byte by byte gives, at every length and next to word edges.
    func testCollapsingSpacesEqualsTheSimpleCollapse() {
        func simpleCollapse(_ text: String) -> String {
            var out: [UInt8] = [], pending = false
            for b in text.utf8 {
                if b == 0x20 || b == 0x09 || b == 0x0A { pending = !out.isEmpty } else {
                    if pending { out.append(0x20) }
                    pending = false
                    out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        let alphabet: [Unicode.Scalar] = ["a", " ", " ", "\t", "\n", "\u{01}", "é", "ệ", "中", "."]
        var changed = 0, unchanged = 0
        for text in Self.scatteredTexts(alphabet, seed: 0x9E37_79B9_7F4A_7C15, lengths: 0..<34, trials: 60, denseEvery: 3, oneIn: 5) {
            let collapsed = TextNormalizer.collapseSpaces(text)
            XCTAssertEqual(Array(collapsed.utf8), Array(simpleCollapse(text).utf8), text.debugDescription)
            if Array(collapsed.utf8) == Array(text.utf8) { unchanged += 1 } else { changed += 1 }
        }
        // Both ways through the function were taken.
        XCTAssertGreaterThan(changed, 200)
        XCTAssertGreaterThan(unchanged, 200)
    }

    /// Seeded texts of every length in `lengths`, `trials` of each, for comparing the
    /// eight-bytes-at-a-time scans with simple ones: every `denseEvery`-th trial draws each
    /// scalar from `alphabet`, the others are mostly "e" (so that whole words of eight plain
    /// bytes occur) with one scalar in `oneIn` from `alphabet`.
    static func scatteredTexts(_ alphabet: [Unicode.Scalar], seed: UInt64, lengths: Range<Int>, trials: Int,
                               denseEvery: Int, oneIn: Int) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var texts: [String] = []
        for length in lengths {
            for trial in 0..<trials {
                let scalars = (0..<length).map { _ in
                    trial % denseEvery == 0 ? alphabet[next(alphabet.count)] : (next(oneIn) == 0 ? alphabet[next(alphabet.count)] : "e")
                }
                texts.append(String(String.UnicodeScalarView(scalars)))
            }
        }
        return texts
    }
}
