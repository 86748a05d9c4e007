import DespatchCore
import DespatchModel
import Foundation

/// A person, country or organisation mention found in one sentence.
struct Mention {
    enum Kind { case person, unnamed }
    var kind: Kind
    var start: Int          // token range in the sentence
    var end: Int
    var name: String?       // as written (persons)
    var role: String?
    var place: Place?       // country or organisation the voice speaks for
    var postedIn: Place?    // "... in Vietnam", "... to Vietnam"
}

/// A vocabulary held by reference, so that the many objects that keep one share a single copy.
final class VocabularyBox: Sendable {
    let vocabulary: Vocabulary
    init(_ vocabulary: Vocabulary) { self.vocabulary = vocabulary }
}

/// Token-level reading of one sentence: capitals, places, titles, gaps (punctuation between tokens).
final class SentenceReading {
    let s: Sentence
    /// The vocabulary, shared by reference: a struct of some forty tables, it would be
    /// retained field by field into every reading.
    private let vocabularyBox: VocabularyBox
    var v: Vocabulary { _read { yield vocabularyBox.vocabulary } }
    // Constants, not variables: a class's variables pay an exclusivity check on every read,
    // and these are read in every inner loop of the extractors.
    let caps: TokenFlags.Column
    /// For each token, the index in `placeMatches` of the place covering it, or -1: an
    /// array of optional places, made and destroyed for every sentence, cost 1,100
    /// instructions a sentence to fill with nils alone.
    let placeIndexAt: [Int32]
    let placeStart: [Int: (Place, Int)]  // start -> (place, end)
    let titleAt: TokenFlags.Column
    let isCity: TokenFlags.Column
    /// Tokens covered by a reporting verb.
    let verbAt: TokenFlags.Column
    let verbs: [PhraseMatcher<String>.Match]
    /// The places named, as `placeMatches` finds them: what the corpus-wide count of places
    /// (which tells the host country) is made of.
    let placeMatches: [PhraseMatcher<Place>.Match]
    /// The text before token i (`gaps[count]` is what follows the last token).
    let gaps: Gaps
    /// Whether `gaps[i]` is a single space (most are), told without comparing strings.
    let spaceBefore: TokenFlags.Column
    /// The folded words' ids in the vocabulary's lexicon, for its phrase matchers.
    let ids: [Int32]
    /// Whether each folded word is a stopword.
    let isStopword: TokenFlags.Column

    /// A class, not a struct: readings are passed around and kept in arrays by every
    /// extractor, and copying a struct that holds the sentence and the vocabulary retained
    /// dozens of buffers each time.
    init(_ s: Sentence, _ box: VocabularyBox) {
        self.s = s
        self.vocabularyBox = box
        let n = s.words.count
        let lexicon = box.vocabulary.lexicon
        let ids = lexicon.ids(s.folded)
        var flags = Self.capitalsAndStopwords(s, ids: ids, box: box)
        var placeIndexAt = FilledArray.minusOnes(n)
        var placeStart: [Int: (Place, Int)] = [:]
        let verbs = box.vocabulary.reportingVerbs.matches(s.folded, ids: ids)
        for m in verbs { for k in m.start..<m.end { flags[k] |= TokenFlags.verb } }
        for m in box.vocabulary.cities.matches(s.folded, ids: ids) { for k in m.start..<m.end { flags[k] |= TokenFlags.city } }
        for m in box.vocabulary.titles.matches(s.folded, ids: ids) { for k in m.start..<m.end { flags[k] |= TokenFlags.title } }
        // A gap of one space (most of them) is a flag; the gaps are read from the bytes only
        // when asked for (a string per gap for every sentence cost more than all the asking).
        var prevEnd = 0
        for (k, t) in s.tokens.enumerated() {
            if t.offset - prevEnd == 1 && s.bytes[prevEnd] == 0x20 { flags[k] |= TokenFlags.spaceBefore }
            prevEnd = t.end
        }
        // The flags are complete: the columns made from here on share them (a column made
        // before a change would have had the change copy them).
        let caps = TokenFlags.Column(bytes: flags, bit: TokenFlags.capital)
        let placeMatches = Self.placeMatches(s, ids: ids, capitals: caps, places: box.vocabulary.places, lexicon: lexicon)
        for (index, m) in placeMatches.enumerated() {
            for k in m.start..<m.end { placeIndexAt[k] = Int32(index) }
            placeStart[m.start] = (m.payload, m.end)
        }
        self.spaceBefore = TokenFlags.Column(bytes: flags, bit: TokenFlags.spaceBefore)
        self.caps = caps
        self.placeIndexAt = placeIndexAt
        self.placeStart = placeStart
        self.titleAt = TokenFlags.Column(bytes: flags, bit: TokenFlags.title)
        self.isCity = TokenFlags.Column(bytes: flags, bit: TokenFlags.city)
        self.verbAt = TokenFlags.Column(bytes: flags, bit: TokenFlags.verb)
        self.verbs = verbs
        self.placeMatches = placeMatches
        self.gaps = Gaps(sentence: s, flags: flags)
        self.ids = ids
        self.isStopword = TokenFlags.Column(bytes: flags, bit: TokenFlags.stopword)
    }

