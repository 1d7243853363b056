internal import Foundation

/// The MAPI properties of one Outlook object (message, recipient, attachment) in a `.msg` file.
///
/// [MS-OXMSG] §2.1 keeps variable-length values (strings, binaries) as one stream each, named
/// `__substg1.0_` + the property tag in hex (`__substg1.0_0037001F` is the Unicode subject),
/// and fixed-size values (times, integers) as 16-byte records in `__properties_version1.0`,
/// after a header whose size depends on the object (§2.4.1). Values are looked up by property
/// ID, whatever type the writer chose.
struct MAPIProperties {
    /// The property-stream header size of the top-level message ([MS-OXMSG] §2.4.1.1).
    static let topLevelHeaderSize = 32
    /// The header size of an embedded message's property stream (§2.4.1.2).
    static let embeddedHeaderSize = 24
    /// The header size of a recipient's or attachment's property stream (§2.4.1.3).
    static let recipientOrAttachmentHeaderSize = 8

    // Property types ([MS-OXCDATA] §2.11.1).
    static let typeLong: UInt16 = 0x0003
    static let typeBoolean: UInt16 = 0x000B
    static let typeObject: UInt16 = 0x000D
    static let typeString8: UInt16 = 0x001E
    static let typeUnicode: UInt16 = 0x001F
    static let typeSystemTime: UInt16 = 0x0040
    static let typeBinary: UInt16 = 0x0102

    /// Variable-length values by property ID: the type and the stream's bytes.
    private var variable: [UInt16: (type: UInt16, bytes: [UInt8])] = [:]
    /// Fixed-size values by property ID: the type and the 8-byte value field.
    private var fixed: [UInt16: (type: UInt16, value: UInt64)] = [:]
    /// The code page 8-bit string properties are decoded with: `PR_MESSAGE_CODEPAGE`, else
    /// the ANSI code page of `PR_MESSAGE_LOCALE_ID`, else the enclosing message's, else
    /// `PR_INTERNET_CPID` as a last guess ([MS-OXCMSG] 2.2.1.58.6: that one describes the
    /// body only, so a German subject of a message whose body is Cyrillic stays German).
    var codePage: Int?
    /// The code page of the 8-bit body (`PR_BODY`, `PR_HTML`, the RTF's default):
    /// `PR_INTERNET_CPID`, which describes exactly these, else ``codePage``.
    var bodyCodePage: Int?
    /// What was noticed while reading (unreadable streams, code page fallbacks).
    var notes: [String] = []

    /// Reads the properties stored directly in `storage`.
    ///
    /// - Parameters:
    ///   - file: the compound file that holds `storage`.
    ///   - storage: the storage of the message, recipient or attachment.
    ///   - headerSize: the `__properties_version1.0` header size for this kind of object.
    ///   - inherited: the enclosing message's code page, used when this object names none.
    /// - Complexity: O(total size of the property streams).
    init(file: CompoundFile, storage: CFBDirectoryEntry, headerSize: Int, codePage inherited: Int?)
    {
        for entry in file.children(of: storage) where entry.type == .stream {
            let upper = entry.name.uppercased()
            if upper == "__PROPERTIES_VERSION1.0" {
                readFixed(file: file, entry: entry, headerSize: headerSize)
                continue
            }
            guard upper.hasPrefix("__SUBSTG1.0_"), upper.count == 20,
                let tag = UInt32(upper.dropFirst(12), radix: 16)
            else { continue }
            let type = UInt16(tag & 0xFFFF)
            guard type == Self.typeUnicode || type == Self.typeString8 || type == Self.typeBinary
            else { continue }
            do {
                variable[UInt16(tag >> 16)] = (type, try file.contents(of: entry))
            } catch {
                notes.append("property stream \(entry.name) skipped: \(error.description)")
            }
        }
        let locale = integer(0x3FF1).flatMap(MAPICodePage.ansiCodePage(locale:))
        codePage = integer(0x3FFD) ?? locale ?? inherited ?? integer(0x3FDE)
        bodyCodePage = integer(0x3FDE) ?? codePage
    }

    private mutating func readFixed(file: CompoundFile, entry: CFBDirectoryEntry, headerSize: Int) {
        let bytes: [UInt8]
        do { bytes = try file.contents(of: entry) } catch {
            notes.append("fixed-size properties skipped: \(error.description)")
            return
        }
        let reader = CFBByteReader(bytes: bytes)
        var offset = headerSize
        while offset + 16 <= bytes.count {
            let tag = reader.u32(offset)
            fixed[UInt16(tag >> 16)] = (UInt16(tag & 0xFFFF), reader.u64(offset + 8))
            offset += 16
        }
    }

    /// A string property (Unicode or 8-bit), trailing NULs removed.
    ///
    /// Outlook and other writers sometimes count the terminating NUL in the stream; a subject
    /// that ends in U+0000 is never what the sender typed. 8-bit values are decoded with
    /// `codePage`, ``codePage`` when `nil`.
    mutating func string(_ id: UInt16, codePage given: Int? = nil) -> String? {
        guard let (type, bytes) = variable[id] else { return nil }
        var text: String
        switch type {
        case Self.typeUnicode:
            let units = stride(from: 0, to: bytes.count - 1, by: 2).map {
                UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8
            }
            text = String(decoding: units, as: UTF16.self)
        case Self.typeString8:
            text = decode8Bit(bytes, codePage: given)
        default:
            return nil
        }
        while text.unicodeScalars.last == "\0" { text.unicodeScalars.removeLast() }
        return text
    }

    /// A non-empty string property.
    mutating func nonEmptyString(_ id: UInt16) -> String? {
        string(id).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Decodes 8-bit text with this object's code page (``codePage``, or `codePage` given for
    /// the body), noting a fallback to Windows-1252.
    mutating func decode8Bit(_ bytes: [UInt8], codePage given: Int? = nil) -> String {
        let codePage = given ?? self.codePage
        let (text, fellBack) = MAPICodePage.decode(bytes, codePage: codePage)
        if fellBack {
            let note =
                codePage.map { "8-bit text read as Windows-1252: code page \($0) is not supported" }
                ?? "8-bit text read as Windows-1252: the message names no code page"
            if !notes.contains(note) { notes.append(note) }
        }
        return text
    }

    /// A binary property's bytes.
    func binary(_ id: UInt16) -> [UInt8]? {
        guard let (type, bytes) = variable[id], type == Self.typeBinary else { return nil }
        return bytes
    }

    /// A 32-bit integer property (`PT_LONG`).
    func integer(_ id: UInt16) -> Int? {
        guard let (type, value) = fixed[id], type == Self.typeLong else { return nil }
        return Int(Int32(bitPattern: UInt32(truncatingIfNeeded: value)))
    }

    /// A time property (`PT_SYSTIME`, a FILETIME: 100 ns ticks since 1601-01-01 UTC).
    func date(_ id: UInt16) -> Date? {
        guard let (type, value) = fixed[id], type == Self.typeSystemTime, value != 0 else {
            return nil
        }
        // Seconds between 1601-01-01 and 1970-01-01.
        let unixOffset = 11_644_473_600.0
        return Date(timeIntervalSince1970: Double(value) / 10_000_000 - unixOffset)
    }
}
