import Foundation
import Testing

@testable import ThreatSurvey

/// Each documented limit of the MIME reader: a mail at the limit is read, one past it is
/// refused with an error saying what and where.
@Suite("MIME limits and errors")
struct MIMELimitTests {
    private func read(_ text: String) throws(MIMEError) -> MailMessage {
        try MailMessage.eml(bytes: Array(text.utf8))
    }

    private let top = "From: a@x.eu\r\nSubject: s\r\n"

    @Test func headerBytes() throws {
        // Lines of 1,000 bytes, each a field: the limit falls in the middle of line 3 + n.
        let filler = "X-Filler: " + String(repeating: "x", count: 988) + "\r\n"  // 1,000 bytes
        let under =
            top + String(repeating: filler, count: MIMEReader.maxHeaderBytes / 1_000 - 1)
            + "\r\nbody"
        #expect(try read(under).body == "body")
        let over =
            top + String(repeating: filler, count: MIMEReader.maxHeaderBytes / 1_000 + 1)
            + "\r\nbody"
        let error = try #require(throws: MIMEError.self) { try read(over) }
        guard case .headerTooLarge(let line, let limit) = error else {
            Issue.record("expected headerTooLarge, got \(error)")
            return
        }
        #expect(limit == MIMEReader.maxHeaderBytes)
        // 27 bytes on lines 1–2, then 1,000 per line: line 1,051 ends past 1 MiB.
        #expect(line == 1_051)
    }

