/// Arrays of one repeated value, for the per-sentence tables of the analysis.
///
/// `Array(repeating:count:)` is not specialised for its element type: each call looks the
/// array's storage class up in the runtime's generic-metadata cache (some 300 instructions,
/// under a lock), more than the allocation itself. Copying a slice of a filled template is
/// specialised and does not look anything up: about 340 instructions less per array, and a
/// sentence reading makes two.
public enum FilledArray {
    @usableFromInline static let templateCount = 512
    @usableFromInline static let falses = [Bool](repeating: false, count: templateCount)
    @usableFromInline static let minusOnes = [Int32](repeating: -1, count: templateCount)
    @usableFromInline static let zeroBytes = [UInt8](repeating: 0, count: templateCount)

    /// `count` times `false`.
    @inlinable
    public static func falses(_ count: Int) -> [Bool] {
        count <= templateCount ? Array(falses[0..<count]) : Array(repeating: false, count: count)
    }

    /// `count` times -1.
    @inlinable
    public static func minusOnes(_ count: Int) -> [Int32] {
        count <= templateCount ? Array(minusOnes[0..<count]) : Array(repeating: -1, count: count)
    }

    /// `count` zero bytes.
    @inlinable
    public static func zeroBytes(_ count: Int) -> [UInt8] {
        count <= templateCount ? Array(zeroBytes[0..<count]) : Array(repeating: 0, count: count)
    }
}
