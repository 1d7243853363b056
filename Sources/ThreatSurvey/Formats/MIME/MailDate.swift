public import Foundation

/// RFC 5322 date-times (`Date:`, the end of `Received:`), including the obsolete forms.
///
/// The `Date` header is when a delegation's answer was sent, which may decide whether it
/// counts. Mailers still write the forms RFC 5322 section 4.3 lists as obsolete, so the parser
/// accepts: an optional day name, two- and three-digit years (`00`–`49` → 20xx, `50`–`99` →
/// 19xx, three digits + 1900), missing seconds, named zones (`UT`, `GMT`, `Z`, `EST`/`EDT`,
/// `CST`/`CDT`, `MST`/`MDT`, `PST`/`PDT`; military letters read as `-0000` as the RFC says),
/// `+01:00`, a missing zone (read as UTC), comments in parentheses and extra whitespace.
public enum MailDate {
    /// The number of bytes of a date-time examined; a longer value is not a date.
    public static let maxLength = 256

    /// The instant `text` names, or `nil` when it is not an RFC 5322 date-time.
    ///
    /// - Complexity: O(n), n ≤ ``maxLength``.
    public static func parse(_ text: String) -> Date? {
        parseWithZone(text)?.date
    }

    /// The instant `text` names and the zone offset it was written in (minutes east of UTC;
    /// 0 for a missing zone), or `nil` when it is not an RFC 5322 date-time.
    ///
    /// A forward's own zone is how a zone-less date quoted in its body is read
    /// (``QuotedForward``): the forwarding client wrote both in its local time.
    ///
    /// - Complexity: O(n), n ≤ ``maxLength``.
    public static func parseWithZone(_ text: String) -> (date: Date, offsetMinutes: Int)? {
        guard text.utf8.count <= maxLength else { return nil }
        let tokens = tokenize(text)
        var index = 0
        // Optional day name, possibly followed by a comma.
        if index < tokens.count, tokens[index].first?.isLetter == true,
            monthNumber(tokens[index]) == nil
        {
            index += 1
        }
        // day month year   (or, leniently, month day year)
        guard index + 2 < tokens.count else { return nil }
        var day: Int
        var month: Int
        if let number = smallNumber(tokens[index]), let named = monthNumber(tokens[index + 1]) {
            day = number
            month = named
        } else if let named = monthNumber(tokens[index]),
            let number = smallNumber(tokens[index + 1])
        {
            day = number
            month = named
        } else {
            return nil
        }
        guard let rawYear = smallNumber(tokens[index + 2]) else { return nil }
        let yearDigits = tokens[index + 2].count
        var year = rawYear
        if yearDigits == 2 { year += rawYear < 50 ? 2000 : 1900 }
        if yearDigits == 3 { year += 1900 }
        index += 3
        guard index < tokens.count else { return nil }
        // hh:mm[:ss]
        let clock = tokens[index].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3,
            let hour = smallNumber(clock[0]), let minute = smallNumber(clock[1])
        else { return nil }
        var second = 0
        if clock.count == 3 {
            guard let parsed = smallNumber(clock[2]) else { return nil }
            second = parsed
        }
        index += 1
        var offsetMinutes = 0
        if index < tokens.count {
            guard let zone = zoneOffset(tokens[index]) else { return nil }
            offsetMinutes = zone
        }
        guard (1...31).contains(day), (1...12).contains(month), (1...9999).contains(year),
            hour <= 23, minute <= 59, second <= 60, day <= daysIn(month: month, year: year)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds =
            days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59)
            - offsetMinutes * 60
        return (Date(timeIntervalSince1970: TimeInterval(seconds)), offsetMinutes)
    }

    /// Splits on whitespace and commas, dropping comments (nested parentheses allowed).
    private static func tokenize(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var depth = 0
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(" {
                if let begun = start { tokens.append(text[begun..<index]) }
                start = nil
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                if character == " " || character == "\t" || character == "," || character == "\r"
                    || character == "\n"
                {
                    if let begun = start { tokens.append(text[begun..<index]) }
                    start = nil
                } else if start == nil {
                    start = index
                }
            }
            index = text.index(after: index)
        }
        if let begun = start, depth == 0 { tokens.append(text[begun...]) }
        // `12 Nov 2026 10:00:00 +0100` may also arrive as `…10:00:00+0100`.
        var split: [Substring] = []
        for token in tokens {
            if token.contains(":"), let sign = token.lastIndex(where: { $0 == "+" || $0 == "-" }),
                sign != token.startIndex
            {
                split.append(token[..<sign])
                split.append(token[sign...])
            } else {
                split.append(token)
            }
        }
        return split
    }

    private static func smallNumber(_ token: Substring) -> Int? {
        guard !token.isEmpty, token.count <= 4, token.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Int(token)
    }

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    private static func monthNumber(_ token: Substring) -> Int? {
        let name = token.prefix(3).lowercased()
        guard token.count >= 3, token.allSatisfy({ $0.isLetter || $0 == "." }),
            let index = months.firstIndex(of: name)
        else { return nil }
        return index + 1
    }

    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        // Not in RFC 5322, but written by European mailers.
        "cet": 60, "cest": 120, "met": 60, "mest": 120, "bst": 60, "wet": 0, "west": 60,
        "eet": 120, "eest": 180,
    ]

    /// A zone as minutes east of UTC.
    private static func zoneOffset(_ token: Substring) -> Int? {
        if let first = token.first, first == "+" || first == "-" {
            let digits = token.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(digits)
            else { return nil }
            let minutes = value / 100 * 60 + value % 100
            guard value / 100 <= 23, value % 100 <= 59 else { return nil }
            return first == "-" ? -minutes : minutes
        }
        let name = token.lowercased()
        if let minutes = namedZones[name] { return minutes }
        // Military zones: RFC 5322 section 4.3 says to read them as -0000.
        if name.count == 1, let letter = name.first, letter.isLetter, letter != "j" { return 0 }
        return nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
