public import Foundation

/// A forwarded message quoted in a mail's body: its sender, date and subject as the
/// forwarding program wrote them, and its text.
///
/// A delegation's answer often reaches the officer forwarded inline by a colleague, after
/// the deadline; the contract ("Intake rules added", Forwarded answers) counts it at the
/// forwarded message's Date, so the quoted header block must be read, not cut away as a
/// quote. The forward is recognised by the line that starts it:
///
/// - an explicit forward line, in English and the common EU languages
///   (`-------- Forwarded Message --------` (Thunderbird), `---------- Forwarded message
///   ---------` (Gmail), `Begin forwarded message:` (Apple Mail), `Weitergeleitete Nachricht`,
///   `Message transféré`, `Messaggio inoltrato`, `Mensaje reenviado`, …);
/// - Outlook's block (`From: … Sent: … To: … Subject:`, in its languages: `Von:`/`Gesendet:`,
///   `De :`/`Envoyé :`, …), after a line of underscores or `-----Original Message-----` or
///   alone, only when the mail's subject says it is a forward (`FW:`, `Fwd:`, `WG:`, `TR:`,
///   `I:`, `RV:`, …): the same block starts a reply's quote, which is never the answer.
///
/// The header block must name a sender or a date; a date without a zone is read in the
/// forward's own zone (``MailMessage/sentZoneMinutes``), else in Brussels time, and the
/// receipt says so.
public struct QuotedForward: Sendable, Hashable {
    /// The forwarded message's sender, when its header block names one (an address may be
    /// missing: `From: Eleni Papadopoulou`).
    public var from: MailAddress?
    /// When the forwarded message was sent, as its quoted header block says.
    public var sent: Date?
    /// The date as written in the body (shown when it cannot be read).
    public var dateText: String?
    /// The forwarded message's subject, as quoted.
    public var subject: String
    /// The forwarded message's text: the lines after its header block.
    public var text: String
    /// The 1-based line of the body the forward starts on.
    public var line: Int
    /// What the reader inferred (a zone-less date read in a zone).
    public var notes: [String]

    /// Lines examined after the forward line for the header block.
    static let maximumHeaderLines = 12

    /// The first forward quoted in `body`, or `nil` when there is none.
    ///
    /// - Parameters:
    ///   - body: the mail's text body.
    ///   - subject: the mail's subject, which tells a forward from a reply for Outlook's block.
    ///   - zoneMinutes: the forward's own zone, for a quoted date without one.
    /// - Returns: the forward, or `nil` when the body quotes none.
    /// - Complexity: O(n) in the body's length.
    public static func find(in body: String, subject: String, zoneMinutes: Int?) -> QuotedForward? {
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let isForward = hasForwardPrefix(subject)
        for (index, raw) in lines.enumerated() where raw.utf8.count <= ReplyCut.maximumMarkerLength
        {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            var start: Int
            if isForwardLine(trimmed) {
                start = index + 1
            } else if raw != "-- ", raw != "--", ReplyCut.isMarker(raw) {
                // Outlook's separator before its From/Sent block starts a forward only when the
                // subject says so; otherwise it, like `On … wrote:`, starts a reply's quote.
                guard isForward else { return nil }
                start = index + 1
            } else if isForward, label(of: trimmed).map(fromLabels.contains) == true {
                start = index
            } else {
                continue
            }
            while start < lines.count, lines[start].allSatisfy(\.isWhitespace) { start += 1 }
            guard
                var forward = headerBlock(
                    lines, from: start, line: index + 1, zoneMinutes: zoneMinutes)
            else { continue }
            forward.line = index + 1
            return forward
        }
        return nil
    }

    /// Reads the header block starting at `start`, and the text after it.
    private static func headerBlock(
        _ lines: [Substring], from start: Int, line: Int, zoneMinutes: Int?
    ) -> QuotedForward? {
        var from: MailAddress?
        var dateText: String?
        var subject = ""
        var index = start
        var sawField = false
        while index < lines.count, index - start < maximumHeaderLines {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { break }
            guard let name = label(of: trimmed), let colon = trimmed.firstIndex(of: ":") else {
                // A long `To:` wrapped onto the next line.
                if sawField, lines[index].first?.isWhitespace == true {
                    index += 1
                    continue
                }
                break
            }
            sawField = true
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
            if fromLabels.contains(name), from == nil {
                from = address(value)
            } else if dateLabels.contains(name), dateText == nil {
                dateText = value
            } else if subjectLabels.contains(name), subject.isEmpty {
                subject = value
            }
            index += 1
        }
        guard from != nil || dateText != nil else { return nil }
        var notes: [String] = []
        var sent: Date?
        if let dateText {
            if let read = QuotedForward.date(dateText, zoneMinutes: zoneMinutes) {
                sent = read.date
                if let note = read.note { notes.append(note) }
            } else {
                notes.append("the forwarded message's date \"\(dateText)\" cannot be read")
            }
        }
        while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        let text = lines[index...].joined(separator: "\n")
        return QuotedForward(
            from: from, sent: sent, dateText: dateText, subject: subject, text: text, line: line,
            notes: notes)
    }

