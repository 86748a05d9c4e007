import DespatchCore
import DespatchModel
import Foundation

/// Matches folded word sequences (phrases) in folded token arrays, in one pass per text.
/// A phrase whose last word ends with "*" matches any word starting with that stem.
public struct PhraseMatcher<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var words: [String]
        var prefixLast: Bool
        var payload: Payload
        var phrase: String
        /// The words' ids in the vocabulary's `Lexicon` (the stem of a `prefixLast` entry has none).
        var ids: [Int32] = []
    }
    /// The tables, in one object shared by copies until one of them changes (copy on write):
    /// a matcher is copied wherever it is used, and a copy of five tables retained each.
    /// Changed only through `unique()`, on a matcher's own copy, while the vocabulary is built.
    final class Storage: @unchecked Sendable {
        var byFirst = WordMap<[Entry]>()
        /// The entries of `byFirst` by the lexicon id of their first word, once `index` has run:
        /// a sentence's words are looked up once in the lexicon, and every matcher then finds its
        /// entries by array index instead of hashing every word again.
        var byFirstID: [[Entry]] = []
        /// Which lexicon ids start an entry, one bit each: a sentence's words are tested here
        /// first, in a table that stays in the cache, and most have no entry (the lexicon holds
        /// every matcher's words and the stopwords; fetching each one's empty list from a table
        /// of the lexicon's size missed the cache).
        var firstIDBits: [UInt64] = []
        var indexed = false

        /// Whether an entry starts with the word whose lexicon id is `id` (once indexed).
        @inline(__always)
        func startsEntry(id: Int) -> Bool {
            id >= 0 && id < byFirstID.count && firstIDBits[id >> 6] & (1 << UInt64(id & 63)) != 0
        }
        /// Whether any one-word stem was added (most matchers have none).
        var hasStems = false
        /// One-word stems ("congratulat*") by their first byte, in the order added: a word is
        /// compared only with the stems that can start it, and the first that does still wins.
        var byFirstPrefix: [[(String, Entry)]] = Array(repeating: [], count: 256)

        init() {}

        func copy() -> Storage {
            let c = Storage()
            c.byFirst = byFirst
            c.byFirstID = byFirstID
            c.firstIDBits = firstIDBits
            c.indexed = indexed
            c.hasStems = hasStems
            c.byFirstPrefix = byFirstPrefix
            return c
        }
    }
    private var storage = Storage()

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public init() {}

    public mutating func add(_ phrase: String, _ payload: Payload) {
        var p = phrase.trimmingSpaces()
        var prefix = false
        if p.hasSuffix("*") { prefix = true; p.removeLast() }
        let words = Tokenizer.foldedWords(p)
        guard !words.isEmpty else { return }
        unique()
        storage.indexed = false  // an entry added after `index` is not in the id tables
        let e = Entry(words: words, prefixLast: prefix, payload: payload, phrase: phrase)
        if prefix && words.count == 1, let head = words[0].utf8.first {
            storage.byFirstPrefix[Int(head)].append((words[0], e))
            storage.hasStems = true
        } else {
            storage.byFirst[words[0], default: []].append(e)
        }
    }

    public struct Match: Sendable {
        public var start: Int
        public var end: Int  // exclusive
        public var payload: Payload
        public var phrase: String
    }

    /// Gives every word of the entries an id in `lexicon` (first step of indexing).
    func register(in lexicon: inout Lexicon) {
        storage.byFirst.forEach { _, entries in
            for e in entries { for (k, w) in e.words.enumerated() where !(e.prefixLast && k == e.words.count - 1) { lexicon.add(w) } }
        }
    }

    /// Builds the id tables from a lexicon that holds every word `register` gave it.
    mutating func index(with lexicon: Lexicon) {
        unique()
        var byFirstID = [[Entry]](repeating: [], count: lexicon.count)
        var bits = [UInt64](repeating: 0, count: (lexicon.count + 63) / 64)
        let byFirst = storage.byFirst
        var table = byFirst
        byFirst.forEach { first, entries in
            let withIDs = entries.map { e -> Entry in
                var e = e
                e.ids = e.words.enumerated().map { k, w in e.prefixLast && k == e.words.count - 1 ? -1 : lexicon.id(w) }
                return e
            }
            table[first] = withIDs
            let id = Int(lexicon.id(first))
            byFirstID[id] = withIDs
            bits[id >> 6] |= 1 << UInt64(id & 63)
        }
        storage.firstIDBits = bits
        storage.byFirst = table
        storage.byFirstID = byFirstID
        storage.indexed = true
    }

    /// `matches(words)` for words whose lexicon ids are `ids` (`Lexicon.ids(words)`): the same
    /// matches, found by id.
    public func matches(_ words: [String], ids: [Int32]) -> [Match] {
        let st = storage
        guard st.indexed else { return matches(words) }
        return scan(words, st, entries: { i in
            let id = Int(ids[i])
            return st.startsEntry(id: id) ? st.byFirstID[id] : nil
        }, sameWord: { e, k, position in ids[position] == e.ids[k] })
    }

    /// Whether an entry may start at a word whose lexicon id is `id`: false only when none can
    /// (no entry starts with that word, and the matcher has no one-word stems), so that a
    /// caller that wants a match at one place can skip the matching.
    public func mayStart(id: Int32) -> Bool {
        let st = storage
        guard st.indexed, !st.hasStems else { return true }
        return st.startsEntry(id: Int(id))
    }

    /// All matches, longest first at each position, non-overlapping (leftmost-longest).
    public func matches(_ words: [String]) -> [Match] {
        let st = storage
        let byFirst = st.byFirst
        return scan(words, st, entries: { byFirst[words[$0]] }, sameWord: { e, k, position in words[position] == e.words[k] })
    }

    /// The one matching loop of both `matches`: `entries(i)` gives the entries whose first word
    /// is word `i`, `sameWord(e, k, position)` whether word `position` is word `k` of `e` (the
    /// stem of a `prefixLast` entry is compared here, by prefix).
    ///
    /// The candidates are read in place, by their index in the list (`sameWord` gets the
    /// entry borrowed): iterating them by value copied every entry, retaining and releasing
    /// its four arrays and strings.
    @inline(__always)
    private func scan(_ words: [String], _ st: Storage, entries: (Int) -> [Entry]?,
                      sameWord: (borrowing Entry, Int, Int) -> Bool) -> [Match] {
        let hasStems = st.hasStems
        let byFirstPrefix = hasStems ? st.byFirstPrefix : []
        var result: [Match] = []
        var i = 0
        while i < words.count {
            var best: Match?
            if let candidates = entries(i) {
                candidates.withUnsafeBufferPointer { all in
                    for c in all.indices {
                        let length = all[c].words.count
                        guard i + length <= words.count else { continue }
                        var ok = true
                        for k in 1..<length {
                            if k == length - 1 && all[c].prefixLast { if !words[i + k].hasPrefix(all[c].words[k]) { ok = false; break } }
                            else if !sameWord(all[c], k, i + k) { ok = false; break }
                        }
                        if ok, best == nil || length > best!.end - best!.start {
                            best = Match(start: i, end: i + length, payload: all[c].payload, phrase: all[c].phrase)
                        }
                    }
                }
            }
            if best == nil, hasStems, let head = words[i].utf8.first, case let stems = byFirstPrefix[Int(head)], !stems.isEmpty {
                for (stem, e) in stems where words[i].hasPrefix(stem) {
                    best = Match(start: i, end: i + 1, payload: e.payload, phrase: e.phrase); break
                }
            }
            if let b = best { result.append(b); i = b.end } else { i += 1 }
        }
        return result
    }
}

