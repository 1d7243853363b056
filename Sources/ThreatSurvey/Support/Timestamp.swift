public import Foundation

/// ISO 8601 text for instants, in a named zone, as every output of the tool writes them.
///
/// Received times are shown in the questionnaire's zone (what the secretariat's calendar
/// shows) with the offset, so `2015-09-07T23:30:00+02:00` is unambiguous in any mail client.
public enum Timestamp {
    /// `2015-09-07T23:30:00+02:00` (or `Z` in UTC).
    ///
    /// The zone gives only the offset in force at `date`; the civil date and time are then
    /// plain arithmetic on the proleptic Gregorian calendar (`civil(day:)`), which is what a
    /// `Calendar` would answer, without building one per call: receipts, `history` and the
    /// store write one of these per submission (a tenth of a 10,000-answer submit went into
    /// `Calendar` before).
    public static func iso(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = wholeSeconds(date) + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - day * 86_400
        let (year, month, dayOfMonth) = civil(day: day)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2) + "T"
        text += pad(second / 3600, 2) + ":" + pad(second / 60 % 60, 2) + ":" + pad(second % 60, 2)
        if offset == 0 && (zone.identifier == "GMT" || zone.identifier == "UTC") {
            return text + "Z"
        }
        let magnitude = abs(offset)
        return text + (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":"
            + pad(magnitude % 3600 / 60, 2)
    }

    /// The most seconds from 1970 written as they are (about 31.7 million years either way);
    /// an instant beyond, or not a number, is written as that bound, never converted into an
    /// integer it cannot fit (which would trap).
    static let secondsBound = 1_000_000_000_000_000.0

    /// `date`'s whole seconds since 1970 (rounded down), within ±``secondsBound``.
    static func wholeSeconds(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        guard !seconds.isNaN else { return 0 }
        return Int(min(max(seconds.rounded(.down), -secondsBound), secondsBound))
    }

    /// The year, month and day of `day` days after 1970-01-01 (negative: before), on the
    /// proleptic Gregorian calendar (Howard Hinnant's `civil_from_days`, by 400-year eras).
    static func civil(day: Int) -> (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra =
            (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth)
    }

    /// `value` in decimal, zero-padded to `width` digits (a minus sign before, if negative).
    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// `2015-09-07 23:30` in `zone`, for tables.
    public static func short(_ date: Date, in zone: TimeZone) -> String {
        let full = iso(date, in: zone)
        return String(full.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// UTC, millisecond precision: the form stored in SQLite, which sorts as text.
    public static func storage(_ date: Date) -> String {
        // The same bound, read as milliseconds here (about 31,700 years either way).
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        let millis = scaled.isNaN ? 0 : Int(min(max(scaled, -secondsBound), secondsBound))
        // Whole seconds rounded down, so an instant before 1970 keeps a positive fraction.
        let whole = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let base = String(iso(Date(timeIntervalSince1970: Double(whole)), in: utc).dropLast())
        return base + "." + pad(millis - whole * 1000, 3) + "Z"
    }

    /// The UTC zone.
    public static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}
