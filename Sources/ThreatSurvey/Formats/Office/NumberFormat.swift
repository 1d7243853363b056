/// How a spreadsheet number is shown: as a number, a date, a date and time, or a time of day.
///
/// Excel stores dates as day numbers and tells them apart from numbers only by the cell's
/// number format (`styles.xml`), so the reader must classify formats the way Excel displays
/// them: the built-in formats 14–22 and 45–47, and custom codes containing day, month or year
/// (`dd/mm/yyyy`) or hour and second (`hh:mm`) parts outside quotes and brackets.
/// See ECMA-376 Part 1, 18.8.30 (numFmt) and 18.8.31 (numFmts).
enum NumberFormat: Sendable, Hashable {
    /// A plain number.
    case number
    /// A calendar date: shown `YYYY-MM-DD`.
    case date
    /// A date with a time: `YYYY-MM-DD HH:MM:SS`, or `YYYY-MM-DD` at midnight.
    case dateTime
    /// A time of day or a duration: `HH:MM:SS` (hours beyond 24 for durations).
    case time

    /// The kind of built-in format `id` (ECMA-376 18.8.30 lists 14–22 and 45–47 as dates and
    /// times).
    static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 14...17: return .date
        case 18...21, 45...47: return .time
        case 22: return .dateTime
        default: return .number
        }
    }

    /// The kind of the custom format `code` (only its first section, the one for positive
    /// numbers, is looked at).
    ///
    /// - Complexity: O(code length).
    static func classify(_ code: String) -> NumberFormat {
        var hasDate = false
        var hasTime = false
        var hasMonthOrMinute = false
        var inQuote = false
        var inBracket = false
        var escaped = false
        for c in code.unicodeScalars {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if c == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                // [h], [mm], [ss]: elapsed time; anything else ([Red], [$-409]) is not a part.
                if c == "]" {
                    inBracket = false
                } else if c == "h" || c == "H" || c == "s" || c == "S" {
                    hasTime = true
                }
                continue
            }
            switch c {
            case ";": break
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case "d", "D", "y", "Y": hasDate = true
            case "m", "M": hasMonthOrMinute = true
            case "h", "H", "s", "S": hasTime = true
            default: break
            }
            if c == ";" { break }
        }
        if hasDate || (hasMonthOrMinute && !hasTime) { return hasTime ? .dateTime : .date }
        return hasTime ? .time : .number
    }

    /// The text of serial number `serial` in this format; `nil` when the number is outside the
    /// calendar (negative, after 9999-12-31), for the caller to show it as a number.
    ///
    /// - Parameter date1904: the workbook counts days from 1904-01-01 instead of 1900-01-00.
    func text(serial: Double, date1904: Bool) -> String? {
        guard self != .number, serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let seconds = Int((serial * 86_400).rounded())
        var day = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let clock =
            Self.two(secondOfDay / 3600) + ":" + Self.two(secondOfDay / 60 % 60) + ":"
            + Self.two(secondOfDay % 60)
        switch self {
        case .time:
            let hours = seconds / 3600
            return (hours < 10 ? "0" : "") + String(hours) + clock.dropFirst(2)
        case .date, .dateTime:
            if date1904 {
                day += -24_107  // 1904-01-01 is day -24,107 from 1970-01-01
            } else {
                // Excel counts 1900-02-29, which never was: serials before it are one day later.
                if day > 0 && day < 60 { day += 1 }
                day += -25_569  // 1899-12-30
            }
            let date = Self.civil(daysFrom1970: day)
            return self == .dateTime && secondOfDay != 0 ? date + " " + clock : date
        case .number:
            return nil
        }
    }

    /// `YYYY-MM-DD` for a day count from 1970-01-01 (proleptic Gregorian; H. Hinnant's
    /// `civil_from_days`).
    static func civil(daysFrom1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(m) + "-"
            + two(d)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// A number as a plain decimal: `1` not `1.0`, `0.1` not `1e-01`, the shortest digits that
    /// read back as the same double, never an exponent.
    ///
    /// - Complexity: O(number of digits) (at most about 330).
    static func plain(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // The shortest round-trip form ("1.2345e-05", "1e+16", "1234567890123456.0"), its
        // exponent then spelled out as zeros.
        var text = Array(value.description.utf8)
        let negative = text.first == UInt8(ascii: "-")
        if negative { text.removeFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
            text.removeSubrange(e...)
        }
        let dot = text.firstIndex(of: UInt8(ascii: ".")) ?? text.count
        var digits = text
        if dot < digits.count { digits.remove(at: dot) }
        var point = dot + exponent
        if point <= 0 {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 1 - point), at: 0)
            point = 1
        } else if point > digits.count {
            digits += repeatElement(UInt8(ascii: "0"), count: point - digits.count)
        }
        var end = digits.count
        while end > point, digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        var start = 0
        while start < point - 1, digits[start] == UInt8(ascii: "0") { start += 1 }
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        out += digits[start..<point]
        if end > point {
            out.append(UInt8(ascii: "."))
            out += digits[point..<end]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number in `text` as a plain decimal, or `nil` when `text` is not a finite decimal
    /// number (`NaN`, `inf` and hexadecimal are not numbers here). Spaces around it are allowed.
    static func plain(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 }),
            let last = utf8.lastIndex(where: { $0 != 0x20 })
        else {
            return nil
        }
        let body = utf8[first...last]
        guard body.count <= 64,
            body.allSatisfy({
                ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 43 || $0 == 45 || $0 == 101 || $0 == 69
            }),
            let value = Double(String(decoding: body, as: UTF8.self)), value.isFinite
        else { return nil }
        return plain(value)
    }
}
