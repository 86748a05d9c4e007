import DespatchLayout
@testable import DespatchRender
import XCTest

/// A process that renders many documents (the weekly briefs, this test process) frees each
/// render's pages as it goes: only a one-document command turns `ExitRetention` on.
final class ExitRetentionTests: XCTestCase {
    func testALibraryRenderKeepsNothingPastItsEnd() throws {
        XCTAssertFalse(ExitRetention.isEnabled, "retention is the command line's choice, off by default")
        let before = ExitRetention.keptCount
        weak var leftOver: DocumentRenderer?
        do {
            let renderer = try Synthetic.renderer()
            leftOver = renderer
            try renderer.renderPDF(digest: Synthetic.longArticle(paragraphs: 40), layout: Synthetic.layout([SectionSpec(type: .sources)]),
                                   labels: Synthetic.labels, request: Synthetic.request(), to: try Synthetic.temporaryPDF("retention"))
        }
        XCTAssertEqual(ExitRetention.keptCount, before)
        XCTAssertNil(leftOver, "the renderer and what it made are freed when the caller lets go")
    }
}
