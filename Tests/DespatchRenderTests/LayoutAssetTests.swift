import DespatchApp
import Foundation
import XCTest

/// Layout images: drawn when inside the layout's folder, refused when they lead outside.
final class LayoutAssetTests: XCTestCase {
    func testLogoIsDrawnAndEscapesAreRefused() throws {
        let folder = try Repo.temporaryFolder("logo")
        try FileManager.default.createDirectory(atPath: folder + "/brand", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root + "/Tests/DespatchRenderTests/Fixtures/logo.png", toPath: folder + "/brand/logo.png")
        try "extends: executive\nlogo: logo.png\nsections: [cover]\n".write(toFile: folder + "/brand/ok.yaml", atomically: true, encoding: .utf8)
        try "extends: executive\nlogo: ../../../../etc/hostname\nsections: [cover]\n".write(toFile: folder + "/brand/escape.yaml", atomically: true, encoding: .utf8)
        let ok = try PDFTools.run(Repo.executable, ["digest", "--layout", folder + "/brand/ok.yaml", "--output", folder + "/ok.pdf"], currentDirectory: Repo.root)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let images = try PDFTools.run("pdfimages", ["-list", folder + "/ok.pdf"])
        XCTAssertEqual(images.stdout.split(separator: "\n").count - 2, 1, images.stdout)
        let bad = try PDFTools.run(Repo.executable, ["digest", "--layout", folder + "/brand/escape.yaml", "--output", folder + "/bad.pdf"], currentDirectory: Repo.root)
        XCTAssertEqual(bad.status, ExitStatus.layout.rawValue, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("escape.yaml") && bad.stderr.contains("outside"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/bad.pdf"))
    }
}