/// Ids for the words of the vocabulary's phrases. A sentence's folded words are looked up
/// here once; the phrase matchers then compare ids. Words outside the vocabulary get -1,
/// which no phrase contains.
public struct Lexicon: Sendable {
    private var map = WordMap<Int32>()
    public var count: Int { map.count }

    mutating func add(_ word: String) {
        if map[word] == nil { map[word] = Int32(map.count) }
    }

    public func id(_ word: String) -> Int32 { map[word] ?? -1 }

    public func ids(_ words: [String]) -> [Int32] { words.map { map[$0] ?? -1 } }
}

/// A theme of the taxonomy.
public struct ThemeDefinition: Sendable {
    public var id: String
    public var label: String
    public var variants: [String]
    /// The label in each language of themes.txt ("vi": "Tự chủ chiến lược").
    public var labels: [String: String] = [:]
}

/// A country or organisation and its forms.
public struct Place: Sendable, Hashable {
    public var canonical: String
    public var isOrganisation: Bool
}

/// All vocabularies, loaded from the documented data files in Resources/Vocabulary.
public struct Vocabulary: Sendable {
    public var themes: [ThemeDefinition] = []
    public var themeMatcher = PhraseMatcher<String>()
    public var places = PhraseMatcher<Place>()
    public var placeForms: [String: Place] = [:]  // folded form -> place
    public var cities = PhraseMatcher<String>()
    public var titles = PhraseMatcher<String>()
    public var titleWords = WordSet()
    public var modifiers = WordSet()
    public var orgWords = WordSet()
    public var intlOrgWords = WordSet()
    public var voiceNouns = PhraseMatcher<String>()
    public var pronouns = PhraseMatcher<String>()
    public var groupPronouns = PhraseMatcher<String>()
    public var reportingVerbs = PhraseMatcher<String>()
    public var stance = PhraseMatcher<(Stance, Double)>()
    public var numbers = WordMap<Int>()
    public var ordinals = PhraseMatcher<Int>()
    public var listNouns = PhraseMatcher<String>()
    /// Words that open the items after a count ("including", "bao gồm"), as folded token runs.
    public var listIntros: [[String]] = []
    /// Words that open a list item only to join it to the one before ("and", "và"), as written.
    public var itemJoiners: [String] = []
    /// The word before a series' last item ("a, b and c"), as written.
    public var seriesJoiners: [String] = []
    /// Words that announce the items of a list without a count ("the following tasks:"), folded.
    public var listAnnouncers = WordSet()
    /// How the analysis's English messages write a count, by value (list_cues.txt, count-word).
    public var englishNumberWords: [Int: String] = [:]
    /// function_words.txt: closed word classes, folded.
    public var leadInWords = WordSet()
    public var prepositions = WordSet()
    public var clauseJoiners = WordSet()
    public var nameConnectors = WordSet()
    public var phraseLinks = WordSet()
    public var relatives = WordSet()
    public var coordinators = WordSet()
    public var pluralPronouns = WordSet()
    public var postings = WordSet()
    public var articles = WordSet()
    public var orgLeads = WordSet()
    public var orgInsides = WordSet()
    public var foreignMarkers = WordSet()
    public var foreignAfters = WordSet()
    public var foreignAfterTails = WordSet()
    public var appositionJoiners = WordSet()
    public var determiners = WordSet()
    public var nounLinks = WordSet()
    /// Endings of English participles ("elected", "including") and of ordinals written in
    /// figures ("14th"), folded.
    public var participleEndings: [String] = []
    public var ordinalEndings: [String] = []
    /// abbreviations.txt: folded, without the final dot, for the sentence splitter.
    public var abbreviations: Set<String> = []
    public var numericAbbreviations: Set<String> = []
    /// dates.txt: month names and abbreviations by folded word; the words of "ngày D tháng M năm Y".
    public var months: [String: Int] = [:]
    public var dayWords = WordSet()
    public var monthWords = WordSet()
    public var yearWords = WordSet()
    /// Function words by language code, for telling an article's language.
    public var languageMarkers: [String: WordSet] = [:]
    /// boilerplate.txt: whole lines (folded keys) that open related headlines, or are dropped.
    public var relatedMarkers = WordSet()
    public var dropLines = WordSet()
    /// Photo-caption markers, folded (boilerplate.txt): at a paragraph's start, within its
    /// end, before a short credit at its end; and the credit markers cut from a caption.
    public var captionStarts: [String] = []
    public var captionInside: [String] = []
    public var captionEnds: [String] = []
    public var captionCredits: [String] = []
    public var continuations = PhraseMatcher<String>()
    public var stopwords = WordSet()
    /// The words of every phrase matcher (see `Lexicon`), filled by `indexMatchers`.
    public private(set) var lexicon = Lexicon()
    /// By lexicon id: the value of a number word (`numbers`).
    public private(set) var numberIDs: [Int?] = []

