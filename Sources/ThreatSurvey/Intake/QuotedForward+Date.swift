import Foundation

extension QuotedForward {
    /// Brussels, where the delegations' permanent representations and the secretariat are: the
    /// zone a quoted date without one is read in when the forward records none either.
    static let defaultZone = TimeZone(identifier: "Europe/Brussels") ?? Timestamp.utc

    /// The instant a quoted `Date:`/`Sent:` line names, as mail programs write it in a
    /// forward: RFC 5322 (`Mon, 7 Sep 2015 16:31:00 +0300`), Gmail (`Mon, Sep 7, 2015 at 4:31
    /// PM`), Apple Mail (`7 September 2015 at 16:31:00 EEST`), Outlook in its languages
    /// (`Monday, September 7, 2015 4:31 PM`, `Montag, 7. September 2015 16:31`, `lundi 7
    /// septembre 2015 16:31`, `lunes, 7 de septiembre de 2015 16:31`), and numeric dates
    /// read day first as everywhere else (``CivilDate/init(written:)``).
    ///
    /// - Parameters:
    ///   - text: the value after the label.
    ///   - zoneMinutes: the forward's own zone, for a date written without one.
    /// - Returns: the instant and, when the zone was inferred, a note saying how; `nil` when
    ///   the text is not a date with a time.
    /// - Complexity: O(n) in the text's length (at most ``MailDate/maxLength`` bytes read).
    static func date(_ text: String, zoneMinutes: Int?) -> (date: Date, note: String?)? {
        guard text.utf8.count <= MailDate.maxLength else { return nil }
        var day: Int?
        var month: Int?
        var year: Int?
        var civil: CivilDate?
        var clock: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        var afternoon: Bool?
        var monthWord = 0
        for raw in tokens(text) {
            let token = raw.lowercased()
            if let zone = zone(token) {
                if clock != nil { offset = zone }
                continue
            }
            if token.contains(":"), clock == nil, let read = time(token) {
                clock = read
                continue
            }
            if token == "pm" || token == "p.m." || token == "nachm." { afternoon = true; continue }
            if token == "am" || token == "a.m." || token == "vorm." { afternoon = false; continue }
            if civil == nil, let written = CivilDate(written: token) {
                civil = written
                continue
            }
            let digits = token.hasSuffix(".") ? String(token.dropLast()) : token
            if !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(digits)
            {
                if digits.count == 4 { year = year ?? number } else { day = day ?? number }
                continue
            }
            // "mar. 8 sept." (French): the longer word is the month, the shorter a day name.
            if let named = monthNumber(token), token.count > monthWord {
                month = named
                monthWord = token.count
            }
        }
        if civil == nil, let day, let month, let year {
            civil = CivilDate(year: year, month: month, day: day)
        }
        guard let civil, var clock else { return nil }
        if let afternoon {
            guard (1...12).contains(clock.hour) else { return nil }
            clock.hour = clock.hour % 12 + (afternoon ? 12 : 0)
        }
        guard clock.hour <= 23, clock.minute <= 59, clock.second <= 59 else { return nil }
        if let offset {
            let zone = TimeZone(secondsFromGMT: offset * 60) ?? Timestamp.utc
            return (
                civil.at(hour: clock.hour, minute: clock.minute, second: clock.second, in: zone),
                nil
            )
        }
        if let zoneMinutes, let zone = TimeZone(secondsFromGMT: zoneMinutes * 60) {
            return (
                civil.at(hour: clock.hour, minute: clock.minute, second: clock.second, in: zone),
                "the forwarded message's date \"\(text)\" has no zone: read in the forward's own "
                    + "(\(offsetText(zoneMinutes)))"
            )
        }
        return (
            civil.at(
                hour: clock.hour, minute: clock.minute, second: clock.second, in: defaultZone),
            "the forwarded message's date \"\(text)\" has no zone, nor has the forward: read in "
                + "Brussels time"
        )
    }

