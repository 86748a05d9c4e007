import DespatchModel
import Foundation

/// Builds a `WeekComparison` from the analysed digests of two consecutive weeks and the
/// voices of all earlier weeks.
///
/// Why counts of articles per theme: an article counts once for a theme whether the
/// analysis lists it under the corpus theme or only in the article's own theme scores, so
/// the numbers are the ones a reader could verify by counting articles.
public enum WeekComparer {
    public static func compare(week: ISOWeek, current: Digest, previous: Digest,
                               earlierVoiceKeys: Set<String>) -> WeekComparison {
        let now = themeArticles(current)
        let before = themeArticles(previous)
        var labels: [String: String] = [:]
        for t in previous.themes + current.themes { labels[t.id] = t.label }
        let ids = Set(now.keys).union(before.keys)
        let order: [WeekComparison.Direction] = [.new, .rising, .falling, .steady, .gone]
        let trends = ids.map { id in
            WeekComparison.ThemeTrend(id: id, label: labels[id] ?? id, count: now[id]?.count ?? 0,
                                      previousCount: before[id]?.count ?? 0)
        }.sorted { a, b in
            let (ra, rb) = (order.firstIndex(of: a.direction)!, order.firstIndex(of: b.direction)!)
            if ra != rb { return ra < rb }
            let (da, db) = (abs(a.count - a.previousCount), abs(b.count - b.previousCount))
            if da != db { return da > db }
            if a.count != b.count { return a.count > b.count }
            return a.id < b.id
        }
        let newVoices = voices(in: current).filter { !earlierVoiceKeys.contains(voiceKey($0.name)) }
        return WeekComparison(week: week.iso, previousWeek: week.previous.iso, from: week.firstDay.iso,
                              to: week.lastDay.iso, articleCount: current.articles.count,
                              previousArticleCount: previous.articles.count, themes: trends, newVoices: newVoices)
    }

    /// Theme id -> files of the articles in that theme.
    public static func themeArticles(_ digest: Digest) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for theme in digest.themes { result[theme.id, default: []].formUnion(theme.articles) }
        for article in digest.articles {
            for score in article.themes where score.score > 0 { result[score.id, default: []].insert(article.file) }
        }
        return result.filter { !$0.value.isEmpty }
    }

    /// Every reacting speaker and country or organisation of the digest, in order of first
    /// appearance, each with the files quoting it.
    public static func voices(in digest: Digest) -> [WeekComparison.Voice] {
        var order: [String] = []
        var byKey: [String: WeekComparison.Voice] = [:]
        func add(_ name: String?, kind: String, role: String?, file: String) {
            guard let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return }
            let key = voiceKey(name)
            if var v = byKey[key] {
                if !v.articles.contains(file) { v.articles.append(file) }
                byKey[key] = v
            } else {
                order.append(key)
                byKey[key] = WeekComparison.Voice(name: name, kind: kind, role: role, articles: [file])
            }
        }
        for article in digest.articles {
            for reaction in article.reactions {
                add(reaction.speaker, kind: "speaker", role: reaction.role, file: article.file)
                add(reaction.countryOrOrg, kind: "country_or_org", role: nil, file: article.file)
            }
        }
        return order.compactMap { byKey[$0] }
    }

    /// Case, accents and spacing folded, so "Lê Hoài Trung" and "Le Hoai  Trung" are one voice.
    public static func voiceKey(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
