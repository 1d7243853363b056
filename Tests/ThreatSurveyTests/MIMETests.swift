import Foundation
import Testing

@testable import ThreatSurvey

/// The mail fixtures, written by Python's `email` package (`Resources/mail/make_fixtures.py`)
/// and read back by Python's parser into `python-email.json` (`crosscheck.py`).
enum MailFixtures {
    static var folder: String { TestSupport.root + "/Tests/ThreatSurveyTests/Resources/mail" }

    static func read(_ name: String) throws -> MailMessage {
        try MailMessage.eml(bytes: TestSupport.bytes(folder + "/" + name))
    }

    static func date(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }
}

@Suite("Mail files")
struct MailFileTests {
    @Test func frenchAnswerWithNonASCIIAttachmentNames() throws {
        let mail = try MailFixtures.read("fr-attachment.eml")
        #expect(
            mail.from
                == MailAddress(name: "Délégation française", address: "delegation@rpfrance.eu"))
        #expect(
            mail.to == [
                MailAddress(name: "Secrétariat", address: "secretariat@consilium.europa.eu"),
                MailAddress(name: "Dupont, Marie", address: "marie.dupont@example.fr"),
            ])
        #expect(mail.subject == "Réponse au questionnaire 9396/1/15")
        #expect(mail.sent == (try MailFixtures.date("2026-11-17T09:30:00+01:00")))
        // The topmost Received header is the newest hop.
        #expect(mail.received == (try MailFixtures.date("2026-11-17T09:31:12+01:00")))
        #expect(mail.body.contains("priorité 1, la cybercriminalité ; priorité 2"))
        #expect(!mail.body.contains("=C3"))
        #expect(mail.attachments.map(\.name) == ["réponse naïve.csv", "naïve.xlsx"])
        #expect(
            mail.attachments.map(\.mediaType) == [
                "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ])
        #expect(
            mail.attachments[0].content
                == .file(Array("threat,priority\ncybercrime,1\ntrafficking-human-beings,2\n".utf8)))
        let everyByte = Array((0...255).map(UInt8.init))
        #expect(mail.attachments[1].content == .file(everyByte + everyByte + everyByte + everyByte))
        #expect(mail.notes.isEmpty)
    }

    @Test func latin1EncodedWordsAndLFLineEndsWithoutMIMEVersion() throws {
        let mail = try MailFixtures.read("latin1-subject.eml")
        #expect(mail.from == MailAddress(name: "André Pirard", address: "PIRARD@vm1.ulg.ac.be"))
        #expect(mail.subject == "If you can read this you understand the example.")
        // `17 Nov 26 09:30 EST`: two-digit year, no seconds, a named zone.
        #expect(mail.sent == (try MailFixtures.date("2026-11-17T09:30:00-05:00")))
        #expect(mail.received == nil)
        #expect(mail.body == "Priorité : cybercriminalité, blanchiment.\n")
    }

    @Test func forwardedMessageIsAnAttachmentReadTheSameWay() throws {
        let mail = try MailFixtures.read("forwarded.eml")
        #expect(mail.body == "See the forwarded answer.\n")
        let forwarded = try #require(mail.attachments.first)
        #expect(mail.attachments.count == 1)
        #expect(forwarded.mediaType == "message/rfc822")
        #expect(forwarded.name == "Odpowiedź: kwestionariusz.eml")
        guard case .message(let inner) = forwarded.content else {
            Issue.record("expected an embedded message, got \(forwarded.content)")
            return
        }
        #expect(inner.from == MailAddress(name: "Polish delegation", address: "pl@mfa.gov.pl"))
        #expect(inner.subject == "Odpowiedź: kwestionariusz")
        #expect(inner.body == "Zagrożenia: cyberprzestępczość, handel ludźmi.\n")
        #expect(inner.attachments.map(\.name) == ["pl.csv"])
        #expect(inner.attachments.first?.content == .file(Array("threat\ncybercrime\n".utf8)))
    }

    @Test func htmlOnlyBodyIsMadePlain() throws {
        let mail = try MailFixtures.read("html-only.eml")
        #expect(mail.from?.name == "Ministère de l'Intérieur")
        #expect(
            mail.body == """
                Nos priorités :

                - Cybercriminalité
                - Traite des êtres humains

                Cordialement,
                La délégation & l'équipe
                """)
        #expect(mail.attachments.isEmpty)
    }

    @Test func outlookMailWithNameOnlyInContentType() throws {
        let mail = try MailFixtures.read("outlook.eml")
        // Raw Windows-1252 bytes in the header (Python shows U+FFFD there).
        #expect(
            mail.from
                == MailAddress(
                    name: "Müller, Jürgen (AA)", address: "juergen.mueller@auswaertiges-amt.de"))
        #expect(mail.subject == "Antwort – Fragebogen")
        // The plain alternative wins over the HTML one.
        #expect(
            mail.body
                == "Sehr geehrte Damen und Herren,\n\nanbei unsere Antwort – Priorität: Cyberkriminalität.\n"
        )
        #expect(mail.attachments.map(\.name) == ["Antwort_Fragebogen_Übersicht.xlsx"])
        // Received folded over two lines; its date is after the last `;`.
        #expect(mail.received == (try MailFixtures.date("2026-11-19T10:15:42+01:00")))
        #expect(mail.sent == (try MailFixtures.date("2026-11-19T09:15:40Z")))
    }

    @Test func continuationsGroupsAndMissingCloseDelimiter() throws {
        let mail = try MailFixtures.read("continuations.eml")
        #expect(mail.from == MailAddress(name: "Ireland", address: "answers@dfa.ie"))
        #expect(mail.to.map(\.address) == ["a@x.eu", "b@y.eu", "c@z.eu"])
        #expect(mail.to[1].name == "B, the second")
        #expect(mail.subject == "Café crème")
        #expect(mail.body == "Answers attached.")
        #expect(mail.attachments.map(\.name) == ["réponse finale.json"])
        #expect(mail.attachments.first?.content == .file(Array("{\"delegation\": \"IE\"}\n".utf8)))
        #expect(mail.notes.contains { $0.contains("not closed by \"--frontier--\"") })
    }

    /// Every fixture read as Python's `email` parser reads it (`python-email.json`), except
    /// where Python shows U+FFFD for raw 8-bit header bytes that this reader decodes.
    @Test func pythonAgrees() throws {
        let data = try #require(
            FileManager.default.contents(atPath: MailFixtures.folder + "/python-email.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(expected.count == 6)
        for (name, value) in expected {
            let summary = try #require(value as? [String: Any])
            try compare(try MailFixtures.read(name), summary, file: name)
        }
    }

    private func compare(_ mail: MailMessage, _ python: [String: Any], file: String) throws {
        if let from = python["from"] as? [String: Any] {
            #expect(mail.from?.address == from["address"] as? String, "\(file)")
            if let name = from["name"] as? String, !name.contains("\u{FFFD}") {
                #expect(mail.from?.name == name, "\(file)")
            }
        }
        let to = try #require(python["to"] as? [[String: Any]])
        #expect(mail.to.map(\.address) == to.compactMap { $0["address"] as? String }, "\(file)")
        #expect(mail.to.map(\.name) == to.map { $0["name"] as? String }, "\(file)")
        #expect(mail.subject == python["subject"] as? String, "\(file)")
        #expect(mail.sent?.timeIntervalSince1970 == python["sent"] as? Double, "\(file)")
        #expect(mail.received?.timeIntervalSince1970 == python["received"] as? Double, "\(file)")
        if let body = python["body"] as? String { #expect(mail.body == body, "\(file)") }
        let attachments = try #require(python["attachments"] as? [[String: Any]])
        #expect(mail.attachments.count == attachments.count, "\(file)")
        for (ours, theirs) in zip(mail.attachments, attachments) {
            #expect(ours.mediaType == theirs["mediaType"] as? String, "\(file)")
            if let name = theirs["name"] as? String { #expect(ours.name == name, "\(file)") }
            switch ours.content {
            case .file(let bytes):
                #expect(
                    SHA256.hex(of: bytes) == theirs["sha256"] as? String, "\(file): \(ours.name)")
            case .message(let inner):
                try compare(
                    inner, try #require(theirs["message"] as? [String: Any]),
                    file: file + " » " + ours.name)
            }
        }
    }
}
