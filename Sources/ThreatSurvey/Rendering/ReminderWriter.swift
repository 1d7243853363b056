public import Foundation

/// Reminder drafts for Member States that have not answered: one RFC 5322 message each,
/// in English and French, never sent.
///
/// The draft opens in a mail client as a message ready to send (`X-Unsent: 1` makes Outlook
/// open it as a draft); the officer checks it, fills the recipients if no contacts were
/// given, and sends it. File names come only from validated Member State codes and the
/// questionnaire's number, so nothing a delegation wrote can choose where a file goes.
///
/// See [RFC 5322](https://www.rfc-editor.org/rfc/rfc5322) and, for the Subject,
/// [RFC 2047](https://www.rfc-editor.org/rfc/rfc2047) encoded words.
public struct ReminderWriter: Sendable {
    /// The questionnaire reminded of.
    public var questionnaire: Questionnaire
    /// The day the reminder is written for (the check's `--today`).
    public var today: CivilDate
    /// When the draft is dated.
    public var date: Date
    /// The From header (a placeholder unless the officer gives one).
    public var sender: String
    /// Addresses per Member State, if known.
    public var contacts: ContactList?

    /// The placeholder sender: a reserved `.invalid` domain, visibly to be replaced.
    public static let placeholderSender =
        "General Secretariat of the Council <secretariat@example.invalid>"

    /// Creates a writer.
    public init(
        questionnaire: Questionnaire, today: CivilDate, date: Date,
        sender: String = ReminderWriter.placeholderSender,
        contacts: ContactList? = nil
    ) {
        self.questionnaire = questionnaire
        self.today = today
        self.date = date
        self.sender = sender
        self.contacts = contacts
    }

