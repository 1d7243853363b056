import Foundation

/// The test-only generator of the Outlook message in fixtures/9396-1-15-mail/inbox/
/// (no Python library writes `.msg`): Bulgaria's JSON answer as Outlook stores a received
/// mail, with its delivery time and an inline image.
enum MailFixtureWriter {
    typealias F = MSGFixture

    /// Sent 2015-09-07 23:29:10 +02:00, delivered 23:30:00 +02:00 (30 minutes before the deadline).
    static let sent = Date(timeIntervalSince1970: 1_441_661_350)
    static let delivered = Date(timeIntervalSince1970: 1_441_661_400)

    static func bulgarianMessage() -> [UInt8] {
        let json = (try? TestSupport.bytes(TestSupport.fixture("bg.json"))) ?? []
        let nodes: [CFBWriter.Node] = [
            F.fixed(headerSize: 32, [F.time(0x0039, sent), F.time(0x0E06, delivered)]),
            F.unicode(0x0037, "9396/1/15 - отговор на България / answer of Bulgaria"),
            F.unicode(0x0C1A, "Petar Ivanov"),
            F.unicode(0x0C1E, "SMTP"),
            F.unicode(0x0C1F, "petar.ivanov@bg-rep.example.org"),
            F.unicode(
                0x1000,
                "Dear colleagues,\r\n\r\nplease find attached the answer of Bulgaria.\r\n\r\nPetar Ivanov\r\n"
            ),
            F.recipient(
                0, name: "Customs Cooperation Working Party", address: "ccwp@consilium.example.eu"),
            F.fileAttachment(0, name: "bg-answers.json", data: json, mediaType: "application/json"),
            F.fileAttachment(
                1, name: "image001.png",
                data: [0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 60),
                mediaType: "image/png"),
        ]
        return CFBWriter().write(nodes).bytes
    }
}
