import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Outlook .msg")
struct OutlookMessageTests {
    static let folder = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/office-corpus/msg"

    /// The corpus file names with what extract-msg saw in each (expected.json).
    static func expectations() throws -> [(String, [String: Any])] {
        let data = try #require(FileManager.default.contents(atPath: folder + "/expected.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// extract-msg's sender string: `"Name" <address>`, `<address>`, or a bare name.
    static func expectedSender(_ text: String) -> (name: String?, address: String?) {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return (text, nil) }
        let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        var name = text[..<open].trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        return (name.isEmpty ? nil : name, address)
    }

    @Test("every corpus message agrees with extract-msg on sender, subject, date and attachments")
    func corpusAgreesWithExtractMsg() throws {
        let expectations = try Self.expectations()
        #expect(expectations.count == 5)
        for (file, expected) in expectations {
            let message = try MailMessage(msg: TestSupport.bytes(Self.folder + "/" + file))
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
            #expect(floor(sent.timeIntervalSince1970) == floor(expectedDate.timeIntervalSince1970), "\(file): \(sent)")
            let attachments = try #require(expected["attachments"] as? [[String: Any]])
            #expect(message.attachments.map(\.name) == attachments.compactMap { $0["name"] as? String }, "\(file)")
            let sizes = message.attachments.map { attachment -> Int? in
                if case .file(let bytes) = attachment.content { return bytes.count }
                return nil
            }
            #expect(sizes == attachments.map { $0["bytes"] as? Int }, "\(file)")
            print(file, message.from as Any, message.to, message.received as Any, message.notes, message.body.prefix(200))
        }
    }

    static func isoDate(_ text: String) -> Date? {
        // "2009-04-22T14:36:33.734375+00:00": seconds are enough.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let noFraction = text.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)
        return formatter.date(from: noFraction)
    }
}
