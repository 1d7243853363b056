// Fuzz target "zip": any bytes as a zip archive; every entry read that succeeds has its
// declared size (the bomb limits and CRC are what is exercised).
func fuzzZip(_ bytes: [UInt8]) {
    guard let archive = try? ZipArchive(bytes: bytes) else { return }
    precondition(archive.entries.count <= ZipArchive.maximumEntries)
    for entry in archive.entries {
        if let data = try? archive.data(of: entry) {
            precondition(data.count == entry.uncompressedSize)
        }
    }
}