    /// `Name <address>`, `Name [mailto:address]`, `address`, or a name alone.
    private static func address(_ value: String) -> MailAddress? {
        let cleaned = value.replacingOccurrences(of: "[mailto:", with: "<")
            .replacingOccurrences(of: "]", with: ">")
            .replacingOccurrences(of: "*", with: "")
        var ignored: [String] = []
        if let parsed = AddressList.parse(cleaned, notes: &ignored).first,
            parsed.address.contains("@")
        {
            return parsed
        }
        let name = value.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : MailAddress(name: name, address: "")
    }

    /// The lower-cased label of a `Label: value` line (`de :` as French writes it), if any.
    static func label(of line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "*"))
        guard !name.isEmpty, name.count <= 30,
            name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "'" || $0 == "-" })
        else { return nil }
        return name.lowercased()
    }

    /// Whether a subject marks a forward (`FW:`, `Fwd:`, `WG:`, `TR:`, …).
    ///
    /// Only the first prefix counts: `RE: FW: …` is a reply to a forward, whose quote is not
    /// the answer.
    static func hasForwardPrefix(_ subject: String) -> Bool {
        let trimmed = subject.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else { return false }
        let prefix = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        return forwardPrefixes.contains(prefix)
    }

    /// Whether a trimmed line is an explicit forward line of a mail program.
    static func isForwardLine(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard lower.count <= 80 else { return false }
        let core = lower.trimmingCharacters(in: CharacterSet(charactersIn: "-—–_ =*"))
        return forwardLines.contains(core)
            || forwardLines.contains(core.trimmingCharacters(in: CharacterSet(charactersIn: " :")))
    }

    static let forwardPrefixes: Set<String> = [
        "fw", "fwd", "wg", "tr", "i", "rv", "enc", "doorst", "pd", "vs", "vl", "vb", "tov", "fs",
        "πρθ", "προωθ",
    ]
    /// Forward lines (lower case, without their dashes).
    static let forwardLines: Set<String> = [
        "forwarded message", "original message follows", "begin forwarded message",
        "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
        "message transféré", "message transfere", "début du message réexpédié",
        "début du message transféré", "messaggio inoltrato", "inizio messaggio inoltrato",
        "mensaje reenviado", "comienzo del mensaje reenviado", "mensagem encaminhada",
        "início da mensagem reencaminhada", "doorgestuurd bericht",
        "begin doorgestuurd bericht", "wiadomość przekazana dalej", "przekazana wiadomość",
        "přeposlaná zpráva", "preposlaná správa", "välitetty viesti", "vidarebefordrat meddelande",
        "videresendt meddelelse", "videresendt melding", "továbbított üzenet",
        "προωθημένο μήνυμα", "препратено съобщение", "mesaj redirecționat",
        "mesaj redirectionat", "posredovano sporočilo", "proslijeđena poruka",
        "edasisaadetud kiri", "pārsūtīta ziņa", "persiųstas laiškas", "messaġġ mibgħut",
        "teachtaireacht curtha ar aghaidh",
    ]
    static let fromLabels: Set<String> = [
        "from", "von", "de", "da", "van", "od", "från", "fra", "lähettäjä", "feladó",
        "remitente", "mittente", "expéditeur", "afzender", "nadawca", "από", "от", "de la",
        "saatja", "no", "nuo", "mingħand", "ó",
    ]
    static let dateLabels: Set<String> = [
        "date", "sent", "datum", "gesendet", "envoyé", "envoyé le", "date d'envoi", "enviado el",
        "data", "inviato",
        "enviado", "enviada", "fecha", "verzonden", "wysłano", "wysłany", "skickat", "sendt",
        "lähetetty", "päivämäärä", "elküldve", "dátum", "odesláno", "odoslané", "ημερομηνία",
        "στάλθηκε", "изпратено", "дата", "trimis", "poslano", "saadetud", "nosūtīts",
        "išsiųsta", "mibgħut", "seolta",
    ]
    static let subjectLabels: Set<String> = [
        "subject", "betreff", "objet", "oggetto", "asunto", "assunto", "onderwerp", "temat",
        "ämne", "emne", "aihe", "tárgy", "předmět", "predmet", "θέμα", "тема", "subiect",
        "zadeva", "teema", "tēma", "tema", "suġġett", "ábhar",
    ]
}
