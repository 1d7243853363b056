internal import CZlib

extension ZipArchive {
    /// Bytes inflated per zlib call: the most a bomb can make the reader allocate past a limit.
    static let inflateChunk = 64 << 10

    /// Inflates the raw deflate stream `compressed` (RFC 1951) of `entry`, stopping at the first
    /// byte beyond the declared size or the ratio limit.
    ///
    /// - Complexity: O(n) in the entry's sizes.
    static func inflate(_ compressed: ArraySlice<UInt8>, entry: ZipEntry) throws(ZipError)
        -> [UInt8]
    {
        var stream = z_stream()
        // -15: a raw deflate stream (no zlib header), 32 KiB window.
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            throw .corruptData(name: entry.name, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, inflateChunk * 16))
        var chunk = [UInt8](repeating: 0, count: inflateChunk)
        var failure: ZipError?
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
            stream.avail_in = uInt(input.count)  // ≤ 4 GiB: the size came from a 32-bit field
            chunk.withUnsafeMutableBufferPointer { out in
                while true {
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = out.count - Int(stream.avail_out)
                    if produced > entry.uncompressedSize - output.count {
                        failure = .sizeMismatch(
                            name: entry.name, declared: entry.uncompressedSize, actual: Int.max)
                        return
                    }
                    output.append(contentsOf: out[0..<produced])
                    let consumed = input.count - Int(stream.avail_in)
                    let excess = output.count - compressionRatioAllowance
                    if excess > 0, excess / maximumCompressionRatio > consumed {
                        failure = .limitExceeded(
                            limit:
                                "compression ratio above \(maximumCompressionRatio):1 (a zip bomb?)",
                            name: entry.name)
                        return
                    }
                    switch status {
                    case Z_STREAM_END:
                        return
                    case Z_OK:
                        continue
                    case Z_BUF_ERROR where stream.avail_in == 0:
                        failure = .corruptData(
                            name: entry.name, reason: "the compressed data is cut short")
                        return
                    default:
                        let reason =
                            stream.msg.map { String(cString: $0) } ?? "inflate status \(status)"
                        failure = .corruptData(name: entry.name, reason: reason)
                        return
                    }
                }
            }
        }
        if let failure { throw failure }
        if output.count != entry.uncompressedSize {
            throw .sizeMismatch(
                name: entry.name, declared: entry.uncompressedSize, actual: output.count)
        }
        return output
    }
}
