/// The character encodings delegations' files arrive in.
///
/// Excel on Windows writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 LE with a BOM ("Unicode
/// text"), or Windows-1252 ("CSV"); other tools write plain UTF-8. The encoding is detected,
/// never asked for, and recorded with each submission.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1252 = "Windows-1252"
}

/// Text decoded to UTF-8 bytes, with the encoding it came in.
public struct DecodedText: Sendable {
    /// The content as UTF-8, any BOM removed.
    public var utf8: [UInt8]
    /// The encoding detected.
    public var encoding: TextEncoding
}

/// Detects the encoding of a file's bytes and decodes them to UTF-8.
package enum TextDecoder {
    /// Why bytes could not be read as text.
    public enum Failure: Error, Sendable, Equatable {
        /// NUL bytes or other control bytes outside UTF-16: not a text file.
        case binary(offset: Int)
        /// A UTF-16 file with an odd number of bytes or an unpaired surrogate.
        case invalidUTF16(offset: Int)
    }

    /// Decodes `bytes`, detecting UTF-8 (with or without BOM), UTF-16 with BOM, and
    /// Windows-1252 when the bytes are not valid UTF-8.
    ///
    /// - Throws: ``Failure`` when the bytes are not text.
    /// - Complexity: O(n).
    public static func decode(_ bytes: [UInt8]) throws(Failure) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if isValidUTF8(body) {
                try rejectBinary(body, offset: 3)
                return DecodedText(utf8: body, encoding: .utf8BOM)
            }
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(
                utf8: try utf16(bytes.dropFirst(2), littleEndian: true), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(
                utf8: try utf16(bytes.dropFirst(2), littleEndian: false), encoding: .utf16BE)
        }
        if isValidUTF8(bytes) {
            try rejectBinary(bytes, offset: 0)
            return DecodedText(utf8: bytes, encoding: .utf8)
        }
        try rejectBinary(bytes, offset: 0)
        return DecodedText(utf8: windows1252ToUTF8(bytes), encoding: .windows1252)
    }

    /// Whether `bytes` are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func rejectBinary(_ bytes: some Collection<UInt8>, offset: Int) throws(Failure) {
        var position = offset
        for byte in bytes {
            // NUL and the C0 controls that never occur in text files (tab, line feed, form
            // feed, carriage return and DOS end-of-file do).
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D
                && byte != 0x1A
            {
                throw .binary(offset: position)
            }
            position += 1
        }
    }

    private static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool) throws(Failure)
        -> [UInt8]
    {
        guard body.count % 2 == 0 else { throw .invalidUTF16(offset: body.count + 1) }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i])
            let b = UInt16(body[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitIndex = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { throw .binary(offset: 2 + unitIndex * 2) }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                unitIndex += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                return out
            case .error:
                throw .invalidUTF16(offset: 2 + unitIndex * 2)
            }
        }
    }

    /// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F.
    private static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar: UInt32 =
                (0x80...0x9F).contains(byte) ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
            let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(s)).utf8))
        }
        return out
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
