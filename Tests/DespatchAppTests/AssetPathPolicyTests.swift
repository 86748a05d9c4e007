import DespatchApp
import Foundation
import XCTest

final class AssetPathPolicyTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "despatch-assets-\(UUID().uuidString)"
        for dir in ["Layouts/brand", "elsewhere"] {
            try FileManager.default.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        for file in ["Layouts/brand/logo.png", "Layouts/shared.png", "elsewhere/secret.png"] {
            FileManager.default.createFile(atPath: root + "/" + file, contents: Data([1]))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/Layouts/brand/link.png", withDestinationPath: root + "/elsewhere/secret.png")
    }

    func policy(allowed: [String] = []) -> AssetPathPolicy {
        AssetPathPolicy(layoutFolder: root + "/Layouts/brand", layoutDirectories: [root + "/Layouts"], allowed: allowed)
    }

    func testFilesInTheLayoutFolderAndLayoutsAreAllowed() throws {
        XCTAssertTrue(try policy().resolve("logo.png", relativeTo: root + "/Layouts/brand").hasSuffix("/Layouts/brand/logo.png"))
        XCTAssertTrue(try policy().resolve("../shared.png", relativeTo: root + "/Layouts/brand").hasSuffix("/Layouts/shared.png"))
    }

    func testEscapesAbsolutePathsAndSymlinksAreRefused() {
        XCTAssertThrowsError(try policy().resolve("../../elsewhere/secret.png", relativeTo: root + "/Layouts/brand")) {
            XCTAssertEqual($0 as? AssetPathPolicy.Violation, .outside("../../elsewhere/secret.png"))
        }
        XCTAssertThrowsError(try policy().resolve(root + "/elsewhere/secret.png", relativeTo: root + "/Layouts/brand")) {
            XCTAssertEqual($0 as? AssetPathPolicy.Violation, .absolute(root + "/elsewhere/secret.png"))
        }
        XCTAssertThrowsError(try policy().resolve("link.png", relativeTo: root + "/Layouts/brand")) {
            XCTAssertEqual($0 as? AssetPathPolicy.Violation, .outside("link.png"))
        }
    }

    func testAllowPathOpensAFolder() throws {
        let p = policy(allowed: [root + "/elsewhere"])
        XCTAssertNoThrow(try p.resolve(root + "/elsewhere/secret.png", relativeTo: root + "/Layouts/brand"))
        XCTAssertNoThrow(try p.resolve("link.png", relativeTo: root + "/Layouts/brand"))
    }
}
