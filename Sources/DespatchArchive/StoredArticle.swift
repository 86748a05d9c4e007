import DespatchCore
import DespatchModel
import Foundation

/// An article as the archive holds it: its latest revision plus archive facts.
///
/// Why separate from `Article`: the week an article belongs to depends on facts only the
/// archive knows (when it was first seen), and the brief needs both.
public struct StoredArticle: Sendable, Hashable {
    public var id: Int64
    public var sourcePath: String
    public var firstSeen: Date
    /// Number of the revision used (the latest); 1 for an article never changed.
    public var revision: Int
    /// Row id of that revision (keys the analysis caches).
    public var revisionID: Int64
    public var contentHash: String
    /// The latest revision as read; `date` is nil for an undated article.
    public var article: Article

    /// The day that puts the article in a week: its own date, else the day it was first
    /// seen in `timeZone`.
    public func day(in timeZone: TimeZone) -> CalendarDay {
        article.date ?? WeekSelector.day(of: firstSeen, in: timeZone)
    }

    /// The article for analysis: undated ones get their first-seen day, date_source "ingest".
    public func datedArticle(in timeZone: TimeZone) -> Article {
        var a = article
        if a.date == nil {
            a.date = WeekSelector.day(of: firstSeen, in: timeZone)
            a.dateSource = .ingest
        }
        return a
    }
}