    var count: Int { s.words.count }

    /// Whether token `k` is part of a place's name.
    @inline(__always)
    func isPlace(_ k: Int) -> Bool { placeIndexAt[k] >= 0 }

    /// The place whose name covers token `k`, if any.
    func place(at k: Int) -> Place? {
        let index = placeIndexAt[k]
        return index < 0 ? nil : placeMatches[Int(index)].payload
    }

    /// Capitalised or a number, per token: decided from the first byte for ASCII words.
    /// The first byte is read from the sentence's bytes at the token's offset: through each
    /// word's `utf8.first` it cost some ninety instructions a word.
    ///
    /// The flags start with these two, in a new array of one byte per token; the other flags
    /// are set on it afterwards.
    /// The vocabulary comes in its box: passed as a struct, it was copied for every sentence.
    static func capitalsAndStopwords(_ s: Sentence, ids: [Int32], box: VocabularyBox) -> [UInt8] {
        var flags = FilledArray.zeroBytes(s.words.count)
        s.bytes.withUnsafeBufferPointer { bytes in
            for (k, t) in s.tokens.enumerated() {
                var f: UInt8 = 0
                if t.length > 0 {
                    let b = bytes[t.offset]
                    let capital = b < 0x80 ? (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                        : s.words[k].first.map { $0.isUppercase || $0.isNumber } ?? false
                    if capital { f = TokenFlags.capital }
                }
                if box.vocabulary.isStopword(id: ids[k]) { f |= TokenFlags.stopword }
                flags[k] = f
            }
        }
        return flags
    }

    /// Countries and organisations named in the sentence, also as "Israel-based" and
    /// "Timor-Leste's"; written with a capital (or not in lower case).
    /// `ids` are the lexicon ids of `s.folded`.
    static func placeMatches(_ s: Sentence, ids: [Int32], capitals caps: TokenFlags.Column, places: PhraseMatcher<Place>,
                             lexicon: Lexicon) -> [PhraseMatcher<Place>.Match] {
        var folded = s.folded
        var ids = ids
        for i in 0..<folded.count {
            // "…'s", "…-based": the word's last byte as written is s, S, d, D, or not ASCII
            // (a letter that folds to s or d, such as "ş" or "Đ").
            let end = s.tokens[i].end
            guard end > 0 else { continue }
            let raw = s.bytes[end - 1]
            guard raw >= 0x80 || raw == 0x73 || raw == 0x64 || raw == 0x53 || raw == 0x44 else { continue }
            // How many bytes "'s" and then "-based" take off the folded word, decided in one
            // look at its bytes (two suffix tests a word cost some 80 instructions).
            var w = folded[i]
            let cut = w.withUTF8 { b -> Int in
                guard let last = b.last, last == 0x73 || last == 0x64 else { return 0 }
                var n = b.count
                if n >= 2, b[n - 2] == 0x27, b[n - 1] == 0x73 { n -= 2 }
                if n >= 6, b[n - 6] == 0x2D, b[n - 5] == 0x62, b[n - 4] == 0x61, b[n - 3] == 0x73, b[n - 2] == 0x65, b[n - 1] == 0x64 { n -= 6 }
                return b.count - n
            }
            if cut > 0 {
                w.removeLast(cut)
                ids[i] = lexicon.id(w)
                folded[i] = w
            }
        }
        return places.matches(folded, ids: ids).filter { caps[$0.start] || s.words[$0.start].first?.isLowercase == false }
    }

    /// The place names of `matches` (the sentence's `placeMatches`) as written, possessive
    /// dropped: the corpus-wide count of them tells which country the coverage is about.
    static func placeMentions(_ s: Sentence, _ matches: [PhraseMatcher<Place>.Match]) -> [(place: Place, form: String)] {
        matches.map { m in
            var form = Tokenizer.slice(s.bytes, s.tokens[m.start].offset, s.tokens[m.end - 1].end)
            if form.hasSuffixBytes("'s") || form.hasSuffixBytes("’s") { form.removeLast(2) }
            return (m.payload, form)
        }
    }

    /// Whether token `i` can be part of a person's name; computed once per token (the name
    /// finders ask about the same tokens several times).
    func isNameToken(_ i: Int) -> Bool { nameTokens[i] }

    private lazy var nameTokens: [Bool] = {
        // The vocabulary borrowed from the box for all tokens, not read through `v` for each.
        let box = vocabularyBox
        // Only a capitalised word can be one (most are not): the others are not asked.
        var names = FilledArray.falses(count)
        for i in 0..<count where caps[i] { names[i] = computeIsNameToken(i, box.vocabulary) }
        return names
    }()

    private func computeIsNameToken(_ i: Int, _ v: borrowing Vocabulary) -> Bool {
        guard caps[i], !isPlace(i), !titleAt[i] else { return false }
        let f = stripPossessive(s.folded[i])
        if Self.isAllDigits(f) { return false }
        // The word in lower case: for an ASCII word that is its fold, already made (a
        // `lowercased()` of every capitalised word was a new string each).
        let raw = s.words[i].isASCIIBytes ? f : stripPossessive(s.words[i].lowercased())
        if v.orgWords.contains(raw) || isCity[i] || v.rawModifiers.contains(raw) && f.count > 3 { return false }
        if Self.isAcronym(s.words[i]) { return false }  // acronyms: CPV, VNA
        if v.rawStopwords.contains(raw) {
            // "To Huu": a capitalised function word inside a sentence, followed by another capital.
            return i > 0 && i + 1 < count && caps[i + 1] && !v.stopwords.contains(s.folded[i + 1]) && spaceBefore[i + 1] && s.words[i].count <= 3
        }
        return true
    }

    /// Digits only (Character.isNumber for words that are not ASCII). The ASCII case in one
    /// pass over the bytes, as `isAcronym`'s and `stripPossessive`'s: through `utf8`'s
    /// iterator these cost some 300 instructions a capitalised word each.
    static func isAllDigits(_ w: String) -> Bool {
        var copy = w
        let ascii: Bool? = copy.withUTF8 { b in
            var digits = true
            for c in b {
                if c >= 0x80 { return nil }
                if c < 0x30 || c > 0x39 { digits = false }
            }
            return digits
        }
        return ascii ?? w.allSatisfy { $0.isNumber }
    }

    /// Two to six characters, none of them lower case: "CPV", "VNA", "ASEAN".
    static func isAcronym(_ w: String) -> Bool {
        var copy = w
        let ascii: Bool? = copy.withUTF8 { b in
            var lower = false
            for c in b {
                if c >= 0x80 { return nil }
                if c >= 0x61 && c <= 0x7A { lower = true }
            }
            return b.count > 1 && b.count <= 6 && !lower
        }
        return ascii ?? (w.count > 1 && w == w.uppercased() && w.count <= 6)
    }

    /// The word without a final "'s" or "’s".
    func stripPossessive(_ w: String) -> String { Self.isPossessive(w) ? String(w.dropLast(2)) : w }

    /// Whether the word ends in "'s" or "’s", told in one look at its last bytes (two
    /// `hasSuffixBytes` a word cost twice as much).
    static func isPossessive(_ w: String) -> Bool {
        var copy = w
        return copy.withUTF8 { b -> Bool in
            let n = b.count
            guard n >= 2, b[n - 1] == 0x73 else { return false }
            if b[n - 2] == 0x27 { return true }
            return n >= 4 && b[n - 4] == 0xE2 && b[n - 3] == 0x80 && b[n - 2] == 0x99
        }
    }

    /// No known people, for `nameSpans` where an article's people do not count.
    static let noSurnames = WordMap<String>()

    /// Name spans: runs of 2-5 name tokens with only spaces between them (not sentence-initial
    /// single words), not followed by a capitalised organisation word ("Phan Dinh Phung Street").
    /// `knownSurnames`: the article's people so far, by folded surname (a `WordMap`: it is
    /// asked for single capitalised words, and a Dictionary's SipHash cost more than the search).
    func nameSpans(knownSurnames: WordMap<String>) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        let names = nameTokens  // once: each read of the lazy property retained the array
        var i = 0
        while i < count {
            guard names[i] else { i += 1; continue }
            var j = i + 1
            while j < count, names[j], spaceBefore[j], !Self.isPossessive(s.words[j - 1]) { j += 1 }
            var len = j - i
            if j < count, caps[j], spaceBefore[j], v.orgWords.contains(stripPossessive(s.words[j].lowercased())) { i = j + 1; continue }
            if len > 5 { i = j; continue }
            if len >= 2 {
                spans.append((i, j))
            } else if knownSurnames.count > 0, knownSurnames[stripPossessive(s.folded[i])] != nil {
                spans.append((i, j))
            } else if i > 0, titleAt[i - 1], caps[i - 1] {
                // "Ambassador Khoi": a single capitalised word after a title.
                spans.append((i, j)); len = 1
            }
            i = j
        }
        return spans
    }

