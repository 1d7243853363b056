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

    /// The Windows ANSI code page of a locale (an LCID, `PR_MESSAGE_LOCALE_ID`), by its primary
    /// language; `nil` for a language Windows keeps no ANSI code page for.
    ///
    /// A message that names no `PR_MESSAGE_CODEPAGE` wrote its 8-bit strings in the ANSI code
    /// page of the writer's locale, the system default Outlook used.
    static func ansiCodePage(locale: Int) -> Int? {
        let primary = locale & 0x3FF
        switch primary {
        case 0x05, 0x0E, 0x15, 0x18, 0x1B, 0x1C, 0x24: return 1250
        // Croatian and Serbian (Latin); Serbian (Cyrillic) is 0x0C1A.
        case 0x1A: return locale == 0x0C1A ? 1251 : 1250
        case 0x02, 0x19, 0x22, 0x23, 0x2F: return 1251
        case 0x08: return 1253
        case 0x1F: return 1254
        case 0x0D: return 1255
        case 0x01: return 1256
        case 0x25, 0x26, 0x27: return 1257
        case 0x2A: return 1258
        case 0x11: return 932
        case 0x04: return locale == 0x0404 ? 950 : 936
        case 0x12: return 949
        case 0x1E: return 874
        case 0x03, 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x0F, 0x10, 0x13, 0x14, 0x16, 0x1D, 0x2D,
            0x36, 0x38, 0x3C, 0x56:
            return 1252
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
