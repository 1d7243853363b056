/// The byte layer of the store's packed columns: unsigned LEB128 varints and
/// length-prefixed UTF-8, written to and read from a byte array.
///
/// Reading never traps: a value cut short, longer than 9 bytes or pointing past the end
/// makes the reader return `nil`, and the caller treats the column as damaged.
struct PackedBytes {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends `value` as an unsigned LEB128 varint (1 byte below 128).
    mutating func varint(_ value: Int) {
        var v = UInt64(max(0, value))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Appends `text` as its UTF-8 length, then its bytes.
    mutating func text(_ text: String) {
        varint(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends one byte.
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Appends the bit pattern of `value`, little-endian (8 bytes).
    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    /// Empties the buffer, keeping its storage.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// A reader over packed bytes.
    struct Reader {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// Whether every byte has been read.
        var atEnd: Bool { position >= bytes.count }

        /// The next varint, or `nil` when cut short or longer than 9 bytes (63 bits: no
        /// stored value can overflow it).
        mutating func varint() -> Int? {
            var value = 0
            var shift = 0
            while position < bytes.count, shift < 63 {
                let b = bytes[position]
                position += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        /// The next length-prefixed text, or `nil` when its length runs past the end.
        mutating func text() -> String? {
            guard let length = varint(), length <= bytes.count - position else { return nil }
            let text = String(decoding: bytes[position..<position + length], as: UTF8.self)
            position += length
            return text
        }

        /// The next byte, or `nil` at the end.
        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            position += 1
            return bytes[position - 1]
        }

        /// The next 8-byte double, or `nil` when cut short.
        mutating func double() -> Double? {
            guard bytes.count - position >= 8 else { return nil }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[position + k]) << (8 * k) }
            position += 8
            return Double(bitPattern: bits)
        }
    }
}
