internal import Foundation

/// Maps the Windows code page of an Outlook message to a Foundation string encoding.
///
/// Messages written by older Outlooks keep their strings as 8-bit `PT_STRING8` properties in
/// the code page the message records (`PR_MESSAGE_CODEPAGE`, `PR_INTERNET_CPID`); a Cyrillic or
/// Greek subject is unreadable unless decoded with it.
enum MAPICodePage {
    /// The code page read when the message names none or one Foundation cannot decode.
    static let fallback = 1252

    /// The Foundation encoding for a Windows code page, or `nil` when it has none here.
    static func encoding(_ codePage: Int) -> String.Encoding? {
        switch codePage {
        case 1250: return .windowsCP1250
        case 1251: return .windowsCP1251
        case 1252: return .windowsCP1252
        case 1253: return .windowsCP1253
        case 1254: return .windowsCP1254
        case 20127: return .ascii
        case 28591: return .isoLatin1
        case 28592: return .isoLatin2
        case 932: return .shiftJIS
        case 10000: return .macOSRoman
        case 65001: return .utf8
        case 1200: return .utf16LittleEndian
        case 1201: return .utf16BigEndian
        default: return nil
        }
    }

    /// Decodes 8-bit text with the code page, Windows-1252 when it is unknown or fails.
    ///
    /// - Returns: the text, and whether the fallback was used for non-ASCII bytes.
    /// - Complexity: O(n).
    static func decode(_ bytes: [UInt8], codePage: Int?) -> (text: String, fellBack: Bool) {
        if let codePage, let encoding = encoding(codePage),
            let text = String(bytes: bytes, encoding: encoding)
        {
            return (text, false)
        }
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        if ascii { return (String(decoding: bytes, as: UTF8.self), false) }
        let text =
            String(bytes: bytes, encoding: .windowsCP1252)
            ?? String(bytes.map { Character(Unicode.Scalar($0)) })
        return (text, true)
    }
}
