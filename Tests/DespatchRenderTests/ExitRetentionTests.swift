import DespatchLayout
@testable import DespatchRender
import XCTest

/// A process that renders many documents (the weekly briefs, this test process) frees each
/// render's pages as it goes: only a one-document command turns `ExitRetention` on.
final class ExitRetentionTests: XCTestCase {
    private final class Token {}

    func testALibraryRenderKeepsNothingPastItsEnd() throws {
        XCTAssertFalse(ExitRetention.shared.isEnabled, "retention is the command line's choice, off by default")
        weak var leftOver: DocumentRenderer?
        do {
            let renderer = try Synthetic.renderer()
            leftOver = renderer
            try renderer.renderPDF(digest: Synthetic.longArticle(paragraphs: 40), layout: Synthetic.layout([SectionSpec(type: .sources)]),
                                   labels: Synthetic.labels, request: Synthetic.request(), to: try Synthetic.temporaryPDF("retention"))
        }
        XCTAssertNil(leftOver, "the renderer and what it made are freed when the caller lets go")
    }

    func testEnabledItKeepsWhatItIsGiven() {
        let retention = ExitRetention()
        weak var kept: Token?
        do { let token = Token(); kept = token; retention.enable(environment: [:]); retention.keep(token) }
        XCTAssertNotNil(kept)
    }

    func testOffOrTurnedOffByTheEnvironmentItKeepsNothing() {
        for environment in [nil, ["DESPATCH_EXIT_RETENTION": "0"]] {
            let retention = ExitRetention()
            if let environment { retention.enable(environment: environment) }
            XCTAssertFalse(retention.isEnabled)
            weak var kept: Token?
            do { let token = Token(); kept = token; retention.keep(token) }
            XCTAssertNil(kept)
        }
    }
}
