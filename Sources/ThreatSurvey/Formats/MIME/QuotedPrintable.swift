/// The quoted-printable transfer encoding (RFC 2045 section 6.7), decoded leniently.
///
/// Mailers write most European-language text parts this way: `=E9` for a byte, `=` at the end
/// of a line for a soft line break. Real mail gets it wrong in harmless ways, so a `=` not
/// followed by two hex digits is kept as it is, lower-case hex is accepted, and whitespace
/// that transports add before a line end is removed (rule 3).
public enum QuotedPrintable {
    /// Decodes a quoted-printable body; line ends (CRLF or LF) are kept as they are.
    ///
    /// - Complexity: O(n).
    public static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] { decode(Array(bytes)) }

    /// Decodes a quoted-printable body; line ends (CRLF or LF) are kept as they are.
    ///
    /// - Complexity: O(n).
    public static func decode(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        // Trailing blanks written but not yet known to precede text (rule 3).
        var pendingBlanks: [UInt8] = []
        while index < input.count {
            let byte = input[index]
            if byte == 0x20 || byte == 0x09 {
                pendingBlanks.append(byte)
                index += 1
                continue
            }
            if byte == 0x0D || byte == 0x0A {
                pendingBlanks.removeAll()
                output.append(byte)
                index += 1
                continue
            }
            output.append(contentsOf: pendingBlanks)
            pendingBlanks.removeAll()
            guard byte == 0x3D else {
                output.append(byte)
                index += 1
                continue
            }
            // `=` then optional blanks then a line end: a soft line break.
            var next = index + 1
            while next < input.count, input[next] == 0x20 || input[next] == 0x09 { next += 1 }
            if next == input.count {
                index = next
                continue
            }
            if input[next] == 0x0A || input[next] == 0x0D {
                if input[next] == 0x0D, next + 1 < input.count, input[next + 1] == 0x0A {
                    next += 1
                }
                index = next + 1
                continue
            }
            if index + 2 < input.count, let high = hexValue(input[index + 1]),
                let low = hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        output.append(contentsOf: pendingBlanks)
        return output
    }

    /// The value of an ASCII hex digit, either case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
