import Foundation

/// Builds the streams of an Outlook message ([MS-OXMSG]) as `CFBWriter` nodes.
enum MSGFixture {
    typealias Node = CFBWriter.Node

    static func tagName(_ id: UInt16, _ type: UInt16) -> String {
        "__substg1.0_" + String(format: "%04X%04X", id, type)
    }

    /// A PT_UNICODE property stream (UTF-16LE).
    static func unicode(_ id: UInt16, _ text: String) -> Node {
        .stream(tagName(id, 0x001F), text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    /// A PT_STRING8 property stream (bytes in the message's code page).
    static func string8(_ id: UInt16, _ bytes: [UInt8]) -> Node {
        .stream(tagName(id, 0x001E), bytes)
    }

    /// A PT_BINARY property stream.
    static func binary(_ id: UInt16, _ bytes: [UInt8]) -> Node {
        .stream(tagName(id, 0x0102), bytes)
    }

    /// `__properties_version1.0`: a header of `headerSize` zero bytes, then 16-byte records.
    static func fixed(headerSize: Int, _ properties: [(id: UInt16, type: UInt16, value: UInt64)])
        -> Node
    {
        var bytes = [UInt8](repeating: 0, count: headerSize)
        for property in properties {
            let tag = UInt32(property.id) << 16 | UInt32(property.type)
            bytes += (0..<4).map { UInt8(truncatingIfNeeded: tag >> (8 * UInt32($0))) }
            bytes += [6, 0, 0, 0]  // flags: readable, writable
            bytes += (0..<8).map { UInt8(truncatingIfNeeded: property.value >> (8 * UInt64($0))) }
        }
        return .stream("__properties_version1.0", bytes)
    }

    static func long(_ id: UInt16, _ value: Int) -> (id: UInt16, type: UInt16, value: UInt64) {
        (id, 0x0003, UInt64(UInt32(truncatingIfNeeded: value)))
    }

    /// A PT_SYSTIME value: FILETIME ticks of 100 ns since 1601-01-01.
    static func time(_ id: UInt16, _ date: Date) -> (id: UInt16, type: UInt16, value: UInt64) {
        (id, 0x0040, UInt64((date.timeIntervalSince1970 + 11_644_473_600) * 10_000_000))
    }

    /// A recipient storage.
    static func recipient(_ number: Int, name: String, address: String, type: Int = 1) -> Node {
        .storage(
            String(format: "__recip_version1.0_#%08X", number),
            [
                fixed(headerSize: 8, [long(0x0C15, type)]),
                unicode(0x3001, name), unicode(0x39FE, address),
            ])
    }

    /// A file attachment storage.
    static func fileAttachment(_ number: Int, name: String, data: [UInt8], mediaType: String? = nil)
        -> Node
    {
        var nodes = [
            fixed(headerSize: 8, [long(0x3705, 1)]), unicode(0x3707, name), binary(0x3701, data),
        ]
        if let mediaType { nodes.append(unicode(0x370E, mediaType)) }
        return .storage(String(format: "__attach_version1.0_#%08X", number), nodes)
    }

    /// An attachment storage holding an embedded message (attach method 5).
    static func messageAttachment(_ number: Int, name: String?, message: [Node]) -> Node {
        var nodes = [
            fixed(headerSize: 8, [long(0x3705, 5)]), .storage("__substg1.0_3701000D", message),
        ]
        if let name { nodes.append(unicode(0x3001, name)) }
        return .storage(String(format: "__attach_version1.0_#%08X", number), nodes)
    }
}
