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

    /// Parses a typed date or date-time (``parse(_:)``), or returns `nil` whatever the reason.
    public init?(_ text: String) {
        guard let parsed = try? Self.parse(text) else { return nil }
        self = parsed
    }

    /// Every form a typed date takes, for the message refusing one that is none of them.
    public static let acceptedForms =
        "YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], or day first DD.MM.YYYY or DD/MM/YYYY, "
        + "optionally followed by a time (\"07.10.2016 11:00\")"

    /// Parses a date as people type it: the one reading of `--received`, `--today` and
    /// `--as-of` (CONTRACT.md, "Dates as typed").
    ///
    /// - ISO 8601: `2016-10-07`, `2016-10-07T11:00`, `2016-10-07 11:00:30`,
    ///   `2016-10-07T11:00+02:00`, `…Z`;
    /// - day first, as the Union writes dates: `07.10.2016`, `7/10/2016`, `13/10/2016`, each
    ///   optionally followed by a time (`07.10.2016 11:00`).
    ///
    /// A slash (or dash) date whose two first parts are both 12 or less and differ reads two
    /// ways (`10/03/2016`: 10 March day first, 3 October as an American writes it): it is
    /// refused with both readings, never guessed, because a wrong guess moves a receipt by
    /// months and silently changes who was late. Dots are only ever day first.
    ///
    /// - Throws: ``DateInputError`` naming the two readings, or the forms accepted (with the
    ///   day-first spelling of a month-first date such as `10/13/2016`).
    public static func parse(_ text: String) throws(DateInputError) -> DateTimeInput {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        let head = trimmed.prefix { $0 != " " && $0 != "T" }
        if CivilDate(iso: head) == nil {
            let separator = head.first { $0 == "/" || $0 == "." || $0 == "-" }
            let parts = head.split(separator: separator ?? "/", omittingEmptySubsequences: false)
            if let separator, separator != ".", parts.count == 3,
                let first = Int(parts[0]), let second = Int(parts[1]), let year = Int(parts[2]),
                first != second, (1...12).contains(first), (1...12).contains(second),
                let dayFirst = CivilDate(year: year, month: second, day: first),
                let monthFirst = CivilDate(year: year, month: first, day: second),
                CivilDate(european: head) != nil
            {
                throw DateInputError(
                    text: text, reason: .ambiguous(dayFirst: dayFirst, monthFirst: monthFirst))
            }
            if let day = CivilDate(european: head) {
                trimmed = day.description + trimmed.dropFirst(head.count)
            } else if parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1]),
                let year = Int(parts[2]), parts[2].count == 4,
                let monthFirst = CivilDate(year: year, month: first, day: second)
            {
                throw DateInputError(text: text, reason: .monthFirst(monthFirst))
            }
        }
        guard let parsed = isoForm(trimmed) else {
            throw DateInputError(text: text, reason: .notADate)
        }
        return parsed
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD[T ]H[H]:MM[:SS][.fff][Z|±HH:MM]`, or returns `nil`.
    private static func isoForm(_ trimmed: String) -> DateTimeInput? {
        if let day = CivilDate(iso: trimmed) { return .date(day) }
        guard trimmed.count >= 15 else { return nil }
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
        guard parts.count == 2 || parts.count == 3, (1...2).contains(parts[0].count),
            parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            hour < 24, minute < 60
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) : 0
        guard let second, second < 60 else { return nil }
        if let offsetSeconds, let zone = TimeZone(secondsFromGMT: offsetSeconds) {
            return .instant(day.at(hour: hour, minute: minute, second: second, in: zone))
        }
        return .local(day, hour: hour, minute: minute, second: second)
    }

    /// Whether `text` is a time of day alone (`11:00`, `9:30:15`): what a shell leaves as the
    /// next word when `--received 07.10.2016 11:00` was not quoted.
    public static func looksLikeTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return (parts.count == 2 || parts.count == 3) && (1...2).contains(parts[0].count)
            && parts.dropFirst().allSatisfy { $0.count == 2 }
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
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
