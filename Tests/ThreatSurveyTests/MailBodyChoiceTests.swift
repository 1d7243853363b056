import Foundation
import Testing

@testable import ThreatSurvey

/// The body of a mail is chosen as mail programs choose it, and boundaries reused by nested
/// multiparts are read as the programs that wrote them meant (issue 17).
@Suite("Mail body choice")
struct MailBodyChoiceTests {
    static let head =
        "From: Jan Kowalski <jan.kowalski@pl-rep.example.org>\r\nTo: ccwp@consilium.example.eu\r\n"
        + "Subject: 9396/1/15\r\nDate: Mon, 07 Sep 2015 11:00:00 +0200\r\nMIME-Version: 1.0\r\n"

    /// A mail of `head`, a multipart/mixed with boundary `b`, and the given parts.
    static func mixed(_ parts: [String]) -> [UInt8] {
        let text =
            head + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + parts.map { "--b\r\n" + $0 + "\r\n" }.joined() + "--b--\r\n"
        return Array(text.utf8)
    }

    static let csv =
        "Content-Type: text/csv; name=\"pl.csv\"\r\n"
        + "Content-Disposition: attachment; filename=\"pl.csv\"\r\n\r\ndelegation,threat\r\nPL,drugs"

    @Test("a text/plain part marked inline with a file name is the body, not an attachment")
    func inlineNamedTextIsBody() throws {
        let mail = try MailMessage.eml(
            bytes: Self.mixed([
                "Content-Type: text/plain; charset=utf-8; name=\"answer.txt\"\r\n"
                    + "Content-Disposition: inline; filename=\"answer.txt\"\r\n\r\n"
                    + "Poland ranks firearms first.",
                Self.csv,
            ]))
        #expect(mail.body == "Poland ranks firearms first.")
        #expect(mail.attachments.map(\.name) == ["pl.csv"])
    }

    @Test("a text/plain part with only a name parameter is the body")
    func nameParameterOnlyIsBody() throws {
        let mail = try MailMessage.eml(
            bytes: Array(
                (Self.head
                    + "Content-Type: text/plain; charset=utf-8; name=\"body.txt\"\r\n\r\n"
                    + "Drugs matter most.\r\n").utf8))
        #expect(mail.body == "Drugs matter most.\r\n".replacingOccurrences(of: "\r", with: ""))
        #expect(mail.attachments.isEmpty)
    }

    @Test(
        "a text/plain part with Content-Disposition: attachment stays an attachment; a named inline CSV too"
    )
    func attachmentsStayAttachments() throws {
        let mail = try MailMessage.eml(
            bytes: Self.mixed([
                "Content-Type: text/plain; charset=utf-8\r\n\r\nSee attached.",
                "Content-Type: text/plain; name=\"answer.txt\"\r\n"
                    + "Content-Disposition: attachment; filename=\"answer.txt\"\r\n\r\nfirearms",
                "Content-Type: text/plain; name=\"pl.csv\"\r\n"
                    + "Content-Disposition: inline; filename=\"pl.csv\"\r\n\r\ndelegation,threat",
            ]))
        #expect(mail.body == "See attached.")
        #expect(mail.attachments.map(\.name) == ["answer.txt", "pl.csv"])
    }

    @Test(
        "a nested multipart reusing the outer boundary (Outlook Express): body and attachment both read"
    )
    func outerBoundaryReused() throws {
        let text =
            Self.head + "Content-Type: multipart/mixed; boundary=\"X\"\r\n\r\n"
            + "This is a multi-part message in MIME format.\r\n\r\n"
            + "--X\r\nContent-Type: multipart/alternative;\r\n\tboundary=\"X\"\r\n\r\n\r\n"
            + "--X\r\nContent-Type: text/plain; charset=\"iso-8859-1\"\r\n\r\nFirearms first.\r\n"
            + "--X\r\nContent-Type: text/html; charset=\"iso-8859-1\"\r\n\r\n<p>Firearms first.</p>\r\n"
            + "--X--\r\n\r\n"
            + "--X\r\nContent-Type: text/csv; name=\"pl.csv\"\r\n"
            + "Content-Disposition: attachment; filename=\"pl.csv\"\r\n\r\ndelegation,threat\r\n"
            + "--X--\r\n"
        let mail = try MailMessage.eml(bytes: Array(text.utf8))
        #expect(mail.body == "Firearms first.")
        #expect(mail.attachments.map(\.name) == ["pl.csv"])
        #expect(mail.notes.isEmpty, "\(mail.notes)")
    }

    @Test("nested multiparts sharing one inner boundary keep their last text part")
    func innerBoundaryShared() throws {
        let text =
            Self.head + "Content-Type: multipart/mixed; boundary=\"A\"\r\n\r\n"
            + "--A\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: multipart/alternative; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/plain\r\n\r\nFirearms first.\r\n"
            + "--B\r\nContent-Type: text/html\r\n\r\n<p>Firearms first.</p>\r\n"
            + "--B--\r\n"
            + "--B\r\nContent-Type: text/plain\r\n\r\nDrugs second.\r\n"
            + "--B--\r\n"
            + "--A\r\nContent-Type: text/csv\r\n"
            + "Content-Disposition: attachment; filename=\"pl.csv\"\r\n\r\ndelegation,threat\r\n"
            + "--A--\r\n"
        let mail = try MailMessage.eml(bytes: Array(text.utf8))
        #expect(mail.body == "Firearms first.\nDrugs second.")
        #expect(mail.attachments.map(\.name) == ["pl.csv"])
    }

    @Test("MIMEReader.split: a delimiter belongs to the innermost open multipart with its boundary")
    func splitInnermost() {
        let body = Array(
            ("--X\r\nContent-Type: multipart/alternative; boundary=X\r\n\r\n--X\r\n\r\na\r\n"
                + "--X--\r\n--X\r\n\r\nb\r\n--X--\r\n").utf8)
        let split = MIMEReader.split(body, range: 0..<body.count, boundary: "X")
        #expect(split.closed)
        #expect(split.parts.count == 2)
        #expect(split.parts.last.map { String(decoding: body[$0], as: UTF8.self) } == "\r\nb")
    }

    @Test("a submitted mail whose only text part is inline and named is read as its body")
    func submittedInlineNamedBody() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let text =
            Self.head
            + "Content-Type: text/plain; charset=utf-8; name=\"answer.txt\"\r\n"
            + "Content-Disposition: inline; filename=\"answer.txt\"\r\n\r\n"
            + "Poland: firearms.\r\n"
        try TestSupport.write(text, to: folder + "/pl.eml")
        let run = runCLI(
            [
                "submit", folder + "/pl.eml", "--dry-run", "--questionnaire", "9396/1/15",
                "--delegation", "PL",
            ], store: folder + "/s.sqlite")
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("pl.eml » body"))
        #expect(run.out.contains("firearms"))
    }
}
