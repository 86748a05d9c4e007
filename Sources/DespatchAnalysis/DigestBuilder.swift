import DespatchCore
import DespatchModel
import Foundation

/// Runs the analysis over a corpus and assembles the `Digest`.
///
/// Everything language- or domain-specific comes from the vocabulary files in
/// Resources/Vocabulary (see the README there); nothing about particular articles is in code.
public struct DigestBuilder: Sendable {
    /// Sentences per article summary.
    public var summarySentences: Int
    /// Sentences in the corpus summary.
    public var corpusSummarySentences: Int
    public var vocabulary: Vocabulary

    public init(summarySentences: Int = 3, corpusSummarySentences: Int = 5, vocabulary: Vocabulary = .shared) {
        self.summarySentences = summarySentences
        self.corpusSummarySentences = corpusSummarySentences
        self.vocabulary = vocabulary
    }

    public func build(_ corpus: Corpus, generator: String) -> Digest {
        let v = vocabulary
        let box = VocabularyBox(v)
        var warnings = corpus.warnings
        // One pass over the articles, on all cores, merged in article order so that the digest
        // is the same whatever the timing. Each article is read, analysed and its readings let
        // go: memory grows with the corpus's text, not with its tokens. What depends on the
        // whole corpus is settled after the pass: the host country (the country the bodies
        // name most), which tells foreign voices from the host's own officials, and the dates
        // of the other articles, against which each article's dates are checked.
        let summarizer = Summarizer(stopwords: v.stopwords)
        let taskExtractor = TaskListExtractor(box: box)
        let voiceCollector = ReactionExtractor(box: box, host: nil)

        let analysed = ParallelMap.map(Array(corpus.articles.enumerated())) { ai, article -> ArticleAnalysis in
            var own: [String] = []
            let st = ArticleStructure(article: article, warnings: &own)
            if !st.sentences.contains(where: { $0.kind == .body }) {
                own.append("\(article.file): no sentence found in the body; nothing to analyse")
            }
            let readings = st.sentences.map { SentenceReading($0, box) }
            var places: [(place: Place, form: String)] = []
            for r in readings where r.s.kind == .body { places += SentenceReading.placeMentions(r.s, r.placeMatches) }
            let bodySentences = st.sentences.filter { $0.kind == .body }
            // Summary.
            let ranking = summarizer.rank(bodySentences.map(\.folded), stops: readings.filter { $0.s.kind == .body }.map(\.isStopword))
            let summary = ranking.select(summarySentences).map { Self.stripDateline(bodySentences[$0].text) }
            let candidates = ranking.select(3).map { i in (ai, i, Self.stripDateline(bodySentences[i].text), bodySentences[i].folded) }
            // Themes.
            let themeMatches = ArticleThemes.matches(readings, vocabulary: v)
            let themes = ArticleThemes(sentences: st.sentences, matches: themeMatches)
            // Voices, to be told foreign or not once the host is known.
            let voices = voiceCollector.collect(readings)
            // Task lists.
            let found = taskExtractor.extract(readings: readings)
            var countDiscrepancies: [String] = []
            for f in found {
                if let n = f.list.statedCount, n != f.list.items.count {
                    countDiscrepancies.append("Announces \(f.list.label) but describes \(TaskListExtractor.word(f.list.items.count)).")
                }
            }
            var otherDiscrepancies: [String] = []
            if st.date == nil { otherDiscrepancies.append("No publication date in the text.") }
            for c in st.repeatedCaptions { otherDiscrepancies.append("The photo caption is repeated twice: “\(ReactionExtractor.gist(c))”") }
            if st.repeatedParagraphs > 0 { otherDiscrepancies.append("\(st.repeatedParagraphs) paragraph(s) repeated in the body.") }

            let digest = ArticleDigest(
                file: article.file, title: article.title, date: st.date?.iso, dateSource: st.date == nil ? nil : st.dateSource,
                source: article.source ?? st.outletTag, language: st.language, url: article.url,
                summary: summary, themes: themes.scores, officials: [], reactions: [],
                taskLists: found.map(\.list), facts: FactExtractor.extract(st.sentences), discrepancies: [],
                paragraphs: st.body, relatedHeadlines: st.relatedHeadlines)
            return ArticleAnalysis(digest: digest, themes: themes, voices: voices, places: places, warnings: own,
                                   date: st.date, textDates: st.textDates,
                                   countDiscrepancies: countDiscrepancies, otherDiscrepancies: otherDiscrepancies,
                                   lists: found.map(\.fullItems), candidates: candidates,
                                   keyPhrases: KeyPhraseExtractor.tally(readings, themeMatches: themeMatches, article: ai, vocabulary: v))
        }
        for r in analysed { warnings += r.warnings }

        // What needs the whole corpus, in two parts at once: the host country and what depends
        // on it (reactions, officials, discrepancies), themes, entities and the summary here;
        // key phrases and list alignments on another core (8 M of the 14 M instructions that
        // followed the articles' pass on one core, for the samples).
        let ((digests, corpusThemes, entities, corpusSummary), (keyPhrases, alignments)) = ParallelMap.both({
            var digests: [ArticleDigest] = []
            var themeData: [ArticleThemes] = []
            var personGroups: [String: (name: String, forms: Set<String>, mentions: Int)] = [:]
            var personOrder: [String] = []
            var corpusCandidates: [(article: Int, index: Int, text: String, folded: [String])] = []
            // The host country: the country named most often in the bodies, read from the data.
            var placeCounts: [Place: Int] = [:]
            var placeSurface: [Place: [String: Int]] = [:]
            for r in analysed {
                for (p, form) in r.places {
                    placeCounts[p, default: 0] += 1
                    placeSurface[p, default: [:]][form, default: 0] += 1
                }
            }
            let host = placeCounts.filter { !$0.key.isOrganisation }.max { a, b in a.value != b.value ? a.value < b.value : a.key.canonical > b.key.canonical }?.key
            let reactionExtractor = ReactionExtractor(box: box, host: host)
            let dated = DiscrepancyFinder.index(zip(corpus.articles, analysed).compactMap { a, r in r.date.map { (file: a.file, date: $0) } })

            for (article, result) in zip(corpus.articles, analysed) {
                corpusCandidates += result.candidates
                themeData.append(result.themes)
                let (reactions, officials, persons) = reactionExtractor.resolve(result.voices)
                var digest = result.digest
                digest.reactions = reactions
                digest.officials = officials
                digest.discrepancies = result.countDiscrepancies
                    + DiscrepancyFinder.dates(textDates: result.textDates, date: result.date, file: article.file, others: dated)
                    + result.otherDiscrepancies
                for p in persons {
                    let key = TextFolding.compactKey(p.name)
                    if personGroups[key] == nil { personGroups[key] = (p.name, [], 0); personOrder.append(key) }
                    personGroups[key]!.forms.formUnion(p.forms)
                    personGroups[key]!.mentions += p.mentions
                }
                digests.append(digest)
            }

            // Corpus themes.
            var corpusThemes: [CorpusTheme] = []
            for def in v.themes {
                var files: [String] = []
                var variants: [String] = []
                var best: (String, Int)?
                var total = 0
                for (i, t) in themeData.enumerated() {
                    guard let n = t.counts[def.id], n > 0 else { continue }
                    files.append(corpus.articles[i].file)
                    total += n
                    for form in t.variants[def.id] ?? [] where !variants.contains(where: { TextFolding.key($0) == TextFolding.key(form) }) {
                        variants.append(form)
                    }
                    if let e = t.evidence[def.id], e.1 > (best?.1 ?? 0) { best = e }
                }
                guard !files.isEmpty else { continue }
                let coverage = Double(files.count) / Double(max(1, corpus.articles.count))
                let score = ((0.5 * coverage + 0.5 * (1 - exp(-Double(total) / 6))) * 1000).rounded() / 1000
                corpusThemes.append(CorpusTheme(id: def.id, label: def.label, articles: files, variants: variants, evidence: best?.0, score: score,
                                                labels: def.labels))
            }
            corpusThemes.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }

            // Entities: people grouped by folded spelling, then countries and organisations.
            var entities: [EntityGroup] = personOrder.map { k in
                let g = personGroups[k]!
                return EntityGroup(canonical: g.name, forms: g.forms.sorted(), mentions: g.mentions)
            }
            for (p, n) in placeCounts {
                let forms = (placeSurface[p] ?? [:]).keys.sorted()
                entities.append(EntityGroup(canonical: p.canonical, forms: forms, mentions: n))
            }
            entities.sort { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.canonical < $1.canonical }

            // Corpus summary: LexRank over the best sentences of each article.
            let capped = Array(corpusCandidates.prefix(300))
            let picked = summarizer.choose(capped.map(\.folded), count: corpusSummarySentences, leadBias: false)
            let corpusSummary = picked.map { capped[$0] }.sorted { ($0.article, $0.index) < ($1.article, $1.index) }.map(\.text)

            return (digests, corpusThemes, entities, corpusSummary)
        }, {
            // Independent of the host and of each other: the corpus's key phrases, and the
            // alignments of its task lists (in article order, each list numbered in its article).
            let lists = zip(corpus.articles, analysed).flatMap { article, result in
                result.lists.enumerated().map { (file: article.file, index: $0.offset + 1, items: $0.element) }
            }
            return (KeyPhraseExtractor.rank(analysed.map(\.keyPhrases)), TaskListAligner(stopwords: v.stopwords).align(lists))
        })
        return Digest(generator: generator, articles: digests, themes: corpusThemes, alignments: alignments,
                      entities: entities, summary: corpusSummary, warnings: warnings, keyPhrases: keyPhrases)
    }

    /// "HÀ NỘI — Text" / "Hanoi (VNA) – Text" → "Text".
    static func stripDateline(_ s: String) -> String {
        let head = s.prefix(48)
        for sep in [" — ", " – ", "— ", " -- "] {
            if let r = head.firstRange(ofBytes: sep) {
                let lead = head[..<r.lowerBound]
                let words = lead.split(separator: " ")
                if words.count <= 5, words.allSatisfy({ $0.first.map { $0.isUppercase || $0 == "(" || $0.isNumber } ?? false }) {
                    return String(s[r.upperBound...]).trimmingSpaces()
                }
            }
        }
        return s
    }
}

/// What the analysis of one article hands back to the corpus-wide merge.
private struct ArticleAnalysis {
    /// The digest without what needs the whole corpus: reactions, officials, discrepancies.
    var digest: ArticleDigest
    var themes: ArticleThemes
    var voices: ReactionExtractor.Collection
    /// The places its bodies name, for the host country.
    var places: [(place: Place, form: String)]
    var warnings: [String]
    var date: CalendarDay?
    var textDates: [(raw: String, day: CalendarDay, sentence: String)]
    /// Discrepancies before and after those of dates, which need the other articles.
    var countDiscrepancies: [String]
    var otherDiscrepancies: [String]
    var lists: [[String]]
    var candidates: [(article: Int, index: Int, text: String, folded: [String])]
    var keyPhrases: KeyPhraseExtractor.Tally
}
