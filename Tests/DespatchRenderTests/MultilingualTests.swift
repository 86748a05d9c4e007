import DespatchApp
import Foundation
import XCTest

/// Every script from Fonts/ alone: the system's fonts hidden behind an empty fontconfig.
final class MultilingualTests: XCTestCase {
    var folder = ""
    var emptyFontConfig = ""

    override func setUpWithError() throws {
        folder = try Repo.temporaryFolder("scripts")
        emptyFontConfig = folder + "/empty-fonts.conf"
        try """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig><cachedir>\(folder)/fc-cache</cachedir></fontconfig>
        """.write(toFile: emptyFontConfig, atomically: true, encoding: .utf8)
    }

    func despatch(_ args: [String]) throws -> PDFTools.Result {
        var env = ProcessInfo.processInfo.environment
        env["FONTCONFIG_FILE"] = emptyFontConfig
        return try PDFTools.run(Repo.executable, args, environment: env, currentDirectory: Repo.root)
    }

    func testEveryScriptRoundTripsWithNoSystemFonts() throws {
        let fixture = Repo.root + "/Tests/DespatchRenderTests/Fixtures/scripts.txt"
        let pdf = folder + "/scripts.pdf"
        let r = try despatch(["digest", "--input", fixture, "--output", pdf, "--strict"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("no glyph"), r.stderr)
        let text = PDFTools.flat(try PDFTools.text(pdf))
        for phrase in ["Đại sứ chúc mừng Đại hội", "Tổng Bí thư Tô Lâm đánh giá cao", "« une étape décisive »",
                       "Посол Беларуси Владимир Боровиков", "Ο πρέσβης χαιρέτισε τη συνεργασία",
                       "越共十四大将为越南发展注入新动力", "ベトナムの戦略的自律性を高く評価した", "☕ Afternoon briefing"] {
            XCTAssertTrue(text.contains(phrase), "lost: \(phrase)")
        }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Repo.fonts).filter { $0.hasSuffix(".ttf") }
        for font in try PDFTools.fonts(pdf) {
            let base = String(font.name.split(separator: "+").last ?? "")
            let family = String(base.split(separator: "-").first ?? "")
            XCTAssertTrue(shipped.contains { $0.hasPrefix(family) }, "\(font.name) is not from Fonts/")
        }
    }

    func testMissingGlyphIsAWarningNamingTheCodePointOrAnErrorWithStrict() throws {
        let input = folder + "/ethiopic.txt"
        try "---\ntitle: Greeting\n---\nThe envoy said ሰላም to the hosts.\n".write(toFile: input, atomically: true, encoding: .utf8)
        let loose = try despatch(["digest", "--input", input, "--output", folder + "/loose.pdf"])
        XCTAssertEqual(loose.status, 0, loose.stderr)
        XCTAssertTrue(loose.stderr.contains("U+1230") && loose.stderr.contains("The envoy said"), loose.stderr)
        let strict = try despatch(["digest", "--input", input, "--output", folder + "/strict.pdf", "--strict"])
        XCTAssertEqual(strict.status, ExitStatus.render.rawValue, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("U+1230"), strict.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/strict.pdf"))
    }
}
