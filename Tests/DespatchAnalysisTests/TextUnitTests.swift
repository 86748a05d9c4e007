@testable import DespatchAnalysis
import DespatchCore
import DespatchModel
import Foundation
import XCTest

final class SentenceSplitterTests: XCTestCase {
    let splitter = ArticleStructure.splitter

    func testAbbreviationsAndNumbers() {
        let s = splitter.split("He cited Resolution No. 59 on integration. Dr. Amal Haddad agreed. The U.S. delegation left early. Next came Md Karim.")
        XCTAssertEqual(s.count, 4, "\(s)")
        XCTAssertEqual(s[0], "He cited Resolution No. 59 on integration.")
        XCTAssertTrue(s[2].hasPrefix("The U.S. delegation"))
    }

    func testInitialsQuotesAndDashes() {
        let s = splitter.split("Author J. R. Tolkien wrote it. “We agree,” she said. “It is done.” He left – quietly. Then rain.")
        XCTAssertEqual(s, ["Author J. R. Tolkien wrote it.", "“We agree,” she said.", "“It is done.”", "He left – quietly.", "Then rain."])
    }

    func testNoNumberAfterNoIsASentenceEnd() {
        XCTAssertEqual(splitter.split("The answer was no. Talks resumed.").count, 2)
    }

    func testWireEndMarkAndEmpty() {
        XCTAssertEqual(splitter.split("The meeting ended./."), ["The meeting ended."])
        XCTAssertEqual(splitter.split(""), [])
        XCTAssertEqual(splitter.split("   \n  "), [])
        XCTAssertEqual(splitter.split("— — —"), [])
    }

    func testVietnamese() {
        let s = splitter.split("Đại sứ Nhật Bản chúc mừng hội nghị. Ông cho biết Nhật Bản sẵn sàng hợp tác.")
        XCTAssertEqual(s.count, 2)
    }
}

final class FoldingTests: XCTestCase {
    func testDiacriticsAndCase() {
        XCTAssertEqual(TextFolding.key("Việt Nam"), TextFolding.key("Viet Nam"))
        XCTAssertEqual(TextFolding.compactKey("Việt Nam"), TextFolding.compactKey("Vietnam"))
        XCTAssertEqual(TextFolding.key("Tô Lâm"), "to lam")
        XCTAssertEqual(TextFolding.fold("Đổi mới"), "doi moi")
        XCTAssertEqual(TextFolding.fold("Timor-Leste’s"), "timor-leste's")
        XCTAssertNotEqual(TextFolding.key("Việt Nam"), TextFolding.key("Viet Ham"))
    }

    func testTokenizerKeepsInnerHyphensAndApostrophes() {
        XCTAssertEqual(Tokenizer.words("people-to-people diplomacy, Timor-Leste’s envoy; 10.5%"),
                       ["people-to-people", "diplomacy", "Timor-Leste’s", "envoy", "10.5"])
    }

    func testNFCInput() {
        let decomposed = "Vie\u{0302}\u{0323}t"   // "Việt" written with combining marks
        XCTAssertEqual(TextFolding.fold(decomposed), "viet")
    }
}

final class TaskListTests: XCTestCase {
    let v = Vocabulary.shared

    func lists(_ paragraphs: [String]) -> [TaskList] {
        var w: [String] = []
        let st = ArticleStructure(article: Article(file: "t.txt", title: "T", paragraphs: paragraphs), warnings: &w)
        return TaskListExtractor(vocabulary: v).extract(st.sentences).map(\.list)
    }

    /// A list item loses the words that only join it to the one before, from the vocabulary
    /// (list_cues.txt, kind joiner), in any case, and only as whole words.
    func testItemJoinersFromTheVocabularyAreDropped() {
        XCTAssertTrue(v.itemJoiners.contains("as well as") && v.itemJoiners.contains("và"), "\(v.itemJoiners)")
        XCTAssertEqual(TaskListExtractor.clean("And as well as deepening investment ties;"), "deepening investment ties")
        XCTAssertEqual(TaskListExtractor.clean(" including people-to-people exchanges."), "people-to-people exchanges")
        XCTAssertEqual(TaskListExtractor.clean("và tăng cường hợp tác quốc phòng…"), "tăng cường hợp tác quốc phòng")
        XCTAssertEqual(TaskListExtractor.clean("Andorra's candidacy"), "Andorra's candidacy")
        XCTAssertEqual(TaskListExtractor.clean("order and discipline"), "order and discipline")
    }

