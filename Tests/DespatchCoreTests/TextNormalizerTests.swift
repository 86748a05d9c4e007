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
}