    @Test func headerFields() throws {
        let fields = { (count: Int) in
            self.top + String(repeating: "X: y\r\n", count: count - 2) + "\r\nbody"
        }
        #expect(try read(fields(MIMEReader.maxHeaderFields)).body == "body")
        #expect(
            throws: MIMEError.tooManyHeaderFields(
                line: MIMEReader.maxHeaderFields + 1, limit: MIMEReader.maxHeaderFields)
        ) {
            try read(fields(MIMEReader.maxHeaderFields + 1))
        }
    }

    @Test func headerLineLength() throws {
        let line = { (length: Int) in
            "Subject: " + String(repeating: "s", count: length - 9) + "\r\n"
        }
        let atLimit = try read(
            "From: a@x.eu\r\n" + line(MIMEReader.maxHeaderLineLength) + "\r\nbody")
        #expect(atLimit.subject.count == MIMEReader.maxHeaderLineLength - 9)
        #expect(throws: MIMEError.headerLineTooLong(line: 2, limit: MIMEReader.maxHeaderLineLength))
        {
            try read("From: a@x.eu\r\n" + line(MIMEReader.maxHeaderLineLength + 1) + "\r\nbody")
        }
    }

    /// `levels` multiparts, each inside the previous, around one text part.
    private func nested(_ levels: Int) -> String {
        var text = top + "Content-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for level in 1..<levels {
            text += "--b\(level - 1)\r\nContent-Type: multipart/mixed; boundary=b\(level)\r\n\r\n"
        }
        text += "--b\(levels - 1)\r\nContent-Type: text/plain\r\n\r\ndeep\r\n"
        for level in stride(from: levels - 1, through: 0, by: -1) { text += "--b\(level)--\r\n" }
        return text
    }

    @Test func nestingDepth() throws {
        // The text part sits at depth `levels`.
        #expect(try read(nested(MIMEReader.maxNestingDepth)).body == "deep")
        let error = try #require(throws: MIMEError.self) {
            try read(nested(MIMEReader.maxNestingDepth + 1))
        }
        // 4 lines of mail header, 3 per level, the delimiter: the text part's header.
        #expect(
            error
                == .nestingTooDeep(
                    line: 6 + 3 * MIMEReader.maxNestingDepth, limit: MIMEReader.maxNestingDepth))
    }

    @Test func partCount() throws {
        let parts = { (count: Int) in
            self.top + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + String(repeating: "--b\r\n\r\npart\r\n", count: count) + "--b--\r\n"
        }
        // The mail itself counts as one part.
        // Every inline text part is the body, as mail programs show them (MailBodyChoiceTests).
        #expect(
            try read(parts(MIMEReader.maxParts - 1)).body
                == Array(repeating: "part", count: MIMEReader.maxParts - 1).joined(separator: "\n"))
        // Child k's header starts on line 6 + 3 (k - 1); child 1,000 is part 1,001.
        #expect(
            throws: MIMEError.tooManyParts(
                line: 6 + 3 * (MIMEReader.maxParts - 1), limit: MIMEReader.maxParts)
        ) {
            try read(parts(MIMEReader.maxParts))
        }
    }

    /// A message forwarded `depth` times.
    private func forwarded(_ depth: Int) -> String {
        var text = "From: origin@x.eu\r\nSubject: original\r\n\r\nthe answer\r\n"
        for level in 0..<depth {
            text =
                "From: f\(level)@x.eu\r\nSubject: Fwd\r\nContent-Type: message/rfc822\r\n\r\n"
                + text
        }
        return text
    }

    @Test func messageDepth() throws {
        var mail = try read(forwarded(MIMEReader.maxMessageDepth))
        for _ in 0..<MIMEReader.maxMessageDepth {
            guard case .message(let inner) = try #require(mail.attachments.first).content else {
                Issue.record("expected a forwarded message")
                return
            }
            mail = inner
        }
        #expect(mail.body == "the answer\r\n".replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(
            throws: MIMEError.messagesTooDeep(
                line: 1 + 4 * MIMEReader.maxMessageDepth, limit: MIMEReader.maxMessageDepth)
        ) {
            try read(forwarded(MIMEReader.maxMessageDepth + 1))
        }
    }

    @Test(arguments: [
        ("", 1), ("\r\n\r\nbody", 1), ("threat,priority\ncybercrime,1\n", 1),
        ("{\"delegation\": \"FR\"}", 1), ("Name: value\nOther: x\n\nbody", 1),
        ("\u{0}\u{1}binary", 1),
        ("  leading continuation\r\nFrom: a@x.eu\r\n\r\n", 1),
    ])
    func notAMail(text: String, line: Int) throws {
        let error = try #require(throws: MIMEError.self) { try read(text) }
        guard case .notAMail = error else {
            Issue.record("expected notAMail, got \(error)")
            return
        }
        #expect(error.line == line)
        #expect(
            error.diagnostic(file: "x.eml").description.hasPrefix(
                "x.eml:\(line): error: not a mail"))
    }

    @Test func guessesAreSaidInNotes() throws {
        let mail = try read(
            top + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\ncaf\u{E9}\r\n"
                + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment\r\n\r\nnotes\r\n"
                + "--b--\r\n")
        #expect(mail.body == "caf\u{C3}\u{A9}")  // the UTF-8 bytes of é, read as Latin-1
        #expect(mail.attachments.map(\.name) == ["attachment-1.txt"])
        #expect(
            mail.notes == [
                "line 6: unknown charset \"x-klingon\" read as Latin-1",
                "line 10: attachment without a name called \"attachment-1.txt\"",
            ])
    }

    @Test func lenientReading() throws {
        // LF line ends, no MIME-Version, an mbox From line, a header field with a space
        // before the colon, a part header ended by a non-field line.
        let mail = try read(
            "From someone Tue Nov 17 09:30:00 2026\nFrom : a@x.eu\nSubject: s\nContent-Type: multipart/alternative; boundary=\"q\"\n\n--q\nContent-Type: text/html\n\n<p>hi</p>\n--q--\n"
        )
        #expect(mail.from?.address == "a@x.eu")
        #expect(mail.body == "hi")
        // A multipart without boundary is read as text, said in a note.
        let noBoundary = try read(top + "Content-Type: multipart/mixed\r\n\r\ntext")
        #expect(noBoundary.body == "text")
        #expect(noBoundary.notes == ["line 1: multipart without boundary read as text"])
        // A header without the blank line: the rest is the body.
        let noBlank = try read("From: a@x.eu\nSubject: s\nHello there\n")
        #expect(noBlank.body == "Hello there\n")
        #expect(noBlank.notes == ["line 3: header ends without a blank line"])
        // An unnamed application part is kept, with a generated name.
        let unnamed = try read(
            top
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nhi\r\n--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b--\r\n"
        )
        #expect(unnamed.attachments.map(\.name) == ["attachment-1.json"])
        #expect(unnamed.attachments.first?.content == .file(Array("{}".utf8)))
        // A base64 forwarded message, and one that is not a mail (kept as a file).
        let encoded = Data("From: in@x.eu\r\nSubject: inner\r\n\r\nbody".utf8).base64EncodedString()
        let b64 = try read(
            top
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n\(encoded)\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=x.eml\r\n\r\nnot a mail\r\n--b--\r\n"
        )
        #expect(b64.attachments.map(\.name) == ["inner.eml", "x.eml"])
        #expect(b64.attachments.last?.content == .file(Array("not a mail".utf8)))
        // Received: the topmost is used.
        let received = try read(
            "Received: by b; Tue, 17 Nov 2026 10:00:00 +0000\r\nReceived: by a; Tue, 17 Nov 2026 09:00:00 +0000\r\n"
                + top + "\r\n")
        #expect(received.received == (try MailFixtures.date("2026-11-17T10:00:00Z")))
    }
}
