@testable import DespatchAnalysis
import DespatchCore
import Foundation
import XCTest

/// The phrase matchers find their entries by lexicon id in the analysis; by id and by string
/// they must find the same matches, on the samples and on words the vocabulary lacks.
final class PhraseMatcherIDTests: XCTestCase {
    func testMatchesByIDEqualMatchesByString() throws {
        let v = Vocabulary.shared
        XCTAssertGreaterThan(v.lexicon.count, 100, "the shared vocabulary is indexed")
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }
        XCTAssertFalse(files.isEmpty)
        var sentences = ["Ambassador of the Republic of Korea congratulated Vietnam's leaders warmly",
                         "Đại sứ Nhật Bản chúc mừng thành công của Đại hội", "zzz unknown words only", ""]
        for f in files {
            let text = try String(contentsOf: samples.appendingPathComponent(f), encoding: .utf8)
            sentences += ArticleStructure.splitter.split(text)
        }
        var total = 0
        for sentence in sentences {
            let words = Tokenizer.foldedWords(sentence)
            let ids = v.lexicon.ids(words)
            func same<P>(_ m: PhraseMatcher<P>, _ name: String) {
                let a = m.matches(words).map { [$0.start, $0.end] }
                let b = m.matches(words, ids: ids).map { [$0.start, $0.end] }
                XCTAssertEqual(a, b, "\(name): \(sentence)")
                XCTAssertEqual(m.matches(words).map(\.phrase), m.matches(words, ids: ids).map(\.phrase), name)
                total += a.count
            }
            same(v.themeMatcher, "themes"); same(v.places, "places"); same(v.cities, "cities"); same(v.titles, "titles")
            same(v.voiceNouns, "voice nouns"); same(v.pronouns, "pronouns"); same(v.groupPronouns, "group pronouns")
            same(v.reportingVerbs, "reporting verbs"); same(v.stance, "stance"); same(v.ordinals, "ordinals")
            same(v.listNouns, "list nouns"); same(v.continuations, "continuations")
        }
        XCTAssertGreaterThan(total, 200, "the samples exercise the matchers")
    }

    func testStopwordFlagsFromIDsEqualTheStopwordSet() {
        let v = Vocabulary.shared
        let words = Tokenizer.foldedWords("The ambassador of the Republic said that we đã and của are in Hà Nội with them")
            + Array(v.stopwords).prefix(50) + ["zzz", ""]
        let byID = v.lexicon.ids(words).map { v.isStopword(id: $0) }
        XCTAssertEqual(byID, words.map { v.stopwords.contains($0) })
        XCTAssertTrue(byID.contains(true))
        let numbers = Tokenizer.foldedWords("five groups six tasks năm nhiệm vụ ba twelve 12 zero none")
        XCTAssertEqual(numbers.map { v.number(id: v.lexicon.id($0)) }, numbers.map { v.numbers[$0] })
        XCTAssertEqual(v.number(id: v.lexicon.id("five")), 5)
    }

    func testAMatcherChangedAfterIndexingFallsBackToStrings() {
        var v = Vocabulary.shared
        v.places.add("Atlantis", Place(canonical: "Atlantis", isOrganisation: false))
        let words = Tokenizer.foldedWords("Envoys from Atlantis arrived")
        XCTAssertEqual(v.places.matches(words, ids: v.lexicon.ids(words)).map(\.phrase), ["Atlantis"])
    }

    /// A sentence reading keeps its per-token facts as bits of one byte a token; each column
    /// must read as the table it replaced, worked out here the plain way.
    func testTheReadingsFlagColumnsEqualThePlainTables() throws {
        let v = Vocabulary.shared
        let box = VocabularyBox(v)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples").standardized
        var texts = ["Singaporean Ambassador Jaya Ratnam told reporters in Hanoi that he congratulated the 14th Congress.",
                     "Đại sứ Nhật Bản chúc mừng thành công của Đại hội tại Hà Nội.", "Élan 2026 ÉTAT of the art", ""]
        for f in try FileManager.default.contentsOfDirectory(atPath: samples.path) where f.hasSuffix(".md") || f.hasSuffix(".txt") {
            texts += ArticleStructure.splitter.split(try String(contentsOf: samples.appendingPathComponent(f), encoding: .utf8))
        }
        var set = [0, 0, 0, 0, 0]
        func covered<P>(_ m: PhraseMatcher<P>, _ words: [String]) -> [Bool] {
            var out = [Bool](repeating: false, count: words.count)
            for match in m.matches(words) { for k in match.start..<match.end { out[k] = true } }
            return out
        }
        for text in texts {
            let r = SentenceReading(Sentence(text, paragraph: 0, kind: .body), box)
            let s = r.s
            let caps = s.words.map { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }
            let stops = s.folded.map { v.stopwords.contains($0) }
            let verbs = covered(v.reportingVerbs, s.folded), cities = covered(v.cities, s.folded), titles = covered(v.titles, s.folded)
            for k in 0..<s.words.count {
                XCTAssertEqual(r.caps[k], caps[k], "capital \(k) of \(text)")
                XCTAssertEqual(r.isStopword[k], stops[k], "stopword \(k) of \(text)")
                XCTAssertEqual(r.verbAt[k], verbs[k], "verb \(k) of \(text)")
                XCTAssertEqual(r.isCity[k], cities[k], "city \(k) of \(text)")
                XCTAssertEqual(r.titleAt[k], titles[k], "title \(k) of \(text)")
                XCTAssertEqual(r.spaceBefore[k], r.gaps[k] == " ", "space before \(k) of \(text)")
                for (i, on) in [caps[k], stops[k], verbs[k], cities[k], titles[k]].enumerated() where on { set[i] += 1 }
            }
        }
        // Every column is exercised.
        XCTAssertTrue(set.allSatisfy { $0 > 3 }, "\(set)")
    }
}
