import DespatchCore
import Foundation
import DespatchSynthetic
import XCTest

/// `firstRange(ofBytes:)` and `WordSet` stand in for Foundation's `range(of:)` and for
/// `Set<String>` in the analysis; they must answer as those do on NFC text.
final class ByteSearchTests: XCTestCase {
    func testFirstRangeAgreesWithFoundation() {
        let texts = ["HÀ NỘI — Ambassador Nguyễn said", "Hanoi (VNA) – The congress", "no dash here", "",
                     "a — b — c", "—leading", "trailing —", "東京 — Tokyo", "x\n---\ny\n---\n", " - ", "Việt Nam – Lào – Campuchia"]
        let needles = [" — ", "—", " – ", " - ", "\n---", "Nam", "Tokyo", "zz", "Lào"]
        for text in texts {
            for needle in needles {
                let mine = text.firstRange(ofBytes: needle).map { text[$0] }
                let foundation = text.range(of: needle).map { text[$0] }
                XCTAssertEqual(mine, foundation, "\(needle) in \(text)")
                if let r = text.firstRange(ofBytes: needle) {
                    XCTAssertEqual(String(text[..<r.lowerBound]), String(text[..<text.range(of: needle)!.lowerBound]))
                }
            }
        }
        for text in texts {
            for needle in needles {
                XCTAssertEqual(text.lastRange(ofBytes: needle).map { String(text[$0.lowerBound...]) },
                               text.ranges(of: needle).last.map { String(text[$0.lowerBound...]) }, "last \(needle) in \(text)")
                XCTAssertEqual(text.containsBytes(needle), text.contains(needle), "contains \(needle) in \(text)")
            }
        }
        let sub = "prefix — middle — end".dropFirst(8)
        XCTAssertEqual(sub.firstRange(ofBytes: " — ").map { String(sub[$0.upperBound...]) }, "end")
        XCTAssertNil("abc".firstRange(ofBytes: ""))
    }

    func testSuffixAgreesWithTheStandardLibrary() {
        let words = ["Vietnam's", "Vietnam’s", "Israel-based", "s", "'s", "", "Lâm's", "Singapore's\u{301}", "it's-based", "boss", "Hà Nội’s"]
        for w in words {
            for suffix in ["'s", "’s", "-based"] {
                XCTAssertEqual(w.hasSuffixBytes(suffix), w.hasSuffix(suffix), "\(w) \(suffix)")
            }
        }
    }

    func testWordSetAgreesWithASet() {
        var set = WordSet()
        var reference = Set<String>()
        var generator = SeededGenerator(seed: 11)
        let words = (0..<300).map { ["đại sứ", "the", "of", "chúc", ""][$0 % 5] + String($0 / 5) }
        for _ in 0..<5_000 {
            let w = words[Int.random(in: 0..<words.count, using: &generator)]
            XCTAssertEqual(set.insert(w), reference.insert(w).inserted, w)
        }
        XCTAssertEqual(set.count, reference.count)
        for w in words + ["absent"] { XCTAssertEqual(set.contains(w), reference.contains(w), w) }
        XCTAssertEqual(Set(set), reference)
        XCTAssertTrue(WordSet().isEmpty)
        XCTAssertTrue(WordSet(["a", "b"]).contains("b"))
    }
}
