import Foundation

/// Turns file bytes into text, refusing what is not text.
///
/// Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM; rejects invalid UTF-8 and
/// binary data so that a stray image or archive in the input folder is named, not printed.
public enum TextDecoder {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notUTF8(byteOffset: Int)
        case binary
        case badUTF16

        public var description: String {
            switch self {
            case .notUTF8(let offset): return "not valid UTF-8 (first bad byte at offset \(offset))"
            case .binary: return "looks like a binary file (NUL bytes), not text"
            case .badUTF16: return "has a UTF-16 byte-order mark but is not valid UTF-16"
            }
        }
    }

    public static func decode(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let body = bytes.dropFirst(2)
            guard body.count % 2 == 0 else { throw Failure.badUTF16 }
            var units = [UInt16]()
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i < body.endIndex {
                let a = UInt16(body[i]), b = UInt16(body[i + 1])
                units.append(little ? (b << 8 | a) : (a << 8 | b))
                i += 2
            }
            var text = ""
            var iterator = units.makeIterator()
            var codec = UTF16()
            loop: while true {
                switch codec.decode(&iterator) {
                case .scalarValue(let s): text.unicodeScalars.append(s)
                case .emptyInput: break loop
                case .error: throw Failure.badUTF16
                }
            }
            return text
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let slice = bytes[start...]
        if slice.prefix(8192).contains(0) { throw Failure.binary }
        if let offset = firstInvalidUTF8Offset(slice) { throw Failure.notUTF8(byteOffset: offset + start) }
        return String(decoding: slice, as: UTF8.self)
    }

    /// Offset of the first byte that breaks UTF-8, or nil when the whole slice is valid.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        var offset = 0
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let s):
                offset += UTF8.width(s)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
