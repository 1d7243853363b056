internal import CZlib

/// One block of bytes compressed on its own as a zlib stream (RFC 1950: deflate with a header
/// and an Adler-32 check), and back: how the store keeps received originals.
///
/// Each block stands alone (no dictionary shared with the previous one), so a large original
/// kept in 4 MiB chunks is read back chunk by chunk with bounded memory. Inflating is bounded
/// by the size recorded beside the block: damaged bytes can never make the reader allocate
/// more than that, and a block that does not give back exactly that many bytes is an error,
/// not a shorter or longer original.
package enum ZlibStream {
    /// The level the store compresses originals with: 1, zlib's fastest.
    ///
    /// Measured on the 168 MB long CSV of the 1M benchmark in 4 MiB chunks: level 1 keeps
    /// 17.5 % of the size in 0.8 s, 4 keeps 14.6 % in 1.3 s, 6 (zlib's default) 13.2 % in
    /// 4.2 s. On its own thread any of them hides behind today's reader (about 10 s for that
    /// file), but only level 1 stays hidden once a submit reaches the target (1.5×
    /// DuckDB's import, about 2.3 s): then level 6 alone would take longer than the submit.
    package static let defaultLevel: Int32 = 1

    /// The raw-pointer core of ``compress(_:level:)``, private: pointers stay in this file.
    private static func compress(_ bytes: UnsafeRawBufferPointer, level: Int32) -> [UInt8]? {
        guard bytes.count > 0, let base = bytes.baseAddress else { return nil }
        let bound = Int(compressBound(uLong(bytes.count)))
        var out = [UInt8](repeating: 0, count: bound)
        var length = uLongf(bound)
        let status = out.withUnsafeMutableBufferPointer { buffer in
            compress2(
                buffer.baseAddress, &length, base.assumingMemoryBound(to: Bytef.self),
                uLong(bytes.count), level)
        }
        guard status == Z_OK, Int(length) < bytes.count else { return nil }
        out.removeSubrange(Int(length)...)
        return out
    }

    /// `bytes` compressed, or `nil` when that is not smaller than `bytes` (or zlib fails):
    /// then they are kept as they are.
    ///
    /// - Complexity: O(n) in the size of `bytes`.
    package static func compress(_ bytes: [UInt8], level: Int32 = defaultLevel) -> [UInt8]? {
        bytes.withUnsafeBytes { compress($0, level: level) }
    }

    /// The most bytes deflate can give back per compressed byte (RFC 1951: a 258-byte match
    /// in about two bits, so never quite 1032:1).
    static let maximumRatio = 1032

    /// The bytes `compressed` holds, which must be exactly `size` bytes.
    ///
    /// A recorded size above ``maximumRatio`` times the compressed bytes cannot be true and is
    /// refused before anything is inflated: a damaged store cannot make the reader expect, and
    /// so hold, more than its bytes could ever give.
    ///
    /// - Throws: ``ZlibStreamError`` when the stream is damaged, cut short, followed by other
    ///   bytes, or gives back more or fewer than `size` bytes; never more than `size` bytes are
    ///   held, whatever the input.
    /// - Complexity: O(n) in `size`.
    package static func inflate(_ compressed: [UInt8], size: Int) throws(ZlibStreamError)
        -> [UInt8]
    {
        guard size >= 0, size / maximumRatio <= compressed.count else {
            throw .sizeMismatch(recorded: size, actual: nil)
        }
        switch BoundedInflate.inflate(compressed[...], windowBits: 15, limit: size) {
        case .finished(_, trailing: true):
            throw .damaged("other bytes follow the compressed data")
        case .finished(let output, trailing: false):
            guard output.count == size else {
                throw .sizeMismatch(recorded: size, actual: output.count)
            }
            return output
        case .overLimit:
            throw .sizeMismatch(recorded: size, actual: nil)
        case .cutShort:
            throw .damaged("the compressed data is cut short")
        case .stopped(let reason), .damaged(let reason):
            throw .damaged(reason)
        }
    }
}
