import DespatchArchive
import DespatchCore
import XCTest

/// The hand-written SHA-256 against published digests (FIPS 180-2 examples and
/// messages around the 55/56/64-byte padding boundaries, checked with another SHA-256).
final class SHA256Tests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        XCTAssertEqual(SHA256.hex("Lê Hoài Trung"), "c4ec38f0de613ea50d035ca7c774f4da1569dbeb3e9a815547c29f4402eff889")
    }

    func testPaddingBoundaries() {
        let expected = [
            55: "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
            56: "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
            63: "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2",
            64: "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
            65: "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9",
            119: "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c",
            120: "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98",
        ]
        for (n, digest) in expected {
            XCTAssertEqual(SHA256.hex(String(repeating: "x", count: n)), digest, "\(n) bytes")
        }
    }

    func testIncrementalUpdatesEqualOneShot() {
        var h = SHA256()
        let text = Array(String(repeating: "0123456789", count: 30).utf8)
        for chunk in stride(from: 0, to: text.count, by: 7) { h.update(Array(text[chunk..<min(chunk + 7, text.count)])) }
        let hex = h.finalize().map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(hex, SHA256.hex(String(repeating: "0123456789", count: 30)))
    }

    func testContentKeyIgnoresSpacingButNotWords() {
        let a = Article(file: "a.txt", title: "T", paragraphs: ["One  two\tthree.", "Four."])
        let b = Article(file: "b.txt", title: "Other title", paragraphs: [" One two three. ", "", "Four."])
        let c = Article(file: "a.txt", title: "T", paragraphs: ["One two three.", "Five."])
        XCTAssertEqual(ContentKey.of(a), ContentKey.of(b))
        XCTAssertNotEqual(ContentKey.of(a), ContentKey.of(c))
    }
}
