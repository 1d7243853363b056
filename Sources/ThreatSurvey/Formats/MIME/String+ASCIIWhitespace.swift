extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing ASCII whitespace (space, tab, CR, LF).
    ///
    /// Header syntax only ever means these four; Foundation's `trimmingCharacters(in:)` goes
    /// through NSString on Linux and was the slowest step of reading a large header.
    ///
    /// - Complexity: O(n) in the whitespace trimmed, plus a copy of the rest.
    var trimmingASCIIWhitespace: String {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, Self.isASCIIWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard Self.isASCIIWhitespace(utf8[before]) else { break }
            end = before
        }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
