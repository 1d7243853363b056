import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Outlook .msg")
struct OutlookMessageTests {
    static let folder = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/office-corpus/msg"

    /// The corpus file names with what extract-msg saw in each (expected.json).
    static func expectations() throws -> [(String, [String: Any])] {
        let data = try #require(FileManager.default.contents(atPath: folder + "/expected.json"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// extract-msg's sender string: `"Name" <address>`, `<address>`, or a bare name.
    static func expectedSender(_ text: String) -> (name: String?, address: String?) {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return (text, nil) }
        let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        var name = text[..<open].trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 {
            name = String(name.dropFirst().dropLast())
        }
        return (name.isEmpty ? nil : name, address)
    }

    @Test("every corpus message agrees with extract-msg on sender, subject, date and attachments")
    func corpusAgreesWithExtractMsg() throws {
        let expectations = try Self.expectations()
        #expect(expectations.count == 5)
        for (file, expected) in expectations {
            let message = try MailMessage.msg(bytes: TestSupport.bytes(Self.folder + "/" + file))
            let sender = Self.expectedSender(try #require(expected["sender"] as? String))
            if let name = sender.name { #expect(message.from?.name == name, "\(file)") }
            if let address = sender.address { #expect(message.from?.address == address, "\(file)") }
            // extract-msg keeps a trailing NUL some writers store; we strip it on purpose.
            var subject = try #require(expected["subject"] as? String)
            while subject.hasSuffix("\u{0}") { subject.removeLast() }
            #expect(message.subject == subject, "\(file)")
            let dateText = try #require(expected["date"] as? String)
            let expectedDate = try #require(Self.isoDate(dateText))
            let sent = try #require(message.sent, "\(file)")
            #expect(
                floor(sent.timeIntervalSince1970) == floor(expectedDate.timeIntervalSince1970),
                "\(file): \(sent)")
            let attachments = try #require(expected["attachments"] as? [[String: Any]])
            #expect(
                message.attachments.map(\.name) == attachments.compactMap { $0["name"] as? String },
                "\(file)")
            let sizes = message.attachments.map { attachment -> Int? in
                if case .file(let bytes) = attachment.content { return bytes.count }
                return nil
            }
            #expect(sizes == attachments.map { $0["bytes"] as? Int }, "\(file)")
        }
    }

    static func isoDate(_ text: String) -> Date? {
        // "2009-04-22T14:36:33.734375+00:00": seconds are enough.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let noFraction = text.replacingOccurrences(
            of: #"\.\d+"#, with: "", options: .regularExpression)
        return formatter.date(from: noFraction)
    }
}

extension OutlookMessageTests {
    // MARK: - Hand-built messages (CFBWriter)

    typealias F = MSGFixture
    static let sent = Date(timeIntervalSince1970: 1_767_000_000)
    static let received = Date(timeIntervalSince1970: 1_767_000_600)

    /// "Ответ Польши" in Windows-1251.
    static let cyrillic1251: [UInt8] = [
        0xCE, 0xF2, 0xE2, 0xE5, 0xF2, 0x20, 0xCF, 0xEE, 0xEB, 0xFC, 0xF8, 0xE8,
    ]

    static func message(version: Int = 3, extra: [CFBWriter.Node] = []) -> [UInt8] {
        let inner: [CFBWriter.Node] = [
            F.fixed(headerSize: 24, [F.time(0x0039, sent)]),
            F.unicode(0x0037, "Original answer"),
            F.unicode(0x0C1A, "Ministry"),
            F.unicode(0x5D01, "answers@ministry.example"),
            F.unicode(0x1000, "See the attached table."),
            F.fileAttachment(
                0, name: "answers.csv", data: Array("q,a\n1,2\n".utf8), mediaType: "text/csv"),
        ]
        let nodes: [CFBWriter.Node] = [
            F.fixed(
                headerSize: 32,
                [F.long(0x3FFD, 1251), F.time(0x0039, sent), F.time(0x0E06, received)]),
            F.string8(0x0037, cyrillic1251),
            F.string8(0x0C1A, cyrillic1251),
            F.unicode(0x0C1E, "SMTP"),
            F.unicode(0x0C1F, "delegation@pl.example"),
            F.string8(0x1000, cyrillic1251 + Array("\r\n".utf8)),
            F.recipient(0, name: "Secretariat", address: "secretariat@council.example"),
            F.recipient(1, name: "Copy", address: "copy@council.example", type: 2),
            F.fileAttachment(
                0, name: "table.xlsx", data: [UInt8](repeating: 7, count: 5000),
                mediaType: "Application/VND.test"),
            F.messageAttachment(1, name: "Fwd: Original answer", message: inner),
        ]
        return CFBWriter(version: version).write(nodes + extra).bytes
    }

