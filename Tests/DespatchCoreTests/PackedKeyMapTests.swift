import DespatchCore
import XCTest

final class PackedKeyMapTests: XCTestCase {
    /// Every key inserted is found with its value after the table has grown many times,
    /// including 0 and the largest key; keys never inserted are not found.
    func testKeysSurviveGrowthAndAbsentKeysAreNotFound() {
        var map = PackedKeyMap()
        var keys: [UInt64] = [0, .max, 1 << 63]
        var state: UInt64 = 12345
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            keys.append(state & 0xFFFF_FFFF_FFFF)   // packed stems use 48 bits and more
        }
        var expected: [UInt64: Int] = [:]
        for key in keys where expected[key] == nil {
            let value = expected.count
            XCTAssertEqual(map.value(for: key, insertingIfAbsent: value), value)
            expected[key] = value
        }
        XCTAssertEqual(map.count, expected.count)
        for (key, value) in expected {
            XCTAssertEqual(map[key], value)
            // A second insertion gives back the first value.
            XCTAssertEqual(map.value(for: key, insertingIfAbsent: 99_999), value)
        }
        XCTAssertEqual(map.count, expected.count)
        var absent = 0
        for k in 0..<2000 {
            let key = UInt64(k) | 1 << 50
            if expected[key] == nil { XCTAssertNil(map[key]); absent += 1 }
        }
        XCTAssertGreaterThan(absent, 1900)
    }
}
