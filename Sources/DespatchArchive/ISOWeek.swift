import DespatchModel

/// An ISO 8601 week ("2026-W05"): Monday to Sunday, week 1 being the week with the year's
/// first Thursday.
///
/// Why ISO weeks: briefs go out weekly, and ISO numbering is what the readers' calendars
/// show; a year has 52 or 53 of them, and a week may straddle two calendar years
/// (2026-W01 starts on Monday 29 December 2025).
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ISO week-numbering year (not always the calendar year of every day in it).
    public let year: Int
    public let week: Int

    /// Nil when the year has no such week (2026-W53, 2026-W00).
    public init?(year: Int, week: Int) {
        guard (1...9998).contains(year), week >= 1, week <= ISOWeek.weeksIn(year: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week holding `day`.
    public init(containing day: CalendarDay) {
        // The Thursday of the day's week decides the week-numbering year.
        let thursday = day.adding(days: 4 - day.isoWeekday)
        let y = thursday.year
        let monday1 = ISOWeek.mondayOfWeekOne(y)
        self.year = y
        self.week = (thursday.daysSinceEpoch - monday1.daysSinceEpoch) / 7 + 1
    }

    /// Parses exactly `YYYY-Www` (the W may be lower case); nil for anything else.
    public init?(iso text: String) {
        let chars = Array(text)
        guard chars.count == 8, chars[4] == "-", chars[5] == "W" || chars[5] == "w",
              chars[0..<4].allSatisfy({ $0.isASCII && $0.isNumber }),
              chars[6..<8].allSatisfy({ $0.isASCII && $0.isNumber }),
              let y = Int(String(chars[0..<4])), let w = Int(String(chars[6..<8])) else { return nil }
        self.init(year: y, week: w)
    }

    /// "2026-W05".
    public var iso: String {
        let y = String(year)
        let w = String(week)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W" + (w.count == 1 ? "0" + w : w)
    }

    public var description: String { iso }

    /// Monday, the first day of the week.
    public var firstDay: CalendarDay { ISOWeek.mondayOfWeekOne(year).adding(days: (week - 1) * 7) }

    /// Sunday, the last day of the week.
    public var lastDay: CalendarDay { firstDay.adding(days: 6) }

    /// Monday to Sunday.
    public var days: ClosedRange<CalendarDay> { firstDay...lastDay }

    public var previous: ISOWeek { ISOWeek(containing: firstDay.adding(days: -7)) }
    public var next: ISOWeek { ISOWeek(containing: firstDay.adding(days: 7)) }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    /// 53 when 28 December (always in the year's last week) is in week 53, else 52.
    public static func weeksIn(year: Int) -> Int {
        guard let dec28 = CalendarDay(year: year, month: 12, day: 28) else { return 52 }
        let thursday = dec28.adding(days: 4 - dec28.isoWeekday)
        return (thursday.daysSinceEpoch - mondayOfWeekOne(year).daysSinceEpoch) / 7 + 1
    }

    /// 4 January is always in week 1; its Monday starts the year.
    static func mondayOfWeekOne(_ year: Int) -> CalendarDay {
        let jan4 = CalendarDay(year: year, month: 1, day: 4)!
        return jan4.adding(days: 1 - jan4.isoWeekday)
    }
}