    func text(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        var out = s.words[a]
        for k in (a + 1)..<b { out += gaps[k] + s.words[k] }
        return out
    }

    func nameText(_ a: Int, _ b: Int) -> String {
        var t = text(a, b)
        if t.hasSuffixBytes("'s") || t.hasSuffixBytes("’s") { t.removeLast(2) }
        return t
    }

    /// The title phrase written just before token `i` (titles, modifiers, places, "of/in/to"),
    /// as a token range, or nil.
    func titleBefore(_ i: Int) -> (Int, Int)? {
        var a = i
        var sawTitle = false
        while a > 0 {
            let k = a - 1
            let gap = gaps[k + 1]
            if gap.contains(where: { ",():;—–\"“”".contains($0) }) { break }
            let f = s.folded[k]
            if titleAt[k] { sawTitle = true; a = k; continue }
            if isPlace(k) { a = k; continue }
            if v.modifiers.contains(stripPossessive(f)) || (caps[k] && !isNameToken(k) && !v.stopwords.contains(f)) { a = k; continue }
            if f.hasSuffixBytes("-based") { a = k; continue }
            break
        }
        // Trim leading connectors.
        while a < i, v.nameConnectors.contains(s.folded[a]) { a += 1 }
        return sawTitle && a < i ? (a, i) : nil
    }

