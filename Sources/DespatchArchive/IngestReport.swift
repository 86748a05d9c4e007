/// What one ingest did, counted, with a line per file that was skipped or duplicated.
///
/// Why counted by kind: "ingested the folder again, nothing changed" must be visible
/// (0 added, 0 revised, N unchanged) to trust that re-runs are harmless.
public struct IngestReport: Sendable, Equatable {
    public var added = 0
    public var revised = 0
    public var unchanged = 0
    public var duplicates = 0
    public var skipped = 0
    public var warnings: [String] = []

    public init() {}

    public var total: Int { added + revised + unchanged + duplicates + skipped }

    public var summary: String {
        "\(added) new, \(revised) revised, \(unchanged) unchanged, \(duplicates) duplicate(s), \(skipped) skipped"
    }
}
