/// Finds the hyphenation dictionary for a language. (Filled in by the hyphenation work.)
enum HyphenatorLoader {
    static func shared(for language: String) -> Hyphenator? { nil }
}
