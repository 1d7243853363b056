extension ZipArchive {
    /// Inflates the raw deflate stream `compressed` (RFC 1951) of `entry`, stopping at the first
    /// byte beyond the declared size or the ratio limit (``BoundedInflate``).
    ///
    /// - Complexity: O(n) in the entry's sizes.
    static func inflate(_ compressed: ArraySlice<UInt8>, entry: ZipEntry) throws(ZipError)
        -> [UInt8]
    {
        let outcome = BoundedInflate.inflate(
            compressed, windowBits: -15, limit: entry.uncompressedSize
        ) { produced, consumed in
            let excess = produced - compressionRatioAllowance
            guard excess > 0, excess / maximumCompressionRatio > consumed else { return nil }
            return "compression ratio above \(maximumCompressionRatio):1 (a zip bomb?)"
        }
        switch outcome {
        case .finished(let output, _):
            if output.count != entry.uncompressedSize {
                throw .sizeMismatch(
                    name: entry.name, declared: entry.uncompressedSize, actual: output.count)
            }
            return output
        case .overLimit:
            throw .sizeMismatch(name: entry.name, declared: entry.uncompressedSize, actual: Int.max)
        case .stopped(let limit):
            throw .limitExceeded(limit: limit, name: entry.name)
        case .cutShort:
            throw .corruptData(name: entry.name, reason: "the compressed data is cut short")
        case .damaged(let reason):
            throw .corruptData(name: entry.name, reason: reason)
        }
    }
}
