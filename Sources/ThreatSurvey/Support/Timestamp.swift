public import Foundation

/// ISO 8601 text for instants, in a named zone, as every output of the tool writes them.
///
/// Received times are shown in the questionnaire's zone (what the secretariat's calendar
/// shows) with the offset, so `2015-09-07T23:30:00+02:00` is unambiguous in any mail client.
public enum Timestamp {
    /// `2015-09-07T23:30:00+02:00` (or `Z` in UTC).
    public static func iso(_ date: Date, in zone: TimeZone) -> String {
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
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return base + sign + String(format: "%02d:%02d", magnitude / 3600, (magnitude % 3600) / 60)
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
