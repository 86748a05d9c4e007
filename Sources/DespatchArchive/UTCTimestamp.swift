import DespatchModel
import Foundation

/// UTC timestamps as stored in the archive: "YYYY-MM-DDTHH:MM:SSZ".
///
/// Why text: it reads as it is in the sqlite3 shell, sorts like time, and carries no
/// zone ambiguity; formatted by hand because DateFormatter is slow and not thread-safe.
public enum UTCTimestamp {
    public static func string(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(t) / 86400).rounded(.down))
        let s = t - days * 86400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(CalendarDay(daysSinceEpoch: days).iso)T\(two(s / 3600)):\(two(s % 3600 / 60)):\(two(s % 60))Z"
    }

    public static func date(_ text: String) -> Date? {
        guard text.count == 20, text.hasSuffix("Z") else { return nil }
        let parts = text.dropLast().split(separator: "T")
        guard parts.count == 2, let day = CalendarDay(iso: String(parts[0])) else { return nil }
        let hms = parts[1].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3 else { return nil }
        return Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2]))
    }
}
