public import Foundation

/// A calendar day with no time zone (`2015-09-07`), as deadlines and membership dates are written.
///
/// A deadline "by 7 September" is a day, not an instant; it becomes an instant only in the
/// questionnaire's time zone (``endOfDay(in:)``), which is why the two are kept apart.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The years a date may have: 1 through 9999 (four digits, as ISO 8601 writes them
    /// without extension); a date beyond is an error where it is read, never a wrapped or
    /// clamped day.
    public static let years = 1...9999

    /// The year, for example 2015.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// Creates a date from its parts, or `nil` when the day does not exist (2015-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.years.contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, or returns `nil`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses a date as Europeans write it: `15/03/2026`, `15.03.2026`, `15-03-2026`,
    /// `1.3.2026` — always day, then month, then a four-digit year, or returns `nil`.
    ///
    /// The Union's convention is day first, so `03/04/2026` is 3 April 2026; a month-first
    /// date (`04/15/2026`) has no month 15 and is refused, never read the other way round.
    /// Two-digit years are refused (`15/03/26` could be 1926 or 2026).
    public init?(european text: some StringProtocol) {
        let separators: Set<Character> = ["/", ".", "-"]
        guard let separator = text.first(where: { separators.contains($0) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `YYYY-MM-DD` or a European day-first date (``init(european:)``), or returns `nil`.
    public init?(written text: some StringProtocol) {
        if let iso = CivilDate(iso: text) {
            self = iso
        } else if let european = CivilDate(european: text) {
            self = european
        } else {
            return nil
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Orders dates chronologically.
    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The following day.
    public var next: CivilDate {
        if let d = CivilDate(year: year, month: month, day: day + 1) { return d }
        if let d = CivilDate(year: year, month: month + 1, day: 1) { return d }
        return CivilDate(year: year + 1, month: 1, day: 1) ?? self
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The instant this day starts at in `zone` (midnight, or the first instant after a gap).
    public func start(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The last second of this day in `zone`, 23:59:59 local time: a deadline's instant.
    ///
    /// 9999-12-31, the last day of ``years``, has no next day to count back from: its end
    /// is 86,399 seconds after its start (no time zone changes its clocks that day).
    public func endOfDay(in zone: TimeZone) -> Date {
        let following = next
        if following == self { return start(in: zone).addingTimeInterval(86_399) }
        return following.start(in: zone).addingTimeInterval(-1)
    }

    /// The instant at a local time of day in `zone`.
    public func at(hour: Int, minute: Int = 0, second: Int = 0, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components) ?? start(in: zone)
    }

    /// The calendar day an instant falls on in `zone`.
    public init(_ date: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = c.year ?? 1970
        self.month = c.month ?? 1
        self.day = c.day ?? 1
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic without a calendar.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a date: \(text)")
        }
        self = date
    }
}
