import DespatchLayout
import DespatchModel
import Foundation
import XCTest

final class LayoutParserTests: XCTestCase {
    let repoLayouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Layouts").path
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "despatch-layouts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name + ".yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func loadError(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> LayoutError {
        let path = try write("bad", text)
        do {
            _ = try LayoutLoader(searchDirectories: [folder, repoLayouts]).load(path)
        } catch let error as LayoutError {
            return error
        }
        XCTFail("no error", file: file, line: line)
        return LayoutError(path: "", message: "")
    }

    func testEveryShippedLayoutLoads() throws {
        let loader = LayoutLoader(searchDirectories: [repoLayouts])
        let names = loader.listLayouts().map(\.name)
        for expected in ["default", "executive", "ambassador-desk", "vi-briefing", "newsletter"] {
            XCTAssertTrue(names.contains(expected), "missing \(expected)")
        }
        for name in names {
            let layout = try loader.load(name)
            XCTAssertFalse(layout.sections.isEmpty, name)
            XCTAssertFalse(layout.description.isEmpty, name)
        }
        XCTAssertEqual(try loader.load("executive").maxPages, 1)
        XCTAssertEqual(try loader.load("ambassador-desk").page.widthMM, 215.9)
        XCTAssertEqual(try loader.load("ambassador-desk").sections.first(where: { $0.type != .cover && $0.type != .contents })?.type, .reactions)
        XCTAssertEqual(try loader.load("newsletter").page.columns, 2)
        XCTAssertEqual(try loader.load("vi-briefing").language.code, "vi")
        XCTAssertFalse(try loader.load("vi-briefing").language.hyphenate)
    }

    func testMisspeltKeyPointsAtItsLineAndColumnWithASuggestion() throws {
        let e = try loadError("description: x\nsectons:\n  - cover\n")
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 1)
        XCTAssertEqual(e.suggestion, "sections")
        XCTAssertTrue(e.description.hasSuffix("(did you mean 'sections'?)"))
        XCTAssertTrue(e.description.contains("bad.yaml:2:1:"))
    }

    func testUnknownSectionTypeSuggestsTheClosest() throws {
        let e = try loadError("sections:\n  - cover\n  - type: reactons\n")
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.column, 11)
        XCTAssertEqual(e.suggestion, "reactions")
    }

    func testOutOfRangeAndWrongTypes() throws {
        let range = try loadError("sections: [cover]\npage:\n  columns: 5\n")
        XCTAssertEqual(range.line, 3)
        XCTAssertTrue(range.message.contains("between 1 and 3"), range.message)
        let type = try loadError("sections: [cover]\npage:\n  columns: \"two\"\n")
        XCTAssertTrue(type.message.contains("whole number"), type.message)
        let color = try loadError("sections: [cover]\ncolors:\n  accent: crimson\n")
        XCTAssertTrue(color.message.contains("#8b1e2d"), color.message)
        let bool = try loadError("sections:\n  - type: articles\n    full_text: sometimes\n")
        XCTAssertTrue(bool.message.contains("true or false"), bool.message)
    }


    /// Scalars are typed by the key that reads them (the YAML is composed without Yams'
    /// regular-expression resolver): YAML's unquoted booleans in any of their spellings, a
    /// quoted one as text, numbers as YAML writes them, and language codes checked whole.
    func testScalarsAreTypedByTheirKey() throws {
        let load = { (yaml: String) in try LayoutLoader(searchDirectories: [self.folder, self.repoLayouts]).load(try self.write("typed", yaml)) }
        for (spelling, value) in [("yes", true), ("On", true), ("TRUE", true), ("no", false), ("Off", false), ("false", false)] {
            XCTAssertEqual(try load("extends: default\nlanguage:\n  hyphenation: \(spelling)\n").language.hyphenate, value, spelling)
        }
        let quoted = try loadError("extends: default\nlanguage:\n  hyphenation: \"true\"\n")
        XCTAssertEqual(quoted.line, 3)
        XCTAssertTrue(quoted.message.contains("true or false"), quoted.message)
        XCTAssertTrue(try loadError("extends: default\nlanguage:\n  hyphenation: 1\n").message.contains("true or false"))
        XCTAssertEqual(try load("extends: default\npage:\n  columns: 0x2\n").page.columns, 2)
        XCTAssertEqual(try load("extends: default\nfonts:\n  size: 1.05e1\n").fonts.size, 10.5)
        XCTAssertEqual(try load("extends: default\nlanguage:\n  code: PT-br\n").language.code, "pt-br")
        for bad in ["e", "en-", "en-us-x", "\"en\\n\"", "e1"] {
            let e = try loadError("extends: default\nlanguage:\n  code: \(bad)\n")
            XCTAssertTrue(e.message.contains("must be a language code"), "\(bad): \(e.message)")
        }
    }
    func testMalformedYAMLHasAPosition() throws {
        let e = try loadError("sections: [cover\npage: {size: A4\n")
        XCTAssertGreaterThan(e.line, 0)
        XCTAssertTrue(e.message.contains("YAML"), e.message)
    }

    func testExtendsMergesKeyByKeyAndReplacesSections() throws {
        _ = try write("parent", "description: parent\npage:\n  size: A5\n  margins: 10\nfonts:\n  size: 11\nsections: [cover, contents, reactions]\n")
        let child = try write("child", "extends: parent\npage:\n  margins: {left: 30}\nsections: [reactions]\n")
        let layout = try LayoutLoader(searchDirectories: [folder]).load(child)
        XCTAssertEqual(layout.page.widthMM, 148)      // from the parent
        XCTAssertEqual(layout.page.margins.top, 10)   // from the parent
        XCTAssertEqual(layout.page.margins.left, 30)  // overridden
        XCTAssertEqual(layout.fonts.size, 11)
        XCTAssertEqual(layout.sections.map(\.type), [.reactions])
        XCTAssertEqual(layout.description, "parent")
        XCTAssertEqual(layout.name, "child")
    }

    func testExtendsCycleIsAnError() throws {
        _ = try write("a", "extends: b\nsections: [cover]\n")
        _ = try write("b", "extends: a\nsections: [cover]\n")
        XCTAssertThrowsError(try LayoutLoader(searchDirectories: [folder]).load("a")) { error in
            XCTAssertTrue(String(describing: error).contains("cycle: a -> b -> a"), "\(error)")
        }
    }

    func testMissingLayoutNamesTheFoldersAndSuggests() {
        XCTAssertThrowsError(try LayoutLoader(searchDirectories: [repoLayouts]).load("defualt")) { error in
            let e = error as? LayoutError
            XCTAssertEqual(e?.suggestion, "default")
            XCTAssertTrue(e?.message.contains(repoLayouts) ?? false)
        }
    }

    func testLandscapeOrientationSwapsTheSides() throws {
        let path = try write("wide", "page:\n  size: A4\n  orientation: landscape\nsections: [cover]\n")
        let layout = try LayoutLoader(searchDirectories: [folder]).load(path)
        XCTAssertEqual(layout.page.widthMM, 297)
        XCTAssertEqual(layout.page.heightMM, 210)
    }
}
