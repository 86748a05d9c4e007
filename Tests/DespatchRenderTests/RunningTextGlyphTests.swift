import DespatchLayout
@testable import DespatchRender
import Foundation
import XCTest

/// A character no font has in the running header (shaped while the pages are painted) is
/// reported like one in the body, and with `strict` the render fails and leaves no PDF.
final class RunningTextGlyphTests: XCTestCase {
    func layout() -> LayoutDescription {
        var layout = Synthetic.layout([SectionSpec(type: .reactions)])
        layout.header = RunningText(left: "Briefing ሰላም")
        return layout
    }

    func testAMissingGlyphInTheHeaderIsReported() throws {
        let pdf = try Synthetic.temporaryPDF("header-glyph")
        let report = try Synthetic.renderer().renderPDF(digest: Synthetic.reactions(3), layout: layout(),
                                                         labels: Synthetic.labels, request: Synthetic.request(), to: pdf)
        XCTAssertTrue(report.missingGlyphs.contains { $0.scalar.value == 0x1230 }, "\(report.missingGlyphs)")
    }

    func testStrictFailsOnAMissingGlyphInTheHeaderAndWritesNothing() throws {
        let pdf = try Synthetic.temporaryPDF("header-glyph-strict")
        var request = Synthetic.request()
        request.strict = true
        XCTAssertThrowsError(try Synthetic.renderer().renderPDF(digest: Synthetic.reactions(3), layout: layout(),
                                                                 labels: Synthetic.labels, request: request, to: pdf)) { error in
            guard case RenderError.missingGlyphs(let glyphs) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(glyphs.contains { $0.scalar.value == 0x1230 })
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf))
    }
}
