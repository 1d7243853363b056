internal import CZlib

/// The one inflate loop of the package, for zip entries (raw deflate) and stored originals
/// (zlib streams) alike: it never holds more than the size the caller allows, whatever the
/// input, and stops as soon as the caller's check says the output has grown out of proportion.
///
/// Both readers bound what damaged or hostile bytes can make them allocate; keeping the loop
/// in one place keeps that bound in one place.
enum BoundedInflate {
    /// How an inflate ended.
    enum Outcome {
        /// The stream ended; `trailing` says whether input was left after its end.
        case finished([UInt8], trailing: Bool)
        /// The stream would give more than the limit.
        case overLimit
        /// The caller's check stopped it (its reason).
        case stopped(String)
        /// The input ended before the stream did.
        case cutShort
        /// zlib found the data damaged (its message), or could not start.
        case damaged(String)
    }

    /// Bytes inflated per zlib call: the most damaged input can make the reader hold past a
    /// limit.
    static let step = 64 << 10

    /// Inflates `compressed` into at most `limit` bytes.
    ///
    /// - Parameters:
    ///   - compressed: the compressed bytes.
    ///   - windowBits: zlib's `windowBits`: 15 for a zlib stream (RFC 1950), -15 for raw
    ///     deflate (RFC 1951).
    ///   - limit: the most bytes the output may hold.
    ///   - check: called after each step with the bytes produced and consumed so far; a reason
    ///     returned stops the inflate (`.stopped`).
    /// - Returns: how the inflate ended, with the bytes when the stream ended.
    /// - Complexity: O(n) in the output, bounded by `limit`.
    static func inflate(
        _ compressed: ArraySlice<UInt8>, windowBits: Int32, limit: Int,
        check: (_ produced: Int, _ consumed: Int) -> String? = { _, _ in nil }
    ) -> Outcome {
        var stream = z_stream()
        guard
            inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
                == Z_OK
        else { return .damaged("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(max(limit, 0), step * 64))
        var buffer = [UInt8](repeating: 0, count: step)
        return compressed.withUnsafeBufferPointer { input in
            stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
            stream.avail_in = uInt(clamping: input.count)
            return buffer.withUnsafeMutableBufferPointer { out -> Outcome in
                while true {
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = out.count - Int(stream.avail_out)
                    if produced > limit - output.count { return .overLimit }
                    output.append(contentsOf: out[0..<produced])
                    if let reason = check(output.count, input.count - Int(stream.avail_in)) {
                        return .stopped(reason)
                    }
                    switch status {
                    case Z_STREAM_END:
                        return .finished(output, trailing: stream.avail_in != 0)
                    case Z_OK:
                        continue
                    case Z_BUF_ERROR where stream.avail_in == 0:
                        return .cutShort
                    default:
                        return .damaged(
                            stream.msg.map { String(cString: $0) } ?? "inflate status \(status)")
                    }
                }
            }
        }
    }
}
