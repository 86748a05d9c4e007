import DespatchCore
import DespatchModel
import Foundation

/// Finds foreign reactions and the host country's own officials in one article.
struct ReactionExtractor {
    /// The vocabulary by reference: the extractor is copied into its helper closures, and a
    /// copy of the vocabulary struct retained each of its tables.
    let box: VocabularyBox
    let host: Place?
    var v: Vocabulary { _read { yield box.vocabulary } }

    init(v: Vocabulary, host: Place?) { self.init(box: VocabularyBox(v), host: host) }
    init(box: VocabularyBox, host: Place?) {
        self.box = box
        self.host = host
    }

    struct Voice {
        var key: String
        var speaker: String?
        var role: String?
        var place: Place?
        var evidence: [String] = []
        var verb: String?
        var related = false
        var order: Int
        var spoke = false
    }

    func isForeign(_ p: Place?) -> Bool {
        guard let p else { return false }
        if let host, TextFolding.key(p.canonical) == TextFolding.key(host.canonical) { return false }
        if p.isOrganisation, let host, TextFolding.key(p.canonical).contains(TextFolding.key(host.canonical)) { return false }
        return true
    }

    static func surname(_ name: String) -> String {
        TextFolding.fold(Tokenizer.words(name).last ?? name)
    }

    /// What an article's voices are before the host country is known: the body's voices and
    /// people (which do not depend on it) and, for the related-headlines block, the mentions
    /// of each sentence, to be judged foreign or not once the host is known. The analysis
    /// collects this in its one pass over an article's sentences and resolves it after the
    /// corpus-wide count of places has named the host.
    struct Collection {
        struct RelatedSentence {
            var persons: [Mention]
            var unnamed: [Mention]
        }
        var voices: [String: Voice] = [:]
        var people: [String: (name: String, role: String?, place: Place?)] = [:]
        var mentionCounts: [String: Int] = [:]
        var forms: [String: Set<String>] = [:]
        /// Related items in order: the texts of their sentences and each sentence's mentions.
        var relatedItems: [(evidence: [String], sentences: [RelatedSentence])] = []
    }

    func extract(_ readings: [SentenceReading]) -> (reactions: [Reaction], officials: [Official], persons: [(name: String, forms: [String], mentions: Int)]) {
        resolve(collect(readings))
    }

