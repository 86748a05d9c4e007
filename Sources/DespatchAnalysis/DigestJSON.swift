import DespatchModel
import Foundation

/// The `despatch analyze --json` encoding of a `Digest`: pretty printed, UTF-8, NFC strings.
public enum DigestJSON {
    public static func encode(_ digest: Digest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(digest)
        guard let text = String(data: data, encoding: .utf8) else { return data }
        return Data(text.precomposedStringWithCanonicalMapping.utf8)
    }
}
