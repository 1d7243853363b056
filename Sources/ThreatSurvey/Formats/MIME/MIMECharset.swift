public import Foundation

/// The IANA charset names mail declares, mapped to the encodings Foundation decodes here.
///
/// Mail says its charset in `Content-Type: text/plain; charset=…` and in every RFC 2047 encoded
/// word. Only names whose decoding was checked on Linux (every byte of each single-byte table
/// compared with Python's codecs, a sample of each multi-byte one) are mapped; an unknown or
/// unsupported charset is read as Latin-1, which never fails, and the reader says so in a note.
/// Like browsers (WHATWG Encoding), `iso-8859-1` and `us-ascii` are read as Windows-1252, the
/// superset mailers actually write under those labels.
public enum MIMECharset {
    /// Names (lower case, after the aliases in ``normalized(_:)``) and their encodings.
    ///
    /// The raw values above 0x8000_0000 are CoreFoundation encodings as NSString encodings, the
    /// same numbers on Darwin and Linux.
    static let encodings: [String: String.Encoding] = [
        "utf-8": .utf8,
        "us-ascii": .windowsCP1252,
        "iso-8859-1": .windowsCP1252,
        "iso-8859-2": .isoLatin2,
        "iso-8859-3": coreFoundation(0x0203),
        "iso-8859-4": coreFoundation(0x0204),
        "iso-8859-5": coreFoundation(0x0205),
        "iso-8859-6": coreFoundation(0x0206),
        "iso-8859-7": coreFoundation(0x0207),
        "iso-8859-8": coreFoundation(0x0208),
        "iso-8859-9": coreFoundation(0x0209),
        "iso-8859-10": coreFoundation(0x020A),
        "iso-8859-11": coreFoundation(0x020B),
        "iso-8859-13": coreFoundation(0x020D),
        "iso-8859-14": coreFoundation(0x020E),
        "iso-8859-15": coreFoundation(0x020F),
        "iso-8859-16": coreFoundation(0x0210),
        "windows-874": coreFoundation(0x041D),
        "windows-1250": .windowsCP1250,
        "windows-1251": .windowsCP1251,
        "windows-1252": .windowsCP1252,
        "windows-1253": .windowsCP1253,
        "windows-1254": .windowsCP1254,
        "windows-1255": coreFoundation(0x0505),
        "windows-1256": coreFoundation(0x0506),
        "windows-1257": coreFoundation(0x0507),
        "windows-1258": coreFoundation(0x0508),
        "koi8-r": coreFoundation(0x0A02),
        "koi8-u": coreFoundation(0x0A08),
        "ibm850": coreFoundation(0x0410),
        "utf-16": .utf16,
        "utf-16be": .utf16BigEndian,
        "utf-16le": .utf16LittleEndian,
        "utf-32": .utf32,
        "utf-32be": .utf32BigEndian,
        "utf-32le": .utf32LittleEndian,
        "utf-7": coreFoundation(0x0400_0100),
        "gb2312": coreFoundation(0x0930),
        "gb18030": coreFoundation(0x0632),
        "big5": coreFoundation(0x0A03),
        "euc-kr": coreFoundation(0x0940),
        "shift_jis": .shiftJIS,
        "iso-2022-jp": .iso2022JP,
    ]

    /// Other spellings of the names above.
    private static let aliases: [String: String] = [
        "utf8": "utf-8", "ascii": "us-ascii", "ansi_x3.4-1968": "us-ascii", "us": "us-ascii",
        "latin1": "iso-8859-1", "l1": "iso-8859-1", "latin2": "iso-8859-2",
        "latin3": "iso-8859-3", "latin4": "iso-8859-4", "cyrillic": "iso-8859-5",
        "arabic": "iso-8859-6", "greek": "iso-8859-7", "hebrew": "iso-8859-8",
        "latin5": "iso-8859-9", "latin6": "iso-8859-10", "tis-620": "iso-8859-11",
        "latin7": "iso-8859-13", "latin8": "iso-8859-14", "latin9": "iso-8859-15",
        "latin-9": "iso-8859-15", "latin10": "iso-8859-16", "cp874": "windows-874",
        "cp850": "ibm850", "utf16": "utf-16", "utf32": "utf-32", "gbk": "gb18030",
        "cp936": "gb18030", "x-gbk": "gb18030", "big5-hkscs": "big5", "cp949": "euc-kr",
        "ks_c_5601-1987": "euc-kr", "sjis": "shift_jis", "shift-jis": "shift_jis",
        "x-sjis": "shift_jis", "windows-31j": "shift_jis", "cp932": "shift_jis",
        "ucs-2": "utf-16",
    ]

    private static func coreFoundation(_ value: UInt) -> String.Encoding {
        String.Encoding(rawValue: 0x8000_0000 | value)
    }

