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
        // (Compared as bytes: `==` on strings is canonical equivalence, under which text and
        // its composition are equal, and the composition was never written.)
        guard let text = String(data: data, encoding: .utf8) else { return data }
        let composed = TextNormalizer.composedNFC(text)
        return composed.utf8.elementsEqual(text.utf8) ? data : Data(composed.utf8)
    }
}