    /// The file name for `state`'s reminder: `9396-1-15-reminder-CY.eml`.
    public func fileName(for state: MemberState) -> String {
        let stem = String(
            questionnaire.fileStem.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        return "\(stem)-reminder-\(state.code).eml"
    }

    /// The message for `state`, with CRLF line ends.
    public func message(for state: MemberState) -> String {
        let days = today.days(to: questionnaire.deadline)
        let zone = questionnaire.timeZone
        var headers: [String] = []
        headers.append("Date: " + Self.rfc5322Date(date, in: zone))
        headers.append("From: " + Self.headerSafe(sender))
        if let to = contacts?.addresses[state.code], !to.isEmpty {
            headers.append("To: " + to.joined(separator: ", "))
        }
        headers.append("Subject: " + Self.encodedWords(subject(days: days)))
        headers.append(
            "Message-ID: <\(fileName(for: state).dropLast(4)).\(today)@threatsurvey.invalid>")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=UTF-8")
        headers.append("Content-Transfer-Encoding: 8bit")
        headers.append("Content-Language: en, fr")
        headers.append("X-Unsent: 1")
        let body =
            bodyEnglish(state: state, days: days) + [""] + ["* * *", ""]
            + bodyFrench(state: state, days: days)
        let wrapped = body.flatMap { Self.wrap($0, width: 76) }
        return (headers + [""] + wrapped).joined(separator: "\r\n") + "\r\n"
    }

    /// Whether the secretariat asked questions (a questionnaire) rather than called for written
    /// comments on a paper: the reminder asks for what was asked for.
    var asksQuestions: Bool { !questionnaire.questions.isEmpty }

    func subject(days: Int) -> String {
        "Reminder / Rappel: \(questionnaire.id) – "
            + (asksQuestions ? "reply to the questionnaire" : "written comments")
            + " due \(Self.englishDate(questionnaire.deadline))"
    }

    func bodyEnglish(state: MemberState, days: Int) -> [String] {
        let when: String
        switch days {
        case 0: when = "The deadline is today."
        case 1: when = "There is 1 day left."
        case 2...: when = "There are \(days) days left."
        case -1: when = "The deadline passed 1 day ago."
        default: when = "The deadline passed \(-days) days ago."
        }
        return [
            "To the \(state.code) delegation (\(state.englishName)),",
            "",
            asksQuestions
                ? "The General Secretariat of the Council has not yet received the reply of the "
                    + "\(state.code) delegation to questionnaire \(questionnaire.id) \"\(questionnaire.title)\"."
                : "The General Secretariat of the Council has not yet received the written comments of the "
                    + "\(state.code) delegation on document \(questionnaire.id) \"\(questionnaire.title)\".",
            "",
            (asksQuestions ? "Replies were" : "Comments were")
                + " requested by \(Self.englishDate(questionnaire.deadline)) (end of day, "
                + "\(city.english) time). \(when) We would be grateful to receive "
                + "your \(asksQuestions ? "reply" : "comments") at your earliest convenience.",
            "",
            "General Secretariat of the Council",
        ]
    }

    func bodyFrench(state: MemberState, days: Int) -> [String] {
        let when: String
        switch days {
        case 0: when = "Le délai expire aujourd'hui."
        case 1: when = "Il reste 1 jour."
        case 2...: when = "Il reste \(days) jours."
        case -1: when = "Le délai a expiré il y a 1 jour."
        default: when = "Le délai a expiré il y a \(-days) jours."
        }
        return [
            "À l'attention de la délégation \(state.code) (\(state.frenchName)),",
            "",
            asksQuestions
                ? "Le Secrétariat général du Conseil n'a pas encore reçu la réponse de la délégation "
                    + "\(state.code) au questionnaire \(questionnaire.id) « \(questionnaire.title) »."
                : "Le Secrétariat général du Conseil n'a pas encore reçu les commentaires écrits de la "
                    + "délégation \(state.code) sur le document \(questionnaire.id) « \(questionnaire.title) ».",
            "",
            (asksQuestions ? "Les réponses étaient attendues" : "Les commentaires étaient attendus")
                + " pour le \(Self.frenchDate(questionnaire.deadline)) (fin de "
                + "journée, heure de \(city.french)). \(when) Nous vous serions "
                + "reconnaissants de bien vouloir nous \(asksQuestions ? "la" : "les") faire parvenir "
                + "dans les meilleurs délais.",
            "",
            "Secrétariat général du Conseil",
        ]
    }

    /// The zone's city as people write it ("Brussels" / "Bruxelles" for Europe/Brussels).
    var city: (english: String, french: String) {
        let id = questionnaire.timeZone.identifier
        let english = (id.split(separator: "/").last.map(String.init) ?? id).replacingOccurrences(
            of: "_", with: " ")
        let french =
            ["Brussels": "Bruxelles", "Luxembourg": "Luxembourg", "Strasbourg": "Strasbourg"][
                english] ?? english
        return (english, french)
    }

    static func englishDate(_ d: CivilDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October",
            "November", "December",
        ]
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }

    static func frenchDate(_ d: CivilDate) -> String {
        let months = [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre",
            "novembre", "décembre",
        ]
        return "\(d.day == 1 ? "1er" : String(d.day)) \(months[d.month - 1]) \(d.year)"
    }

    /// `Tue, 08 Sep 2015 09:00:00 +0200` (RFC 5322 §3.3).
    static func rfc5322Date(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents(
            [.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        return "\(weekdays[(c.weekday ?? 1) - 1]), "
            + String(format: "%02d", c.day ?? 1)
            + " \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + String(format: "%02d:%02d:%02d ", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            + sign + String(format: "%02d%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    /// The text as is when ASCII, else as RFC 2047 `=?UTF-8?B?…?=` words of at most 75
    /// characters, folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return headerSafe(text) }
        var words: [String] = []
        var chunk = ""
        for character in headerSafe(text) {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(
            separator: "\r\n ")
    }

    /// Header text with line breaks and other controls removed (no header injection).
    static func headerSafe(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    }

    static func wrap(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