    /// `numbers[word]` for the word with lexicon id `id`.
    @inline(__always)
    public func number(id: Int32) -> Int? { id >= 0 && Int(id) < numberIDs.count ? numberIDs[Int(id)] : nil }

    /// By lexicon id: whether the word is a stopword.
    public private(set) var stopwordIDs: [Bool] = []

    /// Whether the word whose lexicon id is `id` is a stopword (`stopwords.contains`).
    @inline(__always)
    public func isStopword(id: Int32) -> Bool { id >= 0 && Int(id) < stopwordIDs.count && stopwordIDs[Int(id)] }
    /// Stopwords and title modifiers lowercased but not folded: "đang" is a stopword, the name "Dang" is not.
    public var rawStopwords = WordSet()
    public var rawModifiers = WordSet()

    /// The vocabulary of the package's resources; empty if they cannot be read, in which case
    /// `loadFailure` says why (an analysis without its vocabulary finds nothing, so callers
    /// check it and stop rather than print an empty digest).
    public static let shared: Vocabulary = {
        let directory = Vocabulary.resourceDirectory()
        do { return try Vocabulary(directory: directory) } catch {
            failure.record("cannot read the vocabulary in \(directory.path): \(error)")
            return Vocabulary()
        }
    }()

    /// Why `shared` is empty, or nil when it loaded (loads it first if need be).
    public static var loadFailure: String? {
        _ = shared
        return failure.message
    }