    /// Counts in the English messages ("… but describes one.") are written with the
    /// vocabulary's count words (list_cues.txt, count-word), which are not list cues.
    func testCountWordsOfMessagesFromTheVocabulary() {
        XCTAssertEqual(TaskListExtractor.word(0), "zero")
        XCTAssertEqual(TaskListExtractor.word(1), "one")
        XCTAssertEqual(TaskListExtractor.word(13), "thirteen")
        XCTAssertEqual(TaskListExtractor.word(21), "21")
        XCTAssertNil(v.numbers["one"], "'one' does not announce a list")
    }

    func testCaptionsFromTheVocabularysMarkers() {
        XCTAssertTrue(ArticleStructure.isCaption("The ambassador speaks at the reception in Hanoi. (Photo: VNA)"))
        XCTAssertTrue(ArticleStructure.isCaption("Photo: delegates at the opening session"))
        XCTAssertTrue(ArticleStructure.isCaption("Đại sứ phát biểu tại buổi lễ. Ảnh: TTXVN"))
        XCTAssertTrue(ArticleStructure.isCaption("Delegates leave the hall after the vote, photo by Reuters"))
        XCTAssertFalse(ArticleStructure.isCaption("He said the anh trai (anh ấy) came to the photo exhibition on Monday."))
        XCTAssertFalse(ArticleStructure.isCaption("The minister praised the photographers who covered the congress."))
        XCTAssertEqual(ArticleStructure.stripCaptionCredit("The ambassador speaks at the reception. (PHOTO: VNA)"),
                       "The ambassador speaks at the reception.")
        XCTAssertEqual(ArticleStructure.stripCaptionCredit("Đại sứ phát biểu. Ảnh: TTXVN"), "Đại sứ phát biểu.")
    }

    func testTheWireEndMarkLeavesOneStop() {
        var w: [String] = []
        let st = ArticleStructure(article: Article(file: "t.txt", title: "T", paragraphs: [
            "The talks went well for the people./.", "A second paragraph ends with the mark alone/.",
        ]), warnings: &w)
        XCTAssertEqual(st.body, ["The talks went well for the people.", "A second paragraph ends with the mark alone."])
    }

    func testCountedAnnouncementWithContinuationAndFinally() {
        let l = lists([
            "The minister proposed four key priorities, including cutting tariffs; and opening new consulates.",
            "She also called for training young diplomats; and updating the visa rules.",
            "Finally, she stressed the need to protect citizens abroad.",
        ])
        XCTAssertEqual(l.count, 1)
        XCTAssertEqual(l[0].statedCount, 4)
        XCTAssertEqual(l[0].items.count, 5)
    }

    func testDashSeriesAndSecondOrdinalList() {
        let l = lists([
            "The plan names two goals – stable growth; and open trade.",
            "First, the state will cut tariffs.",
            "Second, it will open markets.",
            "Experts then reviewed the plan.",
            "First, they praised the speed.",
            "Second, they questioned the cost.",
            "Third, they asked for audits.",
        ])
        XCTAssertEqual(l.map(\.items.count), [2, 2, 3])
        XCTAssertEqual(l[0].statedCount, 2)
        XCTAssertNil(l[1].statedCount)
    }

    func testNotAList() {
        XCTAssertTrue(lists(["The two sides met twice, the ministry said.", "Finally, the talks ended."]).isEmpty)
    }

    func testVietnameseOrdinals() {
        let l = lists(["Thứ nhất, tăng cường hợp tác.", "Thứ hai, mở rộng thị trường.", "Thứ ba, đào tạo cán bộ."])
        XCTAssertEqual(l.first?.items.count, 3)
    }
}

final class StanceTests: XCTestCase {
    let c = StanceClassifier(v: Vocabulary.shared)

    func testLexicon() {
        XCTAssertEqual(c.classify(["The ambassador congratulated the country on the election."]), .congratulatory)
        XCTAssertEqual(c.classify(["She praised the reforms and welcomed the new strategy."]), .positive)
        XCTAssertEqual(c.classify(["He criticised the decision and voiced concern over the delays."]), .critical)
        XCTAssertEqual(c.classify(["The key challenge is to keep a balanced approach."]), .neutral)
        XCTAssertEqual(c.classify(["The delegation arrived on Monday."]), .neutral)
        XCTAssertEqual(c.classify(["Đại sứ chúc mừng thành công của đại hội."]), .congratulatory)
        XCTAssertEqual(c.classify(["Bà đánh giá cao vai trò của Lào."]), .positive)
    }
}

