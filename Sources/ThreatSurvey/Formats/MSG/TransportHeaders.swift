/// The one header of an Outlook message's saved Internet headers (PR_TRANSPORT_MESSAGE_HEADERS)
/// the `.msg` reader needs: `From:`.
///
/// A message received from the Internet and saved by Outlook may lack the SMTP sender
/// properties but keep the headers it arrived with; their `From:` is then the only address.
enum TransportHeaders {
    /// The mailbox of the first `From:` header (unfolded), or `nil`.
    ///
    /// - Complexity: O(n).
    static func from(_ headers: String) -> MailAddress? {
        var parts: [String] = []
        for line in headers.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        {
            if !parts.isEmpty {
                // A folded line continues the header.
                if line.first == " " || line.first == "\t" {
                    parts.append(line.trimmingSpaces); continue
                }
                break
            }
            if line.isEmpty { break }
            if line.prefix(5).lowercased() == "from:" {
                parts.append(String(line.dropFirst(5)).trimmingSpaces)
            }
        }
        let value = parts.joined(separator: " ")
        guard !value.isEmpty else { return nil }
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let address = String(value[value.index(after: open)..<close]).trimmingSpaces
            var name = String(value[..<open]).trimmingSpaces
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            guard address.contains("@") else { return nil }
            return MailAddress(name: name.isEmpty ? nil : name, address: address)
        }
        let address = value.split(separator: " ").first.map(String.init) ?? value
        return address.contains("@") ? MailAddress(address: address) : nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
        var trimmed = String(String.UnicodeScalarView(scalars))
        while let last = trimmed.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            trimmed.unicodeScalars.removeLast()
        }
        return trimmed
    }
}
