import DespatchCore
import DespatchModel
import Foundation
import XCTest

final class ArticleReaderTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("despatch-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func read(_ url: URL) throws -> (Article, [String]) {
        var warnings: [String] = []
        let article = try ArticleReader().read(url, warnings: &warnings)
        return (article, warnings)
    }

    func testFrontMatterTextArticle() throws {
        let url = try write("a.txt", """
        ---
        title: "Minister meets envoys"
        date: 2026-01-28
        source: VNA
        language: en
        ---
        First paragraph of the body.

        Second paragraph.
        """)
        let (article, warnings) = try read(url)
        XCTAssertEqual(article.title, "Minister meets envoys")
        XCTAssertEqual(article.date?.iso, "2026-01-28")
        XCTAssertEqual(article.dateSource, .frontMatter)
        XCTAssertEqual(article.source, "VNA")
        XCTAssertEqual(article.language, "en")
        XCTAssertEqual(article.paragraphs, ["First paragraph of the body.", "Second paragraph."])
        XCTAssertEqual(article.file, "a.txt")
        XCTAssertTrue(warnings.isEmpty, "\(warnings)")
    }

    func testRawCollectedFormTakesTheLeadingDate() throws {
        let url = try write("raw.txt", " date 2026-02-07 HÀ NỘI — The minister spoke on Saturday.\n\nHe said more.\n")
        let (article, _) = try read(url)
        XCTAssertEqual(article.date?.iso, "2026-02-07")
        XCTAssertEqual(article.dateSource, .ingest)
        XCTAssertEqual(article.paragraphs.first, "HÀ NỘI — The minister spoke on Saturday.")
        XCTAssertTrue(article.titleIsDerived)
        XCTAssertFalse(article.title.contains("date 2026"))
    }

    func testOneParagraphPerLineWithHeadlineFirst() throws {
        let url = try write("b.txt", "Envoys praise new policy line\nThe first paragraph is here and it is long enough to be text.\nThe second one follows it directly.\n")
        let (article, _) = try read(url)
        XCTAssertEqual(article.title, "Envoys praise new policy line")
        XCTAssertFalse(article.titleIsDerived)
        XCTAssertEqual(article.paragraphs.count, 2)
    }

    func testCRLFLineEndsAreNormalised() throws {
        let url = try write("crlf.txt", "---\r\ntitle: CRLF story\r\n---\r\nLine one of the body.\r\n\r\nLine two.\r\n")
        let (article, _) = try read(url)
        XCTAssertEqual(article.title, "CRLF story")
        XCTAssertEqual(article.paragraphs, ["Line one of the body.", "Line two."])
        XCTAssertFalse(article.paragraphs.joined().contains("\r"))
    }

    func testTextIsNFCNormalised() throws {
        // "Lê" written with a combining circumflex (NFD) comes out precomposed.
        let url = try write("nfd.txt", "---\ntitle: T\n---\nLe\u{0302} Hoa\u{0300}i Trung spoke.\n")
        let (article, _) = try read(url)
        XCTAssertEqual(article.paragraphs.first, "Lê Hoài Trung spoke.")
        XCTAssertEqual(article.paragraphs.first?.unicodeScalars.count, "Lê Hoài Trung spoke.".unicodeScalars.count)
    }

    func testMarkdownHeadingBecomesTitleAndWrappedLinesJoin() throws {
        let url = try write("m.md", "# A markdown story\n\nThis paragraph is\nwrapped over **two** lines.\n\n- a list item\n- another one\n")
        let (article, _) = try read(url)
        XCTAssertEqual(article.title, "A markdown story")
        XCTAssertEqual(article.paragraphs, ["This paragraph is wrapped over two lines.", "- a list item", "- another one"])
    }

    func testHTMLKeepsParagraphsAndTitleDropsScriptsStylesNav() throws {
        let url = try write("p.html", """
        <html><head><title>Envoys &amp; ministers</title><style>p { color: red }</style>
        <script>var x = "<p>not text</p>";</script></head>
        <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
        <p>First &ldquo;quoted&rdquo; paragraph &#8211; with entities &#x1F600;.</p>
        <div>Second<br>line</div><!-- a comment --><p>Caf&eacute; talk</p></body></html>
        """)
        let (article, _) = try read(url)
        XCTAssertEqual(article.title, "Envoys & ministers")
        XCTAssertEqual(article.paragraphs.first, "First “quoted” paragraph – with entities 😀.")
        XCTAssertTrue(article.paragraphs.contains("Café talk"))
        let all = article.paragraphs.joined(separator: " ")
        XCTAssertFalse(all.contains("not text"))
        XCTAssertFalse(all.contains("color"))
        XCTAssertFalse(all.contains("Home"))
        XCTAssertFalse(all.contains("comment"))
    }

    func testInvalidUTF8IsAnErrorNamingTheFile() throws {
        let url = folder.appendingPathComponent("bad.txt")
        try Data([0x48, 0x69, 0x20, 0xC3, 0x28, 0x0A]).write(to: url)
        XCTAssertThrowsError(try read(url)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("bad.txt"), text)
            XCTAssertTrue(text.contains("not valid UTF-8"), text)
        }
    }

    func testUTF16WithBOMIsRead() throws {
        let url = folder.appendingPathComponent("u16.txt")
        var data = Data([0xFF, 0xFE])
        data.append("Tô Lâm met envoys.\n".data(using: .utf16LittleEndian)!)
        try data.write(to: url)
        let (article, _) = try read(url)
        XCTAssertEqual(article.paragraphs, ["Tô Lâm met envoys."])
    }

    func testBinaryFileIsRefused() throws {
        let url = folder.appendingPathComponent("img.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: url)
        XCTAssertThrowsError(try read(url)) { XCTAssertTrue(String(describing: $0).contains("binary")) }
    }

    func testImpossibleFrontMatterDateIsAWarningNotAFailure() throws {
        let url = try write("d.txt", "---\ntitle: T\ndate: 2026-02-30\nsource: [1, 2]\n---\nBody text.\n")
        let (article, warnings) = try read(url)
        XCTAssertNil(article.date)
        XCTAssertTrue(warnings.contains { $0.contains("2026-02-30") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("source") }, "\(warnings)")
    }

    func testCorpusSkipsUnknownExtensionsAndUnreadableFilesWithWarnings() throws {
        try write("good.txt", "---\ntitle: Good\n---\nSome text.\n")
        try write("notes.pdf", "%PDF-1.4")
        let bad = folder.appendingPathComponent("bad.md")
        try Data([0xFF, 0xFF, 0x41]).write(to: bad)
        let corpus = try CorpusLoader().load(folder.path)
        XCTAssertEqual(corpus.articles.map(\.file), ["good.txt"])
        XCTAssertTrue(corpus.warnings.contains { $0.contains("notes.pdf") && $0.contains("unsupported") }, "\(corpus.warnings)")
        XCTAssertTrue(corpus.warnings.contains { $0.contains("bad.md") }, "\(corpus.warnings)")
    }

    func testFolderWithoutReadableArticleIsAnError() throws {
        try write("x.csv", "a,b")
        XCTAssertThrowsError(try CorpusLoader().load(folder.path)) { error in
            guard case InputError.noReadableArticle(let path, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, folder.path)
        }
    }

    func testTheSamplesReadWithTheirFrontMatter() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let corpus = try CorpusLoader().load(samples.path)
        XCTAssertEqual(corpus.articles.count, 5)
        XCTAssertTrue(corpus.warnings.isEmpty, "\(corpus.warnings)")
        for article in corpus.articles {
            XCTAssertNotNil(article.source, article.file)
            XCTAssertFalse(article.titleIsDerived, article.file)
            XCTAssertFalse(article.paragraphs.first?.hasPrefix("date ") ?? true, article.file)
        }
    }

    func testCalendarDayArithmetic() {
        let day = CalendarDay(iso: "2026-01-28")!
        XCTAssertEqual(day.isoWeekday, 3)  // a Wednesday
        XCTAssertEqual(CalendarDay(daysSinceEpoch: day.daysSinceEpoch), day)
        XCTAssertNil(CalendarDay(iso: "2026-02-30"))
        XCTAssertEqual(CalendarDay(iso: "2024-02-29")?.adding(days: 1).iso, "2024-03-01")
    }
}
