import Foundation
import Testing
import ThreatSurveyTestSupport

@testable import ThreatSurvey

/// `Timestamp.iso` writes the civil time in a zone by arithmetic; these tests hold it to what
/// Foundation's `Calendar` says for the same instant and zone, across daylight-saving changes,
/// leap days and centuries.
@Suite("Timestamps: ISO 8601 in a zone, as a calendar reads it")
struct TimestampTests {
    /// What `Calendar` gives: the reference the arithmetic must match.
    static func calendarISO(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let base = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        if offset == 0 && (zone.identifier == "GMT" || zone.identifier == "UTC") {
            return base + "Z"
        }
        let magnitude = abs(offset)
        return base + (offset < 0 ? "-" : "+")
            + String(format: "%02d:%02d", magnitude / 3600, (magnitude % 3600) / 60)
    }

    static let zones = [
        "UTC", "Europe/Brussels", "Europe/Lisbon", "Europe/Helsinki", "America/St_Johns",
        "Asia/Kolkata", "Pacific/Chatham",
    ].compactMap(TimeZone.init(identifier:))

    @Test("Known instants: the contract's example, a leap day, the turn of a century, before 1970")
    func knownInstants() throws {
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        let utc = Timestamp.utc
        func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
        #expect(Timestamp.iso(at(1_441_661_400), in: brussels) == "2015-09-07T23:30:00+02:00")
        #expect(Timestamp.iso(at(951_782_400), in: utc) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.iso(at(4_107_542_399), in: utc) == "2100-02-28T23:59:59Z")
        #expect(Timestamp.iso(at(4_107_542_400), in: utc) == "2100-03-01T00:00:00Z")
        #expect(Timestamp.iso(at(-1), in: utc) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.iso(at(-0.5), in: utc) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.storage(at(1_441_661_400.25)) == "2015-09-07T21:30:00.250Z")
        #expect(Timestamp.storage(at(-0.05)) == "1969-12-31T23:59:59.950Z")
        #expect(Timestamp.storage(at(.nan)) == "1970-01-01T00:00:00.000Z")
    }

    @Test("Random instants from 1950 to 2150 in seven zones read as Calendar reads them")
    func matchesCalendar() {
        var random = SplitMix64(seed: 20_151_207)
        for _ in 0..<20_000 {
            let seconds = Double(random.next() % 6_311_433_600) - 631_152_000  // 1950…2150
            let date = Date(timeIntervalSince1970: seconds + Double(random.next() % 1000) / 1000)
            let zone = Self.zones[Int(random.next() % UInt64(Self.zones.count))]
            let expected = Self.calendarISO(date, in: zone)
            let written = Timestamp.iso(date, in: zone)
            #expect(written == expected, "\(date.timeIntervalSince1970) in \(zone.identifier)")
            if written != expected { return }
        }
    }

    @Test("Instants outside the calendar's range are written at a bound, never trapping")
    func extremes() throws {
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        for seconds in [Double.infinity, -.infinity, .nan, 1e300, -1e300] {
            let written = Timestamp.iso(Date(timeIntervalSince1970: seconds), in: brussels)
            #expect(written.count >= 20, "\(seconds): \(written)")
        }
        #expect(
            Timestamp.iso(Date.distantFuture, in: Timestamp.utc)
                == Self.calendarISO(Date.distantFuture, in: Timestamp.utc))
        #expect(
            Timestamp.iso(Date(timeIntervalSince1970: 1e300), in: Timestamp.utc)
                == Timestamp.iso(
                    Date(timeIntervalSince1970: Timestamp.secondsBound), in: Timestamp.utc))
    }

    @Test("The hours around Brussels's daylight-saving changes of 2015")
    func daylightSaving() throws {
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        // 29 March 2015 01:00 UTC (clocks forward) and 25 October 2015 01:00 UTC (back).
        for change in [1_427_590_800.0, 1_445_734_800.0] {
            for minutes in stride(from: -120, through: 120, by: 15) {
                let date = Date(timeIntervalSince1970: change + Double(minutes * 60))
                #expect(Timestamp.iso(date, in: brussels) == Self.calendarISO(date, in: brussels))
            }
        }
    }
}
