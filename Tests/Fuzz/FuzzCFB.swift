// Fuzz targets `cfb` and `msg`: any bytes opened as a Compound File, then as an Outlook
// message (or a compressed RTF body); no crash, no hang, and what is returned stays inside
// the input.

/// Opens the bytes as a Compound File and reads every stream reachable from the root.
func fuzzCFB(_ bytes: [UInt8]) {
    guard let file = try? CompoundFile(bytes: bytes) else { return }
    _ = file.kind
    var pending = [file.root]
    var total = 0
    while let storage = pending.popLast() {
        for entry in file.children(of: storage) {
            precondition(entry.depth <= CompoundFile.maximumStorageDepth)
            if entry.type == .storage { pending.append(entry) }
            if let data = try? file.contents(of: entry) {
                precondition(data.count == entry.size)
                total += data.count
            }
        }
    }
    // Streams never overlap, so together they fit in the file.
    precondition(total <= bytes.count)
}

/// Reads the bytes as an Outlook message; bytes that are no compound file are read as a
/// compressed RTF body instead (LZFu, then RTF to text).
func fuzzMSG(_ bytes: [UInt8]) {
    if !bytes.starts(with: CompoundFile.signature) {
        let rtf = CompressedRTF.decompress(bytes) ?? bytes
        precondition(rtf.count <= CompressedRTF.maximumOutput)
        _ = RTFText.plain(rtf, codePage: nil)
        return
    }
    guard let message = try? MailMessage.msg(bytes: bytes) else { return }
    var pending = [message]
    var count = 0
    while let current = pending.popLast() {
        count += 1
        precondition(count <= 1 + bytes.count / 128)
        for attachment in current.attachments {
            if case .message(let inner) = attachment.content { pending.append(inner) }
        }
    }
}
