import DespatchLayout
@testable import DespatchRender
import Foundation
import XCTest

/// The paragraph shaper's vertical metrics for a style (`RenderContext.computedCalibration`)
/// are computed from the font instead of measured on two PangoLayouts; they must be the
/// layouts' to the Pango unit, for every style of every shipped layout, or lines would move.
final class CalibrationTests: XCTestCase {
    func testComputedCalibrationsAreThoseOfPangoLayouts() throws {
        let renderer = try Synthetic.renderer()
        let loader = LayoutLoader(searchDirectories: [Repo.root + "/Layouts"])
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.root + "/Layouts").filter { $0.hasSuffix(".yaml") }
        XCTAssertFalse(names.isEmpty)
        var compared = 0, expected = 0
        for name in names.sorted() {
            let layout = try loader.load(String(name.dropLast(5)))
            let s = StyleSheet(layout: layout)
            expected += s.textStyles.count * 3
            for style in s.textStyles {
                for variant in [style, style.with { $0.bold.toggle() }, style.with { $0.italic = true }] {
                    let context = RenderContext(pango: renderer.pango, hyphenator: nil)
                    let plain = variant.with { $0.alignment = .left; $0.hangingIndent = 0 }
                    let computed = try XCTUnwrap(context.computedCalibration(plain), "\(name): \(plain.family)")
                    let measured = context.layoutCalibration(plain)
                    XCTAssertEqual(computed.count, 4)
                    XCTAssertEqual(measured.count, 4)
                    for (c, m) in zip(computed, measured) {
                        XCTAssertEqual([c.top, c.bottom, c.baseline], [m.top, m.bottom, m.baseline],
                                       "\(name): \(plain.family) \(plain.size) bold \(plain.bold) italic \(plain.italic) spacing \(plain.lineSpacing)")
                    }
                    compared += 1
                }
            }
        }
        XCTAssertEqual(compared, expected)
    }

    /// A font without an "X" (the Arabic face) is left to the layouts.
    func testAFontWithoutTheLetterIsLeftToTheLayouts() throws {
        let context = RenderContext(pango: try Synthetic.renderer().pango, hyphenator: nil)
        XCTAssertNil(context.computedCalibration(TextStyle(family: "Noto Sans Arabic", size: 10)))
    }
}
