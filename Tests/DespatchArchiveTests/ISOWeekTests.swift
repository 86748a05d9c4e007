import DespatchArchive
import DespatchModel
import XCTest

final class ISOWeekTests: XCTestCase {
    func testWeekFiveOf2026RunsFromMonday26JanuaryToSunday1February() throws {
        let w = try XCTUnwrap(ISOWeek(iso: "2026-W05"))
        XCTAssertEqual(w.firstDay.iso, "2026-01-26")
        XCTAssertEqual(w.lastDay.iso, "2026-02-01")
        XCTAssertEqual(w.firstDay.isoWeekday, 1)
        XCTAssertEqual(w.lastDay.isoWeekday, 7)
        XCTAssertEqual(w.iso, "2026-W05")
        XCTAssertEqual(w.previous.iso, "2026-W04")
        XCTAssertEqual(w.next.iso, "2026-W06")
    }

    func testWeeksContainingDays() {
        func week(_ d: String) -> String { ISOWeek(containing: CalendarDay(iso: d)!).iso }
        XCTAssertEqual(week("2026-01-28"), "2026-W05")
        XCTAssertEqual(week("2026-01-25"), "2026-W04")
        XCTAssertEqual(week("2026-02-07"), "2026-W06")
        // Weeks that straddle years.
        XCTAssertEqual(week("2025-12-29"), "2026-W01")
        XCTAssertEqual(week("2021-01-03"), "2020-W53")
        XCTAssertEqual(week("2027-01-01"), "2026-W53")
        XCTAssertEqual(ISOWeek(iso: "2026-W01")!.firstDay.iso, "2025-12-29")
    }

    func testYearsWith52And53Weeks() {
        XCTAssertEqual(ISOWeek.weeksIn(year: 2020), 53)
        XCTAssertEqual(ISOWeek.weeksIn(year: 2025), 52)
        XCTAssertEqual(ISOWeek.weeksIn(year: 2026), 53)
        XCTAssertNotNil(ISOWeek(iso: "2026-W53"))
        XCTAssertNil(ISOWeek(iso: "2025-W53"))
        XCTAssertEqual(ISOWeek(iso: "2026-W53")!.next.iso, "2027-W01")
    }

    func testInvalidWeeksAreErrorsListingTheAcceptedForms() {
        for bad in ["2026-W99", "last-ish", "2026-W00", "2026-5", "W05", "2026-W5", "", "next"] {
            XCTAssertThrowsError(try WeekSelector(parsing: bad), bad) { error in
                let message = String(describing: error)
                XCTAssertTrue(message.contains("'\(bad)'"), message)
                for form in ["YYYY-Www", "2026-W05", "'this'", "'last'"] {
                    XCTAssertTrue(message.contains(form), "\(message) lacks \(form)")
                }
            }
        }
        XCTAssertEqual(try WeekSelector(parsing: "2026-W05"), .week(ISOWeek(year: 2026, week: 5)!))
        XCTAssertEqual(try WeekSelector(parsing: "this"), .this)
        XCTAssertEqual(try WeekSelector(parsing: "LAST"), .last)
    }

    func testThisAndLastFollowTheClockInTheTimeZone() throws {
        // Sunday 1 February 2026, 20:00 UTC: still Sunday (W05) in UTC, already Monday 2 February (W06) in Hanoi.
        let now = Fixtures.utc("2026-02-01", 20)
        let utc = TimeZone(identifier: "UTC")!
        XCTAssertEqual(WeekSelector.this.resolve(now: now, timeZone: utc).iso, "2026-W05")
        XCTAssertEqual(WeekSelector.last.resolve(now: now, timeZone: utc).iso, "2026-W04")
        XCTAssertEqual(WeekSelector.this.resolve(now: now, timeZone: Fixtures.hanoi).iso, "2026-W06")
        XCTAssertEqual(WeekSelector.last.resolve(now: now, timeZone: Fixtures.hanoi).iso, "2026-W05")
        XCTAssertEqual(try WeekSelector(parsing: "2026-W10").resolve(now: now, timeZone: utc).iso, "2026-W10")
    }

    func testDayStartInTimeZone() {
        let start = WeekSelector.start(of: CalendarDay(iso: "2026-01-26")!, in: Fixtures.hanoi)
        XCTAssertEqual(UTCTimestamp.string(start), "2026-01-25T17:00:00Z")
        XCTAssertEqual(WeekSelector.day(of: start, in: Fixtures.hanoi).iso, "2026-01-26")
        XCTAssertEqual(WeekSelector.day(of: start.addingTimeInterval(-1), in: Fixtures.hanoi).iso, "2026-01-25")
    }
}
