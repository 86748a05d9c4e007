import CFontconfig
@testable import DespatchRender
import Foundation
import XCTest

/// The first font library of a process becomes fontconfig's current configuration, so that
/// the `FcInit` Pango runs with its first font map does not load the system's configuration
/// and font caches (and the font map does not wait for it). The current configuration then
/// holds the fonts of Fonts/ and nothing else: the system's fonts stay out of every
/// configuration Despatch uses.
final class FontLibraryTests: XCTestCase {
    func testTheCurrentConfigurationHoldsOnlyTheFontsFolder() throws {
        let renderer = try Synthetic.renderer()
        XCTAssertFalse(renderer.pango.fonts.families.isEmpty)
        let folder = URL(fileURLWithPath: Repo.fonts).standardizedFileURL.resolvingSymlinksInPath().path
        let current = try XCTUnwrap(FcConfigGetCurrent())
        let set = try XCTUnwrap(FcConfigGetFonts(current, FcSetSystem))
        XCTAssertGreaterThan(set.pointee.nfont, 5, "the current configuration should hold the fonts of Fonts/")
        for i in 0..<Int(set.pointee.nfont) {
            var file: UnsafeMutablePointer<FcChar8>?
            XCTAssertEqual(FcPatternGetString(set.pointee.fonts[i], FC_FILE, 0, &file), FcResultMatch)
            let path = URL(fileURLWithPath: String(cString: try XCTUnwrap(file))).resolvingSymlinksInPath().path
            XCTAssertTrue(path.hasPrefix(folder + "/"), "\(path) is not in \(folder)")
        }
    }
}
