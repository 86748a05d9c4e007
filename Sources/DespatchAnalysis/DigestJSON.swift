import DespatchModel
import Foundation

/// The `despatch analyze --json` encoding of a `Digest`: pretty printed, UTF-8, NFC strings,
/// with the contract's optional fields written as `null` rather than left out.
public enum DigestJSON {
    static let nullable: [String: [String]] = [
        "article": ["date", "date_source", "source", "language", "url"],
        "reaction": ["speaker", "role", "country_or_org", "reporting_verb"],
        "task_list": ["stated_count"],
        "official": ["role"],
        "theme": ["evidence"],
    ]

    public static func encode(_ digest: Digest) throws -> Data {
        let encoder = JSONEncoder()
        let data = try encoder.encode(digest)
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return data }
        func fill(_ object: inout [String: Any], _ kind: String) {
            for k in nullable[kind] ?? [] where object[k] == nil { object[k] = NSNull() }
        }
        func fillAll(_ list: Any?, _ kind: String) -> [[String: Any]] {
            ((list as? [[String: Any]]) ?? []).map { var o = $0; fill(&o, kind); return o }
        }
        if var articles = root["articles"] as? [[String: Any]] {
            for i in articles.indices {
                fill(&articles[i], "article")
                articles[i]["reactions"] = fillAll(articles[i]["reactions"], "reaction")
                articles[i]["task_lists"] = fillAll(articles[i]["task_lists"], "task_list")
                articles[i]["officials"] = fillAll(articles[i]["officials"], "official")
            }
            root["articles"] = articles
        }
        root["themes"] = fillAll(root["themes"], "theme")
        let out = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        guard let text = String(data: out, encoding: .utf8) else { return out }
        return Data(text.precomposedStringWithCanonicalMapping.utf8)
    }
}
