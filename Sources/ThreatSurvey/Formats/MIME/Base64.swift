/// The base64 transfer encoding (RFC 2045 section 6.8), decoded leniently.
///
/// Attachments arrive in base64 wrapped at 76 columns; some mailers forget the padding, add
/// spaces, or append a signature after the data. As RFC 2045 asks, characters outside the
/// alphabet are ignored; decoding stops at the padding `=`, and a final incomplete group of
/// two or three characters still yields its bytes.
public enum Base64 {
    /// Decodes base64 text, ignoring line breaks and any other non-alphabet bytes.
    ///
    /// - Complexity: O(n).
    public static func decode(_ bytes: [UInt8]) -> [UInt8] { decode(bytes[...]) }

    /// Decodes base64 text, ignoring line breaks and any other non-alphabet bytes.
    ///
    /// Concrete, not generic: a part's body is a slice of the file, and this is the hot loop.
    ///
    /// - Complexity: O(n).
    public static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var count = 0
        for byte in bytes {
            if byte == 0x3D {
                // Padding ends the data; a later group (concatenated encodings) is rare enough
                // that reading on would only risk turning trailing junk into bytes.
                if count >= 2 { break }
                continue
            }
            guard let value = sextet(byte) else { continue }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                count = 0
            }
        }
        if count == 2 {
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        } else if count == 3 {
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: return byte - 0x41
        case 0x61...0x7A: return byte - 0x61 + 26
        case 0x30...0x39: return byte - 0x30 + 52
        case 0x2B, 0x2D: return 62  // `+`, and `-` of the URL-safe alphabet
        case 0x2F, 0x5F: return 63  // `/`, and `_`
        default: return nil
        }
    }
}
