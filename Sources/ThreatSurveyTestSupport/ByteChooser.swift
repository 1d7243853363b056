/// Turns fuzz bytes into choices: each call consumes a byte or a few, and past the end every
/// choice is the first one, so any input, however short, describes a whole consultation.
///
/// Small mutations of the input change a few choices, which is what lets a coverage-guided
/// fuzzer walk from one consultation to a slightly different one.
package struct ByteChooser {
    private let bytes: [UInt8]
    private var position = 0
    /// Whether the file being written takes hostile values (set per file by its writer).
    package var hostile = false

    /// A chooser over `bytes`.
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next byte, or 0 past the end.
    package mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    package mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let wide = Int(byte()) << 8 | Int(byte())
        return wide % bound
    }

    /// One element of `choices`, which must not be empty.
    package mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }

    /// Up to `limit` of the next bytes, taken as they are (a raw cell, a raw name).
    ///
    /// - Complexity: O(`limit`).
    package mutating func raw(upTo limit: Int) -> [UInt8] {
        let count = min(below(limit + 1), max(0, bytes.count - position))
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }
}
