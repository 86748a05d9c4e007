import DespatchModel
import Foundation

/// What `--week` says: a given ISO week, or one relative to today ("this", "last").
///
/// Why a separate step: the command line is checked before anything else runs, but
/// "this" and "last" can only become a week once the time zone is known (it comes from
/// the layout), and tests need to fix "now".
public enum WeekSelector: Equatable, Sendable, CustomStringConvertible {
    case week(ISOWeek)
    case this
    case last

    /// The accepted forms, for error messages and help.
    public static let acceptedForms = "YYYY-Www (e.g. 2026-W05, week 01 to 52 or 53), 'this' (the current week) or 'last' (the week before)"

    /// The default zone for today's date when no layout says otherwise.
    public static let defaultTimeZone = "Asia/Ho_Chi_Minh"

    /// Parses `text`; anything else is an error that lists the accepted forms.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch t.lowercased() {
        case "this": self = .this
        case "last": self = .last
        default:
            guard let week = ISOWeek(iso: t) else { throw WeekSelectorError(text: text) }
            self = .week(week)
        }
    }

    /// The week meant, with "today" taken from `now` in `timeZone`.
    public func resolve(now: Date, timeZone: TimeZone) -> ISOWeek {
        switch self {
        case .week(let w): return w
        case .this: return ISOWeek(containing: WeekSelector.day(of: now, in: timeZone))
        case .last: return ISOWeek(containing: WeekSelector.day(of: now, in: timeZone)).previous
        }
    }

    /// The calendar day of an instant in a time zone.
    public static func day(of instant: Date, in timeZone: TimeZone) -> CalendarDay {
        let seconds = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return CalendarDay(daysSinceEpoch: Int((seconds / 86400).rounded(.down)))
    }

    /// The first instant of `day` in `timeZone` (midnight, or the first instant after a gap).
    public static func start(of day: CalendarDay, in timeZone: TimeZone) -> Date {
        let utcMidnight = Double(day.daysSinceEpoch) * 86400
        // Offsets can differ across the day; the offset at the guessed instant is right
        // for every zone that does not change offset around midnight.
        let guess = Date(timeIntervalSince1970: utcMidnight - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight))))
        return Date(timeIntervalSince1970: utcMidnight - Double(timeZone.secondsFromGMT(for: guess)))
    }

    public var description: String {
        switch self {
        case .week(let w): return w.iso
        case .this: return "this"
        case .last: return "last"
        }
    }
}
