import Foundation

/// Finds and caches the pattern dictionary for a language: $DESPATCH_HYPHEN_DIR, then
/// /usr/share/hyphen (Debian's hyphen-* packages). No dictionary: no hyphenation.
/// Vietnamese is never hyphenated (its syllables are words of their own).
enum HyphenatorLoader {
    nonisolated(unsafe) private static var loaded: [String: PatternHyphenator?] = [:]
    private static let lock = NSLock()

    static func shared(for language: String) -> Hyphenator? {
        let code = language.lowercased()
        guard code.hasPrefix("en") else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let cached = loaded[code] { return cached }
        var dirs: [String] = []
        if let env = ProcessInfo.processInfo.environment["DESPATCH_HYPHEN_DIR"], !env.isEmpty { dirs.append(env) }
        dirs.append("/usr/share/hyphen")
        let files = ["hyph_en_US.dic", "hyph_en_GB.dic", "hyph_en.dic"]
        var hyphenator: PatternHyphenator?
        search: for dir in dirs {
            for f in files where FileManager.default.fileExists(atPath: dir + "/" + f) {
                hyphenator = PatternHyphenator(dictionaryPath: dir + "/" + f)
                if hyphenator != nil { break search }
            }
        }
        loaded[code] = hyphenator
        return hyphenator
    }
}
