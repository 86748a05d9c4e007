import DespatchCore
import DespatchModel
import Foundation

/// The `despatch analyze --json` encoding of a `Digest`: pretty printed with sorted keys,
/// UTF-8, NFC strings, with the contract's optional fields written as `null` rather than left
/// out (see `Digest+ContractEncoding.swift` in the model).
public enum DigestJSON {
    public static func encode(_ digest: Digest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(digest)
        // The analysis's text is NFC already; compose only if something slipped through.
        // (Not by comparing the two with `==`, which is canonical equivalence: under it text
        // and its composition are equal, and the composition was never written.)
        guard let text = String(data: data, encoding: .utf8) else { return data }
        return TextNormalizer.changedByNFC(text).map { Data($0.utf8) } ?? data
    }
}
