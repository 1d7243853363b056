import Foundation

/// A structured header value with parameters: `text/plain; charset="utf-8"`,
/// `attachment; filename*=UTF-8''na%C3%AFve.xlsx`.
///
/// `Content-Type` and `Content-Disposition` say what a part is and what the file is called.
/// Parameter values may be tokens or quoted strings (RFC 2045), and may carry a charset and
/// be split into numbered sections (RFC 2231): `filename*0*=UTF-8''na%C3`, `filename*1=ve.xlsx`.
/// Parameter names are case-insensitive and stored lower-cased; the first of a repeated
/// parameter wins. Leniently, an unquoted value runs to the next `;` (spaces included).
public struct ParameterValue: Sendable, Hashable {
    /// The value before the first `;`, trimmed (`text/plain`, `attachment`), lower-cased.
    public var value: String
    /// The parameters, names lower-cased, RFC 2231 sections joined and decoded.
    public var parameters: [String: String]
    /// Notes on charsets read by guessing.
    public var notes: [String]

    /// The largest RFC 2231 section number read; later sections are ignored.
    public static let maxSection = 999

    /// Parses a header value.
    ///
    /// - Complexity: O(n + k log k) for n bytes and k parameter sections.
    public init(_ header: String) {
        let bytes = Array(header.utf8)
        var index = 0
        while index < bytes.count, bytes[index] != 0x3B, bytes[index] != 0x28 { index += 1 }
        value = String(decoding: bytes[0..<index], as: UTF8.self)
            .trimmingASCIIWhitespace.lowercased()
        // Skip a comment after the value, then the rest of the value up to `;`.
        while index < bytes.count, bytes[index] != 0x3B { index += 1 }
        // name → sections (number, encoded, raw bytes)
        var sectioned: [String: [(number: Int, encoded: Bool, bytes: [UInt8])]] = [:]
        var order: [String] = []
        var seenSections = Set<String>()
        var plain: [String: String] = [:]
        while index < bytes.count {
            index += 1  // the `;`
            while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
            let nameStart = index
            while index < bytes.count, bytes[index] != 0x3D, bytes[index] != 0x3B { index += 1 }
            let rawName = String(decoding: bytes[nameStart..<index], as: UTF8.self)
                .trimmingASCIIWhitespace.lowercased()
            guard index < bytes.count, bytes[index] == 0x3D else { continue }
            index += 1
            while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
            var raw: [UInt8] = []
            if index < bytes.count, bytes[index] == 0x22 {
                index += 1
                while index < bytes.count, bytes[index] != 0x22 {
                    if bytes[index] == 0x5C, index + 1 < bytes.count { index += 1 }
                    raw.append(bytes[index])
                    index += 1
                }
                index += 1
                while index < bytes.count, bytes[index] != 0x3B { index += 1 }
            } else {
                let start = index
                while index < bytes.count, bytes[index] != 0x3B { index += 1 }
                var end = index
                while end > start, Self.isBlank(bytes[end - 1]) { end -= 1 }
                raw = Array(bytes[start..<end])
            }
            guard !rawName.isEmpty else { continue }
            // RFC 2231: name*  name*N  name*N*
            var name = rawName
            var encoded = false
            var number = 0
            var isSectioned = false
            if name.hasSuffix("*") {
                encoded = true
                name.removeLast()
            }
            if let star = name.lastIndex(of: "*") {
                let digits = name[name.index(after: star)...]
                if !digits.isEmpty, digits.count <= 3,
                    digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                    let parsed = Int(digits)
                {
                    number = parsed
                    isSectioned = true
                    name = String(name[..<star])
                }
            }
            if encoded || isSectioned {
                guard number <= Self.maxSection else { continue }
                if sectioned[name] == nil { order.append(name) }
                guard seenSections.insert("\(name)*\(number)").inserted else { continue }
                sectioned[name, default: []].append((number, encoded, raw))
            } else if plain[name] == nil {
                plain[name] = String(decoding: raw, as: UTF8.self)
            }
        }
        var notes: [String] = []
        for name in order {
            guard let sections = sectioned[name]?.sorted(by: { $0.number < $1.number }) else {
                continue
            }
            var charset: String?
            var joined: [UInt8] = []
            for (position, section) in sections.enumerated() {
                guard section.encoded else {
                    joined += section.bytes
                    continue
                }
                var text = section.bytes[...]
                if position == 0 {
                    // charset'language'value
                    if let first = text.firstIndex(of: 0x27),
                        let second = text[(first + 1)...].firstIndex(of: 0x27)
                    {
                        charset = String(decoding: text[..<first], as: UTF8.self)
                        text = text[(second + 1)...]
                    }
                }
                joined += Self.percentDecoded(text)
            }
            let decoded = MIMECharset.decode(joined, charset: charset ?? "utf-8")
            if let note = decoded.note { notes.append("parameter \(name): \(note)") }
            // An RFC 2231 value wins over a plain one of the same name (RFC 2231 section 4).
            plain[name] = decoded.text
        }
        parameters = plain
        self.notes = notes
    }

    /// The parameter `name` (case-insensitive).
    public subscript(name: String) -> String? { parameters[name.lowercased()] }

    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x25, index + 2 < bytes.endIndex,
                let high = QuotedPrintable.hexValue(bytes[index + 1]),
                let low = QuotedPrintable.hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
