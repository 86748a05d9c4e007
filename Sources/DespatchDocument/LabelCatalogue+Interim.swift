import DespatchLayout
import DespatchModel

// Interim until the layout module's catalogue API lands: English-only formatting.
public enum DateStyle { case long, short }

extension LabelCatalogue {
    public func heading(_ key: String) -> String { self(key) }
    public func formatDate(_ day: CalendarDay, style: DateStyle) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let name = months[day.month - 1]
        return style == .long ? "\(day.day) \(name) \(day.year)" : "\(day.day) \(name.prefix(3)) \(day.year)"
    }
}
