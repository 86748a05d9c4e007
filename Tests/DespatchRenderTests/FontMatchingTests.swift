import CPangoCairo
@testable import DespatchRender
import XCTest

/// The faces whose fontconfig matching a digest starts before it paginates
/// (`DocumentRenderer.startFontMatching`): each style's own once, the emphasis of running
/// text, and for a second part of the document none of the front matter's.
final class FontMatchingTests: XCTestCase {
    func testTheFacesOfTheStyleSheet() throws {
        let styles = StyleSheet(layout: Synthetic.layout([]))
        let all = styles.faces(frontMatter: true).map(describe)
        let second = styles.faces(frontMatter: false).map(describe)
        XCTAssertEqual(Set(all).count, all.count, "a face twice")
        XCTAssertEqual(Set(second).count, second.count)
        for style in [styles.body, styles.coverTitle, styles.contentsEntry, styles.tableCell, styles.runningText, styles.section] {
            XCTAssertTrue(all.contains(describe(FontDescription(family: style.family, size: style.size, bold: style.bold, italic: style.italic))))
        }
        let body = styles.body
        XCTAssertTrue(all.contains(describe(FontDescription(family: body.family, size: body.size, bold: true))))
        XCTAssertTrue(second.contains(describe(FontDescription(family: body.family, size: body.size, italic: true))))
        let cover = describe(FontDescription(family: styles.coverTitle.family, size: styles.coverTitle.size, bold: styles.coverTitle.bold))
        XCTAssertTrue(all.contains(cover))
        XCTAssertFalse(second.contains(cover))
        XCTAssertTrue(Set(second).isSubset(of: Set(all)))
    }

    /// Starting the matching loads the fontsets the pagination then finds: the same font
    /// objects as a context that never started it.
    func testStartingTheMatchingChangesNoFont() throws {
        let fonts = try FontLibrary(directory: Repo.fonts)
        let started = try PangoEnvironment(fonts: fonts), fresh = try PangoEnvironment(fonts: fonts)
        let faces = StyleSheet(layout: Synthetic.layout([])).faces(frontMatter: true)
        started.startMatching(faces)
        for face in faces {
            let a = try XCTUnwrap(pango_context_load_font(started.context, face.pointer))
            let b = try XCTUnwrap(pango_context_load_font(fresh.context, face.pointer))
            defer { g_object_unref(a); g_object_unref(b) }
            XCTAssertEqual(describe(loaded: a), describe(loaded: b))
            XCTAssertEqual(FontExtents(font: a), FontExtents(font: b))
        }
    }

    private func describe(_ font: FontDescription) -> String { string(font.pointer) }

    private func describe(loaded font: UnsafeMutablePointer<PangoFont>) -> String {
        let description = pango_font_describe(font)!
        defer { pango_font_description_free(description) }
        return string(description)
    }

    private func string(_ description: OpaquePointer) -> String {
        let s = pango_font_description_to_string(description)!
        defer { g_free(s) }
        return String(cString: s)
    }
}
