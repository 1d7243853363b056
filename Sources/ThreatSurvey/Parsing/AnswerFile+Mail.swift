import Foundation

extension AnswerFile {
    /// How far into a file without a mail extension its headers are looked for (16 KiB).
    public static let mailSniffBytes = 16 << 10

    /// Whether a file is a mail, which `submit` takes apart (its answer attachments, else its
    /// body) instead of reading it as prose: named `.eml`/`.msg`; or, when its extension is
    /// not one answers come in (`.txt`, `.csv`, `.json` … are never mail), an Outlook
    /// Compound File, or a text whose first lines are all mail headers, among them `From:`
    /// and one of `Date:`, `Subject:`, `Received:`, `Message-ID:`.
    ///
    /// - Complexity: O(1): at most ``mailSniffBytes`` are examined (and a Compound File's
    ///   directory).
    public static func looksLikeMail(name: String, bytes: [UInt8]) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        if ext == "eml" || ext == "msg" { return true }
        if ["csv", "tsv", "tab", "txt", "text", "md", "json"].contains(ext)
            || foreignFormats[ext] != nil
        {
            return false
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return (try? CompoundFile(bytes: bytes).kind) == .outlookMessage
        }
        let head = String(decoding: bytes.prefix(mailSniffBytes), as: UTF8.self)
        var names: Set<String> = []
        var ended = false
        // Any line break ("\r\n" is one Character in Swift, so not "\n" alone).
        for plain in head.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if plain.isEmpty {
                ended = true
                break
            }
            if plain.first == " " || plain.first == "\t" { continue }
            guard let colon = plain.firstIndex(of: ":") else { return false }
            let field = plain[..<colon]
            guard !field.isEmpty, field.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else { return false }
            names.insert(field.lowercased())
        }
        return ended && names.contains("from")
            && !names.isDisjoint(with: ["date", "subject", "received", "message-id"])
    }

    /// A mail handed to the answer reader itself: it is the intake's to take apart.
    static func mailDiagnostic(_ name: String) -> Diagnostic {
        Diagnostic(
            file: name,
            message:
                "this is a mail; submit takes it apart (its answer attachments, else its body), "
                + "it is not read as one answer")
    }
}