    /// The voices of an article, whatever the host (see `Collection`).
    func collect(_ readings: [SentenceReading]) -> Collection {
        var voices: [String: Voice] = [:]
        var order = 0
        // Known people of this article: folded full name -> (name, role, place)
        var people: [String: (name: String, role: String?, place: Place?)] = [:]
        var bySurname = WordMap<String>()   // surname -> full key (read for every name token: no SipHash)
        var mentionCounts: [String: Int] = [:]
        var forms: [String: Set<String>] = [:]
        var lastSpeakers: [String] = []

        func personKey(_ m: Mention) -> String? {
            guard let name = m.name else { return nil }
            let key = TextFolding.key(name)
            if Tokenizer.words(name).count == 1, let full = bySurname[key] { forms[full, default: []].insert(name); return full }
            forms[key, default: []].insert(name)
            if people[key] == nil {
                people[key] = (name, m.role, m.place)
                bySurname[Self.surname(name)] = key
            } else {
                if people[key]!.role == nil { people[key]!.role = m.role }
                if people[key]!.place == nil { people[key]!.place = m.place }
            }
            return key
        }

        func voiceFor(_ m: Mention, related: Bool) -> String? {
            if m.kind == .person {
                guard let key = personKey(m) else { return nil }
                let info = people[key]!
                if voices[key] == nil {
                    voices[key] = Voice(key: key, speaker: info.name, role: info.role, place: info.place, related: related, order: order)
                    order += 1
                }
                if voices[key]!.place == nil { voices[key]!.place = info.place }
                if voices[key]!.role == nil { voices[key]!.role = info.role }
                return key
            }
            let key = "~" + TextFolding.key(m.role ?? "") + "|" + (m.place?.canonical ?? "")
            if voices[key] == nil {
                voices[key] = Voice(key: key, speaker: nil, role: m.role, place: m.place, related: related, order: order)
                order += 1
            }
            return key
        }

        var relatedItems: [Int: [SentenceReading]] = [:]
        for r in readings {
            let s = r.s
            if s.kind == .related { relatedItems[s.relatedItem, default: []].append(r); continue }
            let spans = r.nameSpans(knownSurnames: bySurname)
            let persons = r.persons(spans: spans)
            let spanStarts = Set(spans.map { $0.0 })
            let unnamed = r.unnamedVoices(nameStarts: spanStarts)
                .filter { u in !persons.contains { p in u.start < p.end && p.start < u.end } }
            var mentions = (persons + unnamed).sorted { $0.start < $1.start }
            for m in persons { if let k = personKey(m) { mentionCounts[k, default: 0] += 1 } }
            let verbs = r.verbs
            if s.kind == .caption {
                let keys = persons.compactMap { voiceFor($0, related: false) }
                if !keys.isEmpty { lastSpeakers = [keys[0]] }
                continue
            }
            var speakers: [String] = []
            var verb: String?
            // A mention right after a preposition ("met with Ambassador X") is not a subject.
            func isObject(_ m: Mention) -> Bool { m.start > 0 && v.prepositions.contains(s.folded[m.start - 1]) }
            if let first = verbs.first {
                let allBefore = mentions.filter { $0.end <= first.start }
                var before = allBefore.filter { !isObject($0) }
                if before.isEmpty { before = allBefore }
                // "…, who congratulated": the subject is the mention just before.
                let lead = s.folded[max(0, first.start - 2)..<first.start]
                if lead.contains(where: v.relatives.contains), let last = before.last { before = [last] }
                if !before.isEmpty {
                    // The subject: the first mention, plus any joined to it by "and".
                    var subj = [before[0]]
                    for m in before.dropFirst() {
                        // Mentions can overlap (a title inside a longer name): nothing lies between.
                        guard m.start >= subj.last!.end else { continue }
                        let between = (subj.last!.end..<m.start).map { s.folded[$0] }
                        if between.allSatisfy(v.coordinators.contains) { subj.append(m) }
                        else if r.gaps[m.start].containsBytes(",") == false && between.count <= 1 { subj.append(m) }
                    }
                    // A mention deep inside an adverbial clause is not the subject of the verb.
                    speakers = subj.compactMap { voiceFor($0, related: false) }
                    verb = first.phrase
                    // Later clauses with their own subject: "…, while Y noted …".
                    for k in verbs.indices.dropFirst() {
                        for m in mentions where m.start >= verbs[k - 1].end && m.end <= verbs[k].start && !isObject(m) {
                            let prev = m.start > 0 ? s.folded[m.start - 1] : ""
                            if r.gaps[m.start].contains(where: { ",;".contains($0) }) || v.clauseJoiners.contains(prev),
                               let key = voiceFor(m, related: false), !speakers.contains(key) {
                                speakers.append(key)
                            }
                        }
                    }
                } else if let after = mentions.first(where: { $0.start >= first.end }), after.start - first.end <= 2 {
                    speakers = [voiceFor(after, related: false)].compactMap { $0 }
                    verb = first.phrase
                } else {
                    // "She affirmed ...", "Both expressed ...", "..., he said."
                    let head = Array(s.folded.prefix(4))
                    let group = v.groupPronouns.matches(head).first { $0.start == 0 }
                    let pron = v.pronouns.matches(head).first { $0.start <= 1 }
                    let tailPron = verbs.contains { vb in vb.start > 0 && v.pronouns.matches([s.folded[vb.start - 1]]).count > 0 }
                    let plural = pron.map { v.pluralPronouns.contains($0.phrase) } ?? false
                    if group != nil { speakers = lastSpeakers }
                    else if pron != nil || tailPron { speakers = Array(lastSpeakers.suffix(lastSpeakers.count > 1 && plural ? 2 : 1)) }
                    if plural { speakers = lastSpeakers }
                    verb = first.phrase
                }
            } else if let m = mentions.first(where: { $0.kind == .person }) {
                if let k = voiceFor(m, related: false) { lastSpeakers = [k] }
                mentions.removeAll()
            }
            if !speakers.isEmpty {
                lastSpeakers = speakers
                for k in speakers {
                    voices[k]!.evidence.append(s.text)
                    voices[k]!.spoke = true
                    if voices[k]!.verb == nil { voices[k]!.verb = verb }
                }
            }
        }

        // Related-headline items: headline (with a trailing ": voice") and its lede; their
        // mentions are judged in `resolve`, once the host is known.
        var collection = Collection(voices: voices, people: people, mentionCounts: mentionCounts, forms: forms)
        for item in relatedItems.keys.sorted() {
            let sents = relatedItems[item]!
            var sentences: [Collection.RelatedSentence] = []
            for r in sents {
                let s = r.s
                let spans = r.nameSpans(knownSurnames: SentenceReading.noSurnames)
                let persons = r.persons(spans: spans)
                var unnamed = r.unnamedVoices(nameStarts: Set(spans.map { $0.0 }))
                if s.isHeadline {
                    // Only the headline's opening words or its ": voice" tail name the speaker.
                    let colon = s.bytes.lastIndex(of: 0x3A)
                    unnamed = unnamed.filter { u in
                        u.start <= 1 || colon.map { c in s.tokens[u.start].offset > c && r.count - u.start <= 5 } == true
                    }
                } else {
                    let verbs = r.verbs
                    unnamed = unnamed.filter { u in verbs.contains { $0.start >= u.end && $0.start - u.end <= 3 } }
                }
                sentences.append(Collection.RelatedSentence(persons: persons, unnamed: unnamed))
            }
            collection.relatedItems.append((sents.map(\.s.text), sentences))
        }
        return collection
    }