final class EdgeInputTests: XCTestCase {
    func testEmptyNoSentenceHugeAndMixed() throws {
        let huge = String(repeating: "The envoy said the talks went well and praised the hosts. ", count: 90_000)  // ~5 MB
        XCTAssertGreaterThan(huge.utf8.count, 5_000_000)
        let corpus = Corpus(articles: [
            Article(file: "empty.txt", title: "", paragraphs: []),
            Article(file: "nosentence.txt", title: "x", paragraphs: ["— — —", "***"]),
            Article(file: "huge.txt", title: "Huge", paragraphs: [huge]),
            Article(file: "mixed.txt", title: "Mixed", paragraphs: ["Swiss Ambassador Anna Keller congratulated Laos. Đại sứ Nhật Bản Kenji Sato chúc mừng Lào."]),
        ])
        let d = DigestBuilder().build(corpus, generator: "test")
        XCTAssertEqual(d.articles.count, 4)
        XCTAssertTrue(d.warnings.contains { $0.contains("empty.txt") })
        XCTAssertTrue(d.warnings.contains { $0.contains("nosentence.txt") })
        XCTAssertTrue(d.warnings.contains { $0.contains("huge.txt") })
        // The 5 MB article is cut (the warning above), so no step sees more than the cap.
        let hugeDigest = try XCTUnwrap(d.articles.first { $0.file == "huge.txt" })
        XCTAssertLessThanOrEqual(hugeDigest.paragraphs.reduce(0) { $0 + $1.utf8.count }, 400_000)
        let mixed = try XCTUnwrap(d.articles.last)
        XCTAssertEqual(Set(mixed.reactions.compactMap(\.speaker)), ["Anna Keller", "Kenji Sato"])
        XCTAssertNoThrow(try DigestJSON.encode(d))
    }

    func testJSONHasContractNulls() throws {
        let d = DigestBuilder().build(Corpus(articles: [Article(file: "a.txt", title: "A", paragraphs: ["Nothing to see here today."])]), generator: "g")
        let obj = try JSONSerialization.jsonObject(with: DigestJSON.encode(d)) as? [String: Any]
        let article = try XCTUnwrap((obj?["articles"] as? [[String: Any]])?.first)
        XCTAssertTrue(article["date"] is NSNull)
        XCTAssertEqual(article["language"] as? String, "en")
        XCTAssertNotNil(article["task_lists"])
    }
}

final class CorpusScaleTests: XCTestCase {
    /// 200 articles, forty copies of each sample: an article's own analysis does not depend on
    /// how many others are read with it (speed is measured by `despatch bench`, not here).
    func testEachCopyIsAnalysedAsTheOriginal() throws {
        let base = try CorpusLoader().load(TestPaths.samples.path)
        let alone = DigestBuilder().build(base, generator: "t")
        var articles: [Article] = []
        for i in 0..<40 { for a in base.articles { var b = a; b.file = "\(i)_\(a.file)"; articles.append(b) } }
        let d = DigestBuilder().build(Corpus(articles: articles), generator: "t")
        XCTAssertEqual(d.articles.count, articles.count)
        for (k, digest) in d.articles.enumerated() {
            let original = alone.articles[k % base.articles.count]
            XCTAssertEqual(digest.reactions, original.reactions, digest.file)
            XCTAssertEqual(digest.taskLists, original.taskLists, digest.file)
            XCTAssertEqual(digest.summary, original.summary, digest.file)
        }
    }
}

final class SpeakerTests: XCTestCase {
    func reactions(_ paragraphs: [String]) -> [Reaction] {
        // A host country named often enough to be detected.
        let host = Article(file: "host.txt", title: "H", paragraphs: ["Kenya held talks. Kenya hosted the summit. Kenya and Kenyan officials met in Nairobi."])
        let corpus = Corpus(articles: [host, Article(file: "t.txt", title: "T", paragraphs: paragraphs)])
        return DigestBuilder().build(corpus, generator: "t").articles[1].reactions
    }

    func testObjectOfPrepositionIsNotTheSpeaker() {
        let r = reactions(["At a meeting with Swiss Ambassador Anna Keller, Kenyan Foreign Minister Otieno Mwangi said ties were strong."])
        XCTAssertTrue(r.isEmpty, "\(r.map(\.speaker))")
    }

    func testTwoClausesTwoSpeakers() {
        let r = reactions(["Ghanaian Ambassador Kofi Mensah praised the summit, while Egyptian envoy Amira Fathy noted that work remained."])
        XCTAssertEqual(Set(r.compactMap(\.speaker)), ["Kofi Mensah", "Amira Fathy"])
        XCTAssertEqual(Set(r.compactMap(\.countryOrOrg)), ["Ghana", "Egypt"])
    }

    func testRelativeClause() {
        let r = reactions(["The minister received Indian Ambassador Ravi Kumar, who congratulated Kenya on the summit."])
        XCTAssertEqual(r.first?.speaker, "Ravi Kumar")
        XCTAssertEqual(r.first?.stance, .congratulatory)
    }

    func testHostOfficialsAreNotReactions() {
        let r = reactions(["Kenyan Foreign Minister Otieno Mwangi said Kenya would host the next summit."])
        XCTAssertTrue(r.isEmpty)
    }
}