    /// The canonical lower-case name for `name`: quotes, an RFC 2231 language suffix
    /// (`utf-8*en`) and spelling variants (`ISO8859-1`, `iso_8859-1`, `cp1252`, `x-cp1250`)
    /// removed.
    public static func normalized(_ name: String) -> String {
        let isQuote = { (character: Character) in character == "\"" || character == "'" }
        var text = String(
            name.trimmingASCIIWhitespace.lowercased().drop(while: isQuote).reversed()
                .drop(while: isQuote).reversed())
        if let star = text.firstIndex(of: "*") { text = String(text[..<star]) }
        if text.hasPrefix("x-"), aliases[text] == nil, encodings[text] == nil {
            text.removeFirst(2)
        }
        if let alias = aliases[text] { return alias }
        for prefix in ["iso8859-", "iso_8859-", "iso8859_", "iso-8859_"]
        where text.hasPrefix(prefix) {
            return "iso-8859-" + text.dropFirst(prefix.count).prefix(while: { $0.isNumber })
        }
        if text.hasPrefix("iso-8859-") {
            return "iso-8859-" + text.dropFirst(9).prefix(while: { $0.isNumber })
        }
        if text.hasPrefix("cp125") { return "windows-" + text.dropFirst(2) }
        return text
    }

    /// The encoding for a declared charset name, or `nil` when it is unknown or unsupported.
    public static func encoding(named name: String) -> String.Encoding? {
        encodings[normalized(name)]
    }

    /// Decodes `bytes` in the charset `name`, never failing.
    ///
    /// A missing charset means US-ASCII (RFC 2045), read as UTF-8 when the bytes are UTF-8 and
    /// as Windows-1252 otherwise. Bytes invalid in the declared charset are read leniently
    /// (UTF-8 with replacement characters, a single-byte table with U+FFFD for undefined
    /// bytes, Latin-1 otherwise); an unknown charset is read as Latin-1.
    ///
    /// - Returns: the text and, when the reader had to guess, a note saying what it did.
    /// - Complexity: O(n).
    public static func decode(_ array: [UInt8], charset name: String?)
        -> (text: String, note: String?)
    {
        if array.allSatisfy({ $0 < 0x80 }) && !(name.map(isWide) ?? false) {
            return (String(decoding: array, as: UTF8.self), nil)
        }
        guard let name, !name.trimmingASCIIWhitespace.isEmpty else {
            if let text = String(validating: array, as: UTF8.self) { return (text, nil) }
            return (
                String(data: Data(array), encoding: .windowsCP1252) ?? latin1(array),
                "8-bit text without a charset read as Windows-1252"
            )
        }
        let canonical = normalized(name)
        guard let encoding = encodings[canonical] else {
            return (latin1(array), "unknown charset \"\(name)\" read as Latin-1")
        }
        if canonical == "us-ascii", let text = String(validating: array, as: UTF8.self) {
            return (text, nil)
        }
        if let text = String(data: Data(array), encoding: encoding) { return (text, nil) }
        if encoding == .utf8 {
            return (
                String(decoding: array, as: UTF8.self),
                "bytes invalid in UTF-8 replaced with U+FFFD"
            )
        }
        if isWide(canonical) || !singleByte(canonical) {
            return (latin1(array), "bytes invalid in \(canonical) read as Latin-1")
        }
        guard let table = byteTables[canonical] else {
            return (latin1(array), "bytes invalid in \(canonical) read as Latin-1")
        }
        var text = ""
        for byte in array { text += table[Int(byte)] }
        return (text, "bytes undefined in \(canonical) replaced with U+FFFD")
    }

    /// Byte-by-byte tables of the single-byte charsets, U+FFFD for undefined bytes: built once,
    /// on first use, so bytes a charset leaves undefined never cost more than a lookup.
    private static let byteTables: [String: [String]] = {
        var tables: [String: [String]] = [:]
        for (name, encoding) in encodings where singleByte(name) {
            tables[name] = (0...255).map {
                String(data: Data([UInt8($0)]), encoding: encoding) ?? "\u{FFFD}"
            }
        }
        return tables
    }()

    /// Bytes read as ISO 8859-1: each byte is the code point of the same value.
    public static func latin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    private static func isWide(_ name: String) -> Bool {
        let canonical = normalized(name)
        return canonical.hasPrefix("utf-16") || canonical.hasPrefix("utf-32")
            || canonical == "utf-7" || canonical == "iso-2022-jp"
    }

    private static func singleByte(_ canonical: String) -> Bool {
        canonical.hasPrefix("iso-8859-") || canonical.hasPrefix("windows-")
            || canonical.hasPrefix("koi8") || canonical == "ibm850" || canonical == "us-ascii"
    }
}
