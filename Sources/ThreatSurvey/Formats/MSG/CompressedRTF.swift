/// Decompresses Outlook's compressed RTF body (PR_RTF_COMPRESSED, [MS-OXRTFCP] "LZFu").
///
/// Many messages written by Outlook keep their body only as compressed RTF; without it the
/// officer would see an empty answer. The format is a small LZ77 variant over a 4 KiB ring
/// dictionary primed with a fixed RTF preamble.
enum CompressedRTF {
    /// The largest decompressed body produced: 16 MiB.
    ///
    /// The header's raw size is not trusted (each 2-byte reference can expand to 17 bytes); output
    /// stops at the smaller of the two.
    static let maximumOutput = 16 << 20

    /// The dictionary's initial content ([MS-OXRTFCP] §3.1.1.1.1), 207 bytes.
    static let preamble = Array(
        ("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern "
            + "\\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0"
            + "\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").utf8)

    private static let compressed: UInt32 = 0x7546_5A4C  // "LZFu"
    private static let uncompressed: UInt32 = 0x414C_454D  // "MELA"

    /// The RTF bytes, or `nil` when the header is neither LZFu nor MELA.
    ///
    /// - Complexity: O(n + output), output at most ``maximumOutput``.
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 16 else { return nil }
        let reader = CFBByteReader(bytes: bytes)
        let rawSize = min(Int(reader.u32(4)), maximumOutput)
        let type = reader.u32(8)
        if type == uncompressed { return Array(bytes[16..<min(bytes.count, 16 + rawSize)]) }
        guard type == compressed else { return nil }
        var dictionary = [UInt8](repeating: 0, count: 4096)
        dictionary.replaceSubrange(0..<preamble.count, with: preamble)
        var write = preamble.count
        var out: [UInt8] = []
        out.reserveCapacity(min(rawSize, bytes.count * 8))
        var position = 16
        while position < bytes.count && out.count < rawSize {
            let control = bytes[position]
            position += 1
            for bit in 0..<8 {
                guard position < bytes.count, out.count < rawSize else { return out }
                if control & (1 << bit) == 0 {
                    let byte = bytes[position]
                    position += 1
                    out.append(byte)
                    dictionary[write] = byte
                    write = (write + 1) & 0xFFF
                    continue
                }
                guard position + 1 < bytes.count else { return out }
                let word = Int(bytes[position]) << 8 | Int(bytes[position + 1])
                position += 2
                let offset = word >> 4
                // A reference to the write position itself ends the stream.
                if offset == write { return out }
                for index in 0..<((word & 0xF) + 2) where out.count < rawSize {
                    let byte = dictionary[(offset + index) & 0xFFF]
                    out.append(byte)
                    dictionary[write] = byte
                    write = (write + 1) & 0xFFF
                }
            }
        }
        return out
    }
}
