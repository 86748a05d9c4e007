import DespatchCore
import DespatchSynthetic
import XCTest

/// `WordMap` replaces `Dictionary<String, …>` in the analysis's hot lookups; it must answer
/// exactly as a dictionary would, through growth, overwrites and removals.
final class WordMapTests: XCTestCase {
    func testAgreesWithADictionaryOverRandomOperations() {
        var map = WordMap<Int>()
        var reference: [String: Int] = [:]
        var generator = SeededGenerator(seed: 7)  // reproducible: a failure names its step
        let words = (0..<600).map { i in ["việt", "nam", "ambassador", "東京", "a", ""][i % 6] + String(i / 6) }
        for step in 0..<20_000 {
            let word = words[Int.random(in: 0..<words.count, using: &generator)]
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<6:
                map[word] = step
                reference[word] = step
            case 6..<8:
                map[word] = nil
                reference[word] = nil
            case 8:
                map[word, default: 0] += 1
                reference[word, default: 0] += 1
            default:
                map[word, default: step] -= 3  // the default is stored, then changed in place
                reference[word, default: step] -= 3
            }
            if step % 97 == 0 {
                XCTAssertEqual(map.count, reference.count, "count after step \(step)")
            }
        }
        XCTAssertEqual(map.count, reference.count)
        for word in words { XCTAssertEqual(map[word], reference[word], word) }
        XCTAssertNil(map["absent"])
    }

    func testEmptyAndLongWords() {
        var map = WordMap<String>()
        let long = String(repeating: "x", count: 5_000)
        map[""] = "empty"
        map[long] = "long"
        map["Đà Nẵng"] = "city"
        XCTAssertEqual(map[""], "empty")
        XCTAssertEqual(map[long], "long")
        XCTAssertEqual(map["Đà Nẵng"], "city")
        XCTAssertNil(map["Da Nang"])  // bytes, not folding: the analysis folds first
        XCTAssertEqual(map.count, 3)
    }
}