    /// Reactions and officials of a collected article, for this extractor's host.
    func resolve(_ collection: Collection) -> (reactions: [Reaction], officials: [Official], persons: [(name: String, forms: [String], mentions: Int)]) {
        let voices = collection.voices, people = collection.people
        var relatedVoices: [Voice] = []
        for (evidence, sentences) in collection.relatedItems {
            var found: [(Mention, [String])] = []
            for sentence in sentences {
                for p in sentence.persons where isForeign(p.place) { found.append((p, evidence)) }
                if !found.isEmpty { continue }
                for u in sentence.unnamed where u.place == nil || isForeign(u.place) { found.append((u, evidence)) }
                // A headline tail naming a bare voice ("…: Ambassadors") speaks for a foreign group when the
                // lede calls it foreign or international; the lede's own mention is found above.
            }
            var seen = Set<String>()
            for (m, ev) in found {
                let key = m.kind == .person ? TextFolding.key(m.name!) : "~" + TextFolding.key(m.role ?? "") + "|" + (m.place?.canonical ?? "")
                if seen.contains(key) || voices[key]?.spoke == true { continue }
                // Unnamed voices of one item collapse into one (headline "Chinese ambassador", lede "The ambassador").
                if m.kind == .unnamed, found.contains(where: { $0.0.kind == .person && isForeign($0.0.place) }) { continue }
                if m.kind == .unnamed, seen.contains(where: { $0.hasPrefix("~") }) { continue }
                seen.insert(key)
                relatedVoices.append(Voice(key: key, speaker: m.name, role: m.role, place: m.place, evidence: ev, related: true, order: 10_000 + relatedVoices.count))
            }
        }

        var reactions: [Reaction] = []
        var officials: [Official] = []
        let all = voices.values.sorted { $0.order < $1.order } + relatedVoices
        for voice in all {
            if isForeign(voice.place) || (voice.speaker == nil && voice.place == nil && voice.related) {
                guard !voice.evidence.isEmpty else { continue }
                let stance = StanceClassifier(box: box).classify(voice.evidence)
                reactions.append(Reaction(speaker: voice.speaker, role: voice.role, countryOrOrg: voice.place?.canonical,
                                          stance: stance, gist: Self.gist(voice.evidence[0]), evidence: voice.evidence,
                                          related: voice.related, reportingVerb: voice.verb))
            } else if let name = voice.speaker, !voice.related, voice.role != nil || voice.spoke {
                officials.append(Official(name: name, role: voice.role, mentionedOnly: !voice.spoke))
            }
        }
        // Unnamed foreign voices in the body with no evidence are dropped above; people never speaking
        // but holding a title are officials "mentioned only".
        for (key, info) in people where voices[key] == nil && info.role != nil && !isForeign(info.place) {
            officials.append(Official(name: info.name, role: info.role, mentionedOnly: true))
        }
        let persons = people.map { (key, info) in
            (name: info.name, forms: (collection.forms[key] ?? [info.name]).sorted(), mentions: collection.mentionCounts[key] ?? 1)
        }
        return (reactions, officials, persons)
    }


    static func gist(_ sentence: String) -> String {
        let words = sentence.split(separator: " ")
        if words.count <= 40 { return sentence }
        return words.prefix(40).joined(separator: " ") + " …"
    }
}

/// Stance from the documented lexicon (Resources/Vocabulary/stance.txt).
struct StanceClassifier {
    let box: VocabularyBox
    var v: Vocabulary { _read { yield box.vocabulary } }

    init(v: Vocabulary) { box = VocabularyBox(v) }
    init(box: VocabularyBox) { self.box = box }

    func classify(_ evidence: [String]) -> Stance {
        var totals: [Stance: Double] = [:]
        for (i, sentence) in evidence.enumerated() {
            let words = Tokenizer.foldedWords(sentence)
            for m in v.stance.matches(words) {
                let (stance, weight) = m.payload
                if stance == .congratulatory && i == 0 { return .congratulatory }
                totals[stance, default: 0] += weight
            }
        }
        let pos = (totals[.positive] ?? 0) + (totals[.congratulatory] ?? 0)
        let neu = totals[.neutral] ?? 0
        let crit = totals[.critical] ?? 0
        if crit > 0 && crit >= pos { return .critical }
        if pos > 0 && pos >= neu { return .positive }
        if neu > 0 { return .neutral }
        return pos > 0 ? .positive : .neutral
    }
}
