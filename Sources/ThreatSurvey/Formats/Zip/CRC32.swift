internal import CZlib

/// The CRC-32 (ISO 3309, as zip uses it) of some bytes, computed by the system zlib.
///
/// Every inflated entry is checked against the CRC its archive declares, so a damaged file is
/// reported as damaged instead of read as slightly wrong text.
enum CRC32 {
    /// The CRC-32 of `bytes`.
    ///
    /// - Complexity: O(n).
    static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        let value = bytes.withContiguousStorageIfAvailable { buffer -> UInt in
            var crc: UInt = 0
            var rest = UnsafeRawBufferPointer(buffer)
            // zlib takes a 32-bit length: feed at most 1 GiB at a time.
            while !rest.isEmpty {
                let n = min(rest.count, 1 << 30)
                crc = crc32(crc, rest.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(n))
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            }
            return crc
        }
        if let value { return UInt32(truncatingIfNeeded: value) }
        return checksum(Array(bytes))
    }
}