    /// An apposition after a name: ", Chairman of the X Movement," -> token range.
    func appositionAfter(_ j: Int) -> (Int, Int)? {
        guard j < count, gaps[j].containsBytes(",") else { return nil }
        var b = j
        var sawTitle = false
        while b < count, b - j < 24 {
            if b > j {
                let g = gaps[b]
                if g.containsBytes(";") || g.containsBytes("(") || g.containsBytes(".") || g.containsBytes(":") || g.containsBytes("—") || g.containsBytes("–") { break }
                if g.containsBytes(",") {
                    let continues = sawTitle && (titleAt[b] || (caps[b] && !isNameToken(b))
                        || (v.appositionJoiners.contains(s.folded[b]) && b + 1 < count && (titleAt[b + 1] || caps[b + 1])))
                    if !continues { break }
                }
            }
            if titleAt[b] { sawTitle = true }
            if !caps[b], b > j, verbAt[b] { break }
            b += 1
        }
        return sawTitle ? (j, b) : nil
    }

    /// The place a title phrase speaks for: a demonym or organisation, not a posting ("in Vietnam").
    /// Also finds "President of the X Council" organisations.
    func placeOf(_ a: Int, _ b: Int) -> (Place?, Place?) {
        var found: Place?
        var posted: Place?
        var k = a
        while k < b {
            if let (p, e) = placeStart[k] {
                let prev = k > a ? s.folded[k - 1] : ""
                let prev2 = k > a + 1 ? s.folded[k - 2] : ""
                if v.postings.contains(prev) || v.articles.contains(prev) && v.postings.contains(prev2) {
                    if posted == nil { posted = p }
                } else if found == nil {
                    found = p
                }
                k = e
                continue
            }
            k += 1
        }
        if found == nil {
            // "of the World Peace Council": a capitalised run ending in an organisation word.
            var i = a
            while i < b {
                if caps[i], i > a, v.orgLeads.contains(s.folded[i - 1]) {
                    var j = i
                    while j < b, caps[j] || v.orgInsides.contains(s.folded[j]) && j + 1 < b && caps[j + 1] { j += 1 }
                    if j > i, v.intlOrgWords.contains(s.folded[j - 1]) {
                        found = Place(canonical: text(i, j), isOrganisation: true)
                        break
                    }
                    i = j
                }
                i += 1
            }
        }
        return (found, posted)
    }
}