    private static let failure = LoadFailure()

    /// A data file that cannot be read: its name and why.
    struct FileError: Error, CustomStringConvertible {
        let file: String
        let reason: String
        var description: String { "\(file) is \(reason)" }
    }

    /// The reason `shared` could not be loaded, written once by its initialiser.
    private final class LoadFailure: @unchecked Sendable {
        private let lock = NSLock()
        private var text: String?
        func record(_ message: String) { lock.lock(); text = message; lock.unlock() }
        var message: String? { lock.lock(); defer { lock.unlock() }; return text }
    }

    public init() {}

    /// The Vocabulary folder of the module's resource bundle. First where `Bundle.module`
    /// looks first, beside the executable, with one `stat`: making `Bundle.main` and the
    /// module's bundle cost 5.9 M instructions on the vocabulary's path, which the analysis
    /// waits for. Then through `Bundle.module` (a test bundle, a build folder).
    static func resourceDirectory() -> URL {
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let beside = URL(fileURLWithPath: executable).deletingLastPathComponent()
                .appendingPathComponent("Despatch_DespatchAnalysis.resources/Vocabulary")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: beside.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return beside
            }
        }
        if let url = Bundle.module.url(forResource: "Vocabulary", withExtension: nil) { return url }
        return Bundle.module.bundleURL.appendingPathComponent("Vocabulary")
    }

    /// Lines of a data file, comments and blanks dropped, split on "|" and trimmed.
    /// Splits the UTF-8 bytes (newline, "|" and ";" are ASCII, so no character is cut):
    /// splitting Strings by Character was most of the cost of loading the vocabulary, which
    /// every run pays.
    static func rows(_ dir: URL, _ name: String) throws -> [[String]] {
        let url = dir.appendingPathComponent(name)
        let raw: String
        do { raw = try String(contentsOf: url, encoding: .utf8) } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw FileError(file: name, reason: exists ? "not readable as UTF-8 text" : "missing")
        }
        let text = TextNormalizer.normalize(raw)
        let bytes = Array(text.utf8)
        var rows: [[String]] = []
        var lineStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            let line = trimmed(bytes, lineStart, i)
            lineStart = i + 1
            guard line.lowerBound < line.upperBound, bytes[line.lowerBound] != 0x23 else { continue }  // blank or "#"
            rows.append(fields(bytes, line, separator: 0x7C))
        }
        return rows
    }

    /// The ";"-separated items of a field, trimmed, empty ones dropped.
    /// A list of caption markers, folded, "_" written for a space.
    static func markers(_ s: String) -> [String] {
        list(s).map { TextFolding.fold($0).replacingOccurrences(of: "_", with: " ") }
    }

    /// A field of space-separated words, each folded, in order.
    static func foldedWords(_ field: String) -> [String] {
        field.split(separator: " ").map { TextFolding.fold(String($0)) }
    }

    static func list(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return fields(bytes, 0..<bytes.count, separator: 0x3B).filter { !$0.isEmpty }
    }

    private static func fields(_ bytes: [UInt8], _ range: Range<Int>, separator: UInt8) -> [String] {
        var result: [String] = []
        var start = range.lowerBound
        for i in range.lowerBound...range.upperBound where i == range.upperBound || bytes[i] == separator {
            let r = trimmed(bytes, start, i)
            result.append(String(decoding: bytes[r], as: UTF8.self))
            start = i + 1
        }
        return result
    }

    /// `lo..<hi` without spaces and tabs at either end (the data files use no other blanks).
    private static func trimmed(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Range<Int> {
        var a = lo, b = hi
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        return a..<b
    }

    public init(directory dir: URL) throws {
        var themeIndex: [String: Int] = [:]
        for r in try Self.rows(dir, "themes.txt") where r.count >= 4 {
            let id = r[0], lang = r[1], label = r[2]
            let vars = Self.list(r[3])
            if let i = themeIndex[id] {
                themes[i].variants += vars
                if lang == "en" { themes[i].label = label }
            } else {
                themeIndex[id] = themes.count
                themes.append(ThemeDefinition(id: id, label: label, variants: vars))
            }
            themes[themeIndex[id]!].labels[lang] = label
            for v in vars { themeMatcher.add(v, id) }
        }
        for r in try Self.rows(dir, "countries.txt") where r.count >= 3 {
            if r[1] == "city" {
                for f in Self.list(r[2]) { cities.add(f, r[0]) }
                continue
            }
            let place = Place(canonical: r[0], isOrganisation: r[1] == "org")
            for f in Self.list(r[2]) {
                places.add(f, place)
                placeForms[TextFolding.key(f)] = place
            }
        }
        for r in try Self.rows(dir, "roles.txt") where r.count >= 3 {
            for p in Self.list(r[2]) {
                switch r[0] {
                case "title": titles.add(p, p); for w in Tokenizer.foldedWords(p) { titleWords.insert(w) }
                case "modifier":
                    for w in Tokenizer.foldedWords(p) { modifiers.insert(w) }
                    let raw = Tokenizer.words(p.lowercased())
                    if raw.count == 1 { rawModifiers.insert(raw[0]) }
                case "voice": voiceNouns.add(p, p)
                case "orgword":
                    // Single words only: the syllables of Vietnamese phrases ("chính phủ") are also name syllables.
                    let raw = Tokenizer.words(p.lowercased())
                    if raw.count == 1 { orgWords.insert(raw[0]) }
                case "intlorg": for w in Tokenizer.foldedWords(p) { intlOrgWords.insert(w) }
                case "pronoun": pronouns.add(p, p)
                case "group": groupPronouns.add(p, p)
                default: break
                }
            }
        }
        for r in try Self.rows(dir, "reporting_verbs.txt") where r.count >= 2 {
            for p in Self.list(r[1]) { reportingVerbs.add(p, p) }
        }
        for r in try Self.rows(dir, "stance.txt") where r.count >= 4 {
            guard let s = Stance(rawValue: r[0]), let w = Double(r[1]) else { continue }
            for p in Self.list(r[3]) { stance.add(p, (s, w)) }
        }
        for r in try Self.rows(dir, "list_cues.txt") where r.count >= 4 {
            let phrases = Self.list(r[3])
            switch r[0] {
            case "number": if let v = Int(r[2]) { for p in phrases { numbers[TextFolding.key(p)] = v } }
            case "count-word": if let v = Int(r[2]), r[1] == "en", let word = phrases.first { englishNumberWords[v] = word }
            case "ordinal": if let v = Int(r[2]) { for p in phrases { ordinals.add(p, v) } }
            case "noun": for p in phrases { listNouns.add(p, p) }
            case "intro": listIntros += phrases.map { Tokenizer.foldedWords($0) }.filter { !$0.isEmpty }
            case "continuation": for p in phrases { continuations.add(p, p) }
            case "joiner": itemJoiners += phrases
            case "series-joiner": seriesJoiners += phrases
            case "announcer": listAnnouncers.formUnion(phrases.map { TextFolding.fold($0) })
            default: break
            }
        }
        for r in try Self.rows(dir, "function_words.txt") where r.count >= 3 {
            let list = Self.foldedWords(r[2])
            let words = Set(list)
            switch r[0] {
            case "lead-in": leadInWords.formUnion(words)
            case "preposition": prepositions.formUnion(words)
            case "clause-joiner": clauseJoiners.formUnion(words)
            case "name-connector": nameConnectors.formUnion(words)
            case "phrase-link": phraseLinks.formUnion(words)
            case "relative": relatives.formUnion(words)
            case "coordinator": coordinators.formUnion(words)
            case "plural-pronoun": pluralPronouns.formUnion(words)
            case "posting": postings.formUnion(words)
            case "article": articles.formUnion(words)
            case "org-lead": orgLeads.formUnion(words)
            case "org-inside": orgInsides.formUnion(words)
            case "foreign-marker": foreignMarkers.formUnion(words)
            case "foreign-after": foreignAfters.formUnion(words)
            case "foreign-after-tail": foreignAfterTails.formUnion(words)
            case "apposition-joiner": appositionJoiners.formUnion(words)
            case "determiner": determiners.formUnion(words)
            case "noun-link": nounLinks.formUnion(words)
            case "participle-ending": participleEndings += list
            case "ordinal-ending": ordinalEndings += list
            case "language-marker": languageMarkers[r[1], default: []].formUnion(words)
            default: break
            }
        }
        for r in try Self.rows(dir, "abbreviations.txt") where r.count >= 3 {
            let words = Self.foldedWords(r[2])
            switch r[0] {
            case "any": abbreviations.formUnion(words)
            case "numeric": numericAbbreviations.formUnion(words)
            default: break
            }
        }
        for r in try Self.rows(dir, "dates.txt") where r.count >= 4 {
            let words = Self.list(r[3]).map { TextFolding.fold($0) }
            switch r[0] {
            case "month": if let m = Int(r[2]) { for w in words { months[w] = m } }
            case "day-word": dayWords.formUnion(words)
            case "month-word": monthWords.formUnion(words)
            case "year-word": yearWords.formUnion(words)
            default: break
            }
        }
        for r in try Self.rows(dir, "boilerplate.txt") where r.count >= 3 {
            let keys = Self.list(r[2]).map { TextFolding.key($0) }
            switch r[0] {
            case "related": relatedMarkers.formUnion(keys)
            case "drop": dropLines.formUnion(keys)
            case "caption-start": captionStarts += Self.markers(r[2])
            case "caption-inside": captionInside += Self.markers(r[2])
            case "caption-end": captionEnds += Self.markers(r[2])
            case "caption-credit": captionCredits += Self.list(r[2]).map { $0.replacingOccurrences(of: "_", with: " ") }
            default: break
            }
        }
        for r in try Self.rows(dir, "stopwords.txt") where r.count >= 2 {
            for w in r[1].split(separator: " ") { stopwords.insert(TextFolding.fold(String(w))); rawStopwords.insert(String(w).lowercased()) }
        }
        indexMatchers()
    }

    /// Gives the matchers' words ids and builds each matcher's id table. Matchers added to
    /// the vocabulary later keep working by string (their `matches(_:ids:)` falls back).
    public mutating func indexMatchers() {
        var lexicon = Lexicon()
        themeMatcher.register(in: &lexicon); places.register(in: &lexicon); cities.register(in: &lexicon)
        titles.register(in: &lexicon); voiceNouns.register(in: &lexicon); pronouns.register(in: &lexicon)
        groupPronouns.register(in: &lexicon); reportingVerbs.register(in: &lexicon); stance.register(in: &lexicon)
        ordinals.register(in: &lexicon); listNouns.register(in: &lexicon); continuations.register(in: &lexicon)
        // Stopwords get ids too, so that a sentence's are known from its ids (a word with an
        // id but no phrase starting with it matches nothing: the tables stay as they were).
        for w in stopwords { lexicon.add(w) }
        numbers.forEach { w, _ in lexicon.add(w) }
        themeMatcher.index(with: lexicon); places.index(with: lexicon); cities.index(with: lexicon)
        titles.index(with: lexicon); voiceNouns.index(with: lexicon); pronouns.index(with: lexicon)
        groupPronouns.index(with: lexicon); reportingVerbs.index(with: lexicon); stance.index(with: lexicon)
        ordinals.index(with: lexicon); listNouns.index(with: lexicon); continuations.index(with: lexicon)
        var flags = [Bool](repeating: false, count: lexicon.count)
        for w in stopwords { flags[Int(lexicon.id(w))] = true }
        stopwordIDs = flags
        var values = [Int?](repeating: nil, count: lexicon.count)
        numbers.forEach { w, n in values[Int(lexicon.id(w))] = n }
        numberIDs = values
        self.lexicon = lexicon
    }
}