    /// Words of a date line, split on whitespace and commas, and a zone glued to a time
    /// (`16:31:00+0300`) split off.
    private static func tokens(_ text: String) -> [Substring] {
        var out: [Substring] = []
        for token in text.split(whereSeparator: {
            $0 == " " || $0 == "," || $0 == "\t" || $0 == "\u{A0}"
        }) {
            if token.contains(":"), token.first?.isNumber == true,
                let sign = token.firstIndex(where: { $0 == "+" || $0 == "-" })
            {
                out += [token[..<sign], token[sign...]]
            } else {
                out.append(token)
            }
        }
        return out
    }

    /// `+02:00` for 120 minutes.
    static func offsetText(_ minutes: Int) -> String {
        let magnitude = abs(minutes)
        return (minutes < 0 ? "-" : "+")
            + String(format: "%02d:%02d", magnitude / 60, magnitude % 60)
    }

    /// `16:31`, `16:31:05`, `16.31` is not a time (a numeric date).
    private static func time(_ token: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        return (hour, minute, parts.count == 3 ? Int(parts[2]) ?? 0 : 0)
    }

    /// A zone token's offset in minutes: `+0300`, `+03:00`, `GMT+3`, `UTC+02:00`, `GMT`, `UTC`,
    /// `Z`, and the European abbreviations (`CET`, `CEST`, `EET`, `EEST`, `WET`, `WEST`, `BST`).
    static func zone(_ token: String) -> Int? {
        let trimmed = token.trimmingCharacters(in: CharacterSet(charactersIn: "()[]"))
        if let named = namedZones[trimmed] { return named }
        var rest = trimmed[...]
        for prefix in ["gmt", "utc"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().replacingOccurrences(of: ":", with: "")
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(digits)
        else { return nil }
        let minutes = digits.count <= 2 ? value * 60 : (value / 100) * 60 + value % 100
        guard minutes <= 14 * 60 else { return nil }
        return sign == "-" ? -minutes : minutes
    }

    private static let namedZones: [String: Int] = [
        "gmt": 0, "utc": 0, "ut": 0, "z": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60,
        "cest": 120, "mez": 60, "mesz": 120, "eet": 120, "eest": 180,
    ]

    /// A month's number from its name or a prefix of at least three letters, in the
    /// languages Outlook, Thunderbird, Gmail and Apple Mail quote dates in.
    static func monthNumber(_ token: String) -> Int? {
        let word = token.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard word.count >= 3 else { return nil }
        for (number, names) in monthNames.enumerated() {
            for name in names where name == word || (word.count >= 3 && name.hasPrefix(word)) {
                return number + 1
            }
        }
        return nil
    }

    /// Month names, January first: English, German, French, Italian, Spanish, Portuguese,
    /// Dutch, Polish (nominative and genitive), Swedish/Danish.
    private static let monthNames: [[String]] = [
        [
            "january", "januar", "janvier", "gennaio", "enero", "janeiro", "januari", "styczeń",
            "stycznia",
        ],
        [
            "february", "februar", "février", "febbraio", "febrero", "fevereiro", "februari",
            "luty", "lutego",
        ],
        ["march", "märz", "mars", "marzo", "março", "maart", "marzec", "marca", "marts"],
        ["april", "avril", "aprile", "abril", "kwiecień", "kwietnia"],
        ["may", "mai", "maggio", "mayo", "maio", "mei", "maj", "maja"],
        ["june", "juni", "juin", "giugno", "junio", "junho", "czerwiec", "czerwca"],
        ["july", "juli", "juillet", "luglio", "julio", "julho", "lipiec", "lipca"],
        ["august", "août", "agosto", "augustus", "sierpień", "sierpnia", "augusti"],
        [
            "september", "septembre", "settembre", "septiembre", "setembro", "wrzesień",
            "września",
        ],
        [
            "october", "oktober", "octobre", "ottobre", "octubre", "outubro", "październik",
            "października",
        ],
        ["november", "novembre", "noviembre", "novembro", "listopad", "listopada"],
        [
            "december", "dezember", "décembre", "dicembre", "diciembre", "dezembro", "grudzień",
            "grudnia",
        ],
    ]
}
