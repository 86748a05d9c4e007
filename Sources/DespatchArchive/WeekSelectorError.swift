/// A `--week` value that is neither an ISO week nor "this"/"last".
///
/// Why its own type: the message must list the accepted forms, so that a user who typed
/// "2026-W99" or "last-ish" sees at once what would have worked.
public struct WeekSelectorError: Error, CustomStringConvertible, Equatable {
    public var text: String

    public init(text: String) { self.text = text }

    public var description: String {
        "'\(text)' is not a week; accepted forms: \(WeekSelector.acceptedForms)"
    }
}
