// FUZZ_TARGET=mime: the mail reader and each of its decoders on arbitrary bytes.
import Foundation

func fuzzMIME(_ bytes: [UInt8]) {
    if let mail = try? MailMessage.eml(bytes: bytes) {
        precondition(mail.attachments.allSatisfy { !$0.name.isEmpty })
        precondition(mail.attachments.count <= MIMEReader.maxParts)
    }
    // The decoders alone, on the same bytes read as a header value.
    let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
    var notes: [String] = []
    _ = EncodedWord.decode(text, notes: &notes)
    _ = AddressList.parse(text, notes: &notes)
    _ = ParameterValue(text)
    _ = MailDate.parse(text)
    _ = HTMLText.plain(text)
    let qp = QuotedPrintable.decode(bytes)
    precondition(qp.count <= bytes.count)
    precondition(Base64.decode(bytes).count <= bytes.count * 3 / 4 + 3)
}
