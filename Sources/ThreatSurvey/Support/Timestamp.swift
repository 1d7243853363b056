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
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
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
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Date(timeIntervalSince1970: Double(millis / 1000))
        let base = String(iso(seconds, in: utc).dropLast())
        return base + String(format: ".%03dZ", Int(millis % 1000))
    }

    /// The UTC zone.
    public static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}