    @Test(
        "a hand-built message: 8-bit strings in its code page, recipients, times, attachments, an embedded message",
        arguments: [3, 4])
    func handBuiltMessage(version: Int) throws {
        let message = try MailMessage.msg(bytes: Self.message(version: version))
        #expect(message.subject == "Ответ Польши")
        #expect(message.from == MailAddress(name: "Ответ Польши", address: "delegation@pl.example"))
        #expect(message.body == "Ответ Польши\r\n")
        #expect(message.sent == Self.sent)
        #expect(message.received == Self.received)
        // Only To recipients; the Cc one is left out.
        #expect(
            message.to == [MailAddress(name: "Secretariat", address: "secretariat@council.example")]
        )
        #expect(message.notes == [])
        try #require(message.attachments.count == 2)
        #expect(message.attachments[0].name == "table.xlsx")
        #expect(message.attachments[0].mediaType == "application/vnd.test")
        #expect(message.attachments[0].content == .file([UInt8](repeating: 7, count: 5000)))
        #expect(message.attachments[1].name == "Fwd: Original answer")
        guard case .message(let inner) = message.attachments[1].content else {
            Issue.record("the forwarded message is not read as a message")
            return
        }
        #expect(inner.subject == "Original answer")
        #expect(inner.from == MailAddress(name: "Ministry", address: "answers@ministry.example"))
        #expect(inner.sent == Self.sent)
        #expect(inner.body == "See the attached table.")
        #expect(
            inner.attachments == [
                MailAttachment(
                    name: "answers.csv", mediaType: "text/csv",
                    content: .file(Array("q,a\n1,2\n".utf8)))
            ])
    }

    @Test("8-bit text in a code page Foundation cannot decode is read as Windows-1252, with a note")
    func unsupportedCodePage() throws {
        let bytes = CFBWriter().write([
            F.fixed(headerSize: 32, [F.long(0x3FFD, 20866)]),  // KOI8-R
            F.string8(0x0037, [0x41, 0xE9]),
        ]).bytes
        let message = try MailMessage.msg(bytes: bytes)
        #expect(message.subject == "Aé")
        #expect(
            message.notes == ["8-bit text read as Windows-1252: code page 20866 is not supported"])
    }

    @Test("without a plain body the HTML body is made plain, else the compressed RTF body")
    func htmlAndRTFBodies() throws {
        let html =
            "<html><head><style>p {color: red}</style></head><body><p>Threat&nbsp;1: cyber</p><p>Threat 2: floods &amp; fires</p></body></html>"
        let fromHTML = try MailMessage.msg(
            bytes: CFBWriter().write([
                F.fixed(headerSize: 32, []), F.binary(0x1013, Array(html.utf8)),
            ]).bytes)
        #expect(fromHTML.body == "Threat 1: cyber\n\nThreat 2: floods & fires")  // paragraphs apart, as HTMLText makes them
        let fromRTF = try MailMessage.msg(
            bytes: CFBWriter().write([
                F.fixed(headerSize: 32, []), F.binary(0x1009, Self.compressedRTF),
            ]).bytes)
        #expect(fromRTF.body == "test")
        let unknown = try MailMessage.msg(
            bytes: CFBWriter().write([
                F.fixed(headerSize: 32, []), F.binary(0x1009, [UInt8](repeating: 1, count: 20)),
            ]).bytes)
        #expect(unknown.body == "")
        #expect(
            unknown.notes == [
                "the body is only in compressed RTF of an unknown kind, which is not read"
            ])
    }

    /// `{\rtf1\ansi\ansicpg1252\pard test}` compressed with LZFu (the example of the
    /// `compressed_rtf` package on PyPI, which follows MS-OXRTFCP).
    static let compressedRTF: [UInt8] =
        [0x23, 0, 0, 0, 0x22, 0, 0, 0] + Array("LZFu".utf8) + [0x33, 0x5C, 0xE8, 0x74]
        + [0x03, 0x00, 0x0A, 0x00] + Array("rcpg125".utf8) + [
            0x92, 0x32, 0x0A, 0xF3, 0x20, 0x74, 0x07, 0x90, 0x74, 0x7D, 0x0F, 0x10,
        ]

    @Test("LZFu and MELA compressed RTF decompress to the RTF")
    func compressedRTFDecompresses() throws {
        #expect(CompressedRTF.preamble.count == 207)
        let rtf = try #require(CompressedRTF.decompress(Self.compressedRTF))
        #expect(String(decoding: rtf, as: UTF8.self) == #"{\rtf1\ansi\ansicpg1252\pard test}"#)
        let raw = Array(#"{\rtf1 plain}"#.utf8)
        let mela =
            [UInt8(raw.count + 12), 0, 0, 0, UInt8(raw.count), 0, 0, 0] + Array("MELA".utf8) + [
                0, 0, 0, 0,
            ] + raw
        #expect(CompressedRTF.decompress(mela) == raw)
        // A raw size past the limit stops at the limit, whatever the header says.
        var huge = Self.compressedRTF
        huge.replaceSubrange(4..<8, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(try #require(CompressedRTF.decompress(huge)).count <= CompressedRTF.maximumOutput)
    }

    @Test("the compressed RTF bodies of the corpus hold the same text as their plain bodies")
    func corpusRTFBodies() throws {
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder).sorted()
        where name.hasSuffix(".msg") {
            let file = try CompoundFile(bytes: TestSupport.bytes(Self.folder + "/" + name))
            var properties = MAPIProperties(
                file: file, storage: file.root, headerSize: 32, codePage: nil)
            guard let compressed = properties.binary(0x1009), let plain = properties.string(0x1000)
            else { continue }
            let rtf = try #require(CompressedRTF.decompress(compressed), "\(name)")
            let text = RTFText.plain(rtf, codePage: properties.codePage)
            // The first words of the plain body appear in the RTF's text.
            let words = plain.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
            #expect(!words.isEmpty, "\(name)")
            #expect(!text.contains("\u{0}"), "\(name)")
            #expect(
                text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(words),
                "\(name): \(text.prefix(300))")
            checked += 1
        }
        #expect(checked >= 2)
    }

    @Test("RTF text: code page escapes, Unicode escapes, skipped tables and HTML tags")
    func rtfText() {
        let rtf =
            #"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}{\*\htmltag19 <p>}\'cf\'ee\'eb\'fc\'f8\'e0\par \uc1\u8364?5 \{x\}}"#
        #expect(RTFText.plain(Array(rtf.utf8), codePage: nil) == "Польша\n€5 {x}")
    }

    @Test("the sender falls back to the From: of the transport headers")
    func senderFromTransportHeaders() throws {
        let headers =
            "Received: from x\r\nFrom: \"Delegation of\r\n Poland\" <pl@delegation.example>\r\nSubject: x\r\n\r\n"
        let message = try MailMessage.msg(
            bytes: CFBWriter().write([
                F.fixed(headerSize: 32, []), F.unicode(0x0C1E, "EX"),
                F.unicode(0x0C1F, "/O=EXCHANGE/CN=PL"),
                F.unicode(0x007D, headers),
            ]).bytes)
        #expect(
            message.from
                == MailAddress(name: "Delegation of Poland", address: "pl@delegation.example"))
    }

    @Test("messages nested deeper than the limit are left out with a note")
    func embeddingDepthLimit() throws {
        var nodes: [CFBWriter.Node] = [F.fixed(headerSize: 24, []), F.unicode(0x0037, "innermost")]
        for level in 0..<12 {
            nodes = [
                F.fixed(headerSize: 24, []), F.unicode(0x0037, "level \(level)"),
                F.messageAttachment(0, name: nil, message: nodes),
            ]
        }
        var message = try MailMessage.msg(bytes: CFBWriter().write(nodes).bytes)
        var depth = 0
        while case .message(let inner)? = message.attachments.first?.content {
            message = inner
            depth += 1
        }
        #expect(depth == MailMessage.maximumMSGEmbeddingDepth - 1)
        #expect(
            message.notes == [
                "a message nested more than \(MailMessage.maximumMSGEmbeddingDepth) deep was left out"
            ])
    }

    @Test("a compound file that is no message, or a damaged one, is refused with the reason")
    func refusals() throws {
        let word = CFBWriter().write([.stream("WordDocument", [1, 2, 3]), .stream("1Table", [4])])
            .bytes
        #expect(throws: MSGError.notOutlookMessage(.legacyWord)) {
            try MailMessage.msg(bytes: word)
        }
        #expect(throws: MSGError.container(.notCompoundFile)) {
            try MailMessage.msg(bytes: [UInt8](repeating: 0x41, count: 1024))
        }
        // Every corpus file is an Outlook message to the classifier.
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder)
        where name.hasSuffix(".msg") {
            #expect(
                try CompoundFile(bytes: TestSupport.bytes(Self.folder + "/" + name)).kind
                    == .outlookMessage)
        }
    }

    @Test("a damaged property stream is skipped with a note; the rest of the message is read")
    func damagedPropertyStream() throws {
        var image = CFBWriter().write([
            F.fixed(headerSize: 32, []), F.unicode(0x0037, "Subject"),
            F.binary(0x1013, [UInt8](repeating: 0x41, count: 5000)),
        ])
        let html = try #require(image.starts["__substg1.0_10130102"])
        image.setU32(99_999, at: image.fatOffset(html))
        let message = try MailMessage.msg(bytes: image.bytes)
        #expect(message.subject == "Subject")
        #expect(
            message.notes == [
                "property stream __substg1.0_10130102 skipped: compound file stream \"__substg1.0_10130102\" names sector 99999, past the end of the file"
            ])
    }
}
