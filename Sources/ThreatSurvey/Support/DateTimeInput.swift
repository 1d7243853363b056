public import Foundation

/// A date-time as a user or a manifest writes it, resolved to an instant only once the
/// questionnaire's time zone is known.
///
/// `--received 2015-09-04` means noon in Brussels (the contract's rule); `2015-09-04T10:30`
/// means 10:30 in Brussels; `2015-09-04T10:30:00+02:00` or `…Z` is already an instant.
public enum DateTimeInput: Sendable, Hashable {
    /// A date alone: 12:00 local time in the questionnaire's zone.
    case date(CivilDate)
    /// A local wall-clock time with no offset.
    case local(CivilDate, hour: Int, minute: Int, second: Int)
    /// An instant (the text carried `Z` or an offset).
    case instant(Date)

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS][.fff][Z|±HH:MM]`, or returns `nil`.
    ///
    /// The date may also be written as Europeans do, day first (`15/03/2026`,
    /// `15.03.2026 14:30`; ``CivilDate/init(european:)``).
    public init?(_ text: String) {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        let head = trimmed.prefix { $0 != " " && $0 != "T" }
        if CivilDate(iso: head) == nil, let day = CivilDate(european: head) {
            trimmed = day.description + trimmed.dropFirst(head.count)
        }
        if let day = CivilDate(iso: trimmed) {
            self = .date(day)
            return
        }
        guard trimmed.count >= 16 else { return nil }
        let separator = trimmed.index(trimmed.startIndex, offsetBy: 10)
        guard trimmed[separator] == "T" || trimmed[separator] == " ",
            let day = CivilDate(iso: trimmed[..<separator])
        else { return nil }
        var rest = Substring(trimmed[trimmed.index(after: separator)...])
        var offsetSeconds: Int?
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            offsetSeconds = 0
            rest = rest.dropLast()
        } else if rest.count > 6 {
            let tail = rest.suffix(6)
            if let sign = tail.first, sign == "+" || sign == "-",
                tail.dropFirst().count == 5, tail[tail.index(tail.startIndex, offsetBy: 3)] == ":",
                let h = Int(tail.dropFirst().prefix(2)), let m = Int(tail.suffix(2)),
                h <= 14, m < 60
            {
                offsetSeconds = (h * 3600 + m * 60) * (sign == "-" ? -1 : 1)
                rest = rest.dropLast(6)
            }
        }
        if let dot = rest.firstIndex(of: ".") {
            guard rest[rest.index(after: dot)...].allSatisfy(\.isNumber) else { return nil }
            rest = rest[..<dot]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            hour < 24, minute < 60
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) : 0
        guard let second, second < 60 else { return nil }
        if let offsetSeconds, let zone = TimeZone(secondsFromGMT: offsetSeconds) {
            self = .instant(day.at(hour: hour, minute: minute, second: second, in: zone))
        } else {
            self = .local(day, hour: hour, minute: minute, second: second)
        }
    }

    /// The instant this input means in `zone`.
    public func resolve(in zone: TimeZone) -> Date {
        switch self {
        case .date(let day): return day.at(hour: 12, in: zone)
        case .local(let day, let h, let m, let s):
            return day.at(hour: h, minute: m, second: s, in: zone)
        case .instant(let date): return date
        }
    }

    /// How far ahead of the clock a received time may be (clock skew between the mail
    /// server and this machine): five minutes.
    public static let futureTolerance: TimeInterval = 300

    /// Refuses a received time later than `now`: an answer cannot arrive in the future, and
    /// a typo there (`2062` for `2026`) would make it current forever.
    ///
    /// - Throws: ``SurveyError/usage(_:)`` naming the time and the clock.
    public static func checkNotFuture(
        _ received: Date, now: Date = Date(), option: String = "--received"
    ) throws(SurveyError) {
        guard received.timeIntervalSince(now) > futureTolerance else { return }
        throw .usage(
            "\(option) \(Timestamp.iso(received, in: Timestamp.utc)) is later than now "
                + "(\(Timestamp.iso(now, in: Timestamp.utc))); give the time the answer was received"
        )
    }

    /// Whether the input carried no time of day (the receipt says 12:00 was assumed).
    public var isDateOnly: Bool {
        if case .date = self { return true }
        return false
    }
}
