/// A problem with a layout description: where it is (file, line, column), what was
/// expected, and the closest valid name when a name was misspelt.
public struct LayoutError: Error, CustomStringConvertible, Equatable, Sendable {
    public var path: String
    /// 1-based; 0 when the problem has no position (a missing file).
    public var line: Int
    public var column: Int
    public var message: String
    public var suggestion: String?

    public init(path: String, line: Int = 0, column: Int = 0, message: String, suggestion: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// One line: `path:line:column: message (did you mean 'x'?)`.
    public var description: String {
        let position = line > 0 ? "\(path):\(line):\(column)" : path
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        return "\(position): \(message)\(hint)"
    }
}

/// The closest of `candidates` to `word` by edit distance, if it is close enough to be a typo.
public func closestName(to word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
        let c = Array(candidate.lowercased())
        var previous = Array(0...c.count)
        for i in 1...max(1, w.count) where !w.isEmpty {
            var current = [i] + Array(repeating: 0, count: c.count)
            for j in 1...max(1, c.count) where !c.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (w[i - 1] == c[j - 1] ? 0 : 1))
            }
            previous = current
        }
        let distance = w.isEmpty ? c.count : previous[c.count]
        if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    guard let (name, distance) = best, distance <= max(2, word.count / 3) else { return nil }
    return name
}