extension SentenceReading {
    /// Unnamed voices: "a Japanese scholar", "Cambodian experts", "Israel-based expert",
    /// "foreign ambassadors", "Int'l organisations", "chuyên gia Nhật Bản".
    func unnamedVoices(nameStarts: Set<Int>) -> [Mention] {
        var out: [Mention] = []
        for m in v.voiceNouns.matches(s.folded, ids: ids) {
            if nameStarts.contains(m.end) { continue }  // "Ambassador Anna Weber": a title, not an unnamed voice
            if m.end < count, caps[m.end], spaceBefore[m.end], isNameToken(m.end) { continue }
            var place: Place?
            var a = m.start
            var marker = false
            // Look back over up to three words for a demonym or an international marker.
            var k = m.start - 1
            while k >= 0, m.start - k <= 3 {
                if gaps[k + 1].containsBytes(",") || gaps[k + 1].containsBytes(":") { break }
                let f = stripPossessive(s.folded[k])
                if let p = self.place(at: k) { place = p; a = k; break }
                if v.foreignMarkers.contains(f) { marker = true; a = k; break }
                if v.stopwords.contains(f) && !v.determiners.contains(f) { break }
                k -= 1
            }
            // Vietnamese order: the country follows ("chuyên gia Nhật Bản").
            if place == nil, !marker, m.end < count, let (p, _) = placeStart[m.end] { place = p }
            if place == nil, !marker, m.end + 1 < count, v.foreignAfters.contains(s.folded[m.end]), v.foreignAfterTails.contains(s.folded[m.end + 1]) { marker = true }
            guard place != nil || marker else { continue }
            let role = text(a, m.end)
            out.append(Mention(kind: .unnamed, start: a, end: m.end, name: nil, role: role, place: place, postedIn: nil))
        }
        return out
    }

    /// Person mentions with role and place; `spans` are the sentence's `nameSpans`.
    func persons(spans: [(Int, Int)]) -> [Mention] {
        var out: [Mention] = []
        for (a, b) in spans {
            var m = Mention(kind: .person, start: a, end: b, name: nameText(a, b), role: nil, place: nil, postedIn: nil)
            if let (ta, tb) = titleBefore(a) {
                let (p, posted) = placeOf(ta, tb)
                m.place = p; m.postedIn = posted
                // Role without a leading demonym or possessive country.
                var ra = ta
                while ra < tb, isPlace(ra) { ra += 1 }
                m.role = text(ra, tb)
                m.start = ta
            }
            if let (pa, pb) = appositionAfter(b) {
                let (p, posted) = placeOf(pa, pb)
                if m.place == nil { m.place = p }
                if m.postedIn == nil { m.postedIn = posted }
                let r = text(pa, pb)
                m.role = m.role.map { $0 + ", " + r } ?? r
            }
            out.append(m)
        }
        return out
    }
}
