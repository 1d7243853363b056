internal import Foundation

extension MailMessage {
    /// How many messages deep an attachment chain is followed: 8.
    ///
    /// A message forwarded inside a forwarded message is common; deeper nesting is either a mail
    /// loop or a hostile file, and the limit bounds the recursion. Deeper messages are left out
    /// with a note.
    public static let maximumMSGEmbeddingDepth = 8

    /// Reads an Outlook `.msg` file ([MS-OXMSG]).
    ///
    /// Sender, recipients, subject, times, body and attachments come from the MAPI properties;
    /// a message forwarded as an attachment becomes a `.message` attachment, read the same way.
    /// What could not be read exactly (a property stream damaged, 8-bit text in an unsupported
    /// code page, a body in an unknown RTF compression) is said in `notes`, never silently dropped.
    ///
    /// - Throws: ``MSGError`` when the container is damaged or is not an Outlook message.
    /// - Complexity: O(n) in the file's size.
    public static func msg(bytes: [UInt8]) throws(MSGError) -> MailMessage {
        let file: CompoundFile
        do { file = try CompoundFile(bytes: bytes) } catch { throw .container(error) }
        guard file.kind == .outlookMessage else { throw .notOutlookMessage(file.kind) }
        return readMSG(
            file: file, storage: file.root, headerSize: MAPIProperties.topLevelHeaderSize,
            codePage: nil, depth: 0)
    }

    /// Reads the message stored in `storage` (the root, or an embedded message's storage).
    static func readMSG(
        file: CompoundFile, storage: CFBDirectoryEntry, headerSize: Int, codePage: Int?, depth: Int
    ) -> MailMessage {
        var properties = MAPIProperties(
            file: file, storage: storage, headerSize: headerSize, codePage: codePage)
        var message = MailMessage()
        message.subject = properties.string(0x0037) ?? ""
        message.sent = properties.date(0x0039)
        message.received = properties.date(0x0E06)
        message.from = sender(&properties)
        message.body = body(&properties)

        var recipientStorages: [(Int, CFBDirectoryEntry)] = []
        var attachmentStorages: [(Int, CFBDirectoryEntry)] = []
        for entry in file.children(of: storage) where entry.type == .storage {
            let upper = entry.name.uppercased()
            if let number = storageNumber(upper, prefix: "__RECIP_VERSION1.0_#") {
                recipientStorages.append((number, entry))
            } else if let number = storageNumber(upper, prefix: "__ATTACH_VERSION1.0_#") {
                attachmentStorages.append((number, entry))
            }
        }
        var notes = properties.notes
        for (_, entry) in recipientStorages.sorted(by: { $0.0 < $1.0 }) {
            var recipient = MAPIProperties(
                file: file, storage: entry,
                headerSize: MAPIProperties.recipientOrAttachmentHeaderSize,
                codePage: properties.codePage)
            // PR_RECIPIENT_TYPE: 1 = To, 2 = Cc, 3 = Bcc.
            let isTo = (recipient.integer(0x0C15) ?? 1) & 0x0F == 1
            let name = recipient.nonEmptyString(0x3001)
            let address = smtpAddress(&recipient, smtp: 0x39FE, address: 0x3003, type: 0x3002)
            notes += recipient.notes
            guard isTo else { continue }
            if let address {
                message.to.append(MailAddress(name: name, address: address))
            } else if let name {
                message.to.append(MailAddress(name: name, address: ""))
                notes.append("recipient \"\(name)\" has no SMTP address in the message")
            }
        }
        for (_, entry) in attachmentStorages.sorted(by: { $0.0 < $1.0 }) {
            if let attachment = readAttachment(
                file: file, storage: entry, codePage: properties.codePage, depth: depth,
                notes: &notes)
            {
                message.attachments.append(attachment)
            }
        }
        if message.from?.address.isEmpty == true, let name = message.from?.name {
            notes.append(
                "the sender \"\(name)\" has no SMTP address in the message (an Exchange sender)")
        }
        message.notes = notes
        return message
    }

    private static func storageNumber(_ name: String, prefix: String) -> Int? {
        guard name.hasPrefix(prefix), name.count == prefix.count + 8 else { return nil }
        return Int(name.dropFirst(prefix.count), radix: 16)
    }

    /// The sender: PR_SENDER_SMTP_ADDRESS, else PR_SENDER_EMAIL_ADDRESS when its type is SMTP,
    /// else the `From:` of the transport headers, else the sent-representing SMTP address.
    private static func sender(_ properties: inout MAPIProperties) -> MailAddress? {
        let headerFrom = properties.string(0x007D).flatMap(TransportHeaders.from)
        let name =
            properties.nonEmptyString(0x0C1A) ?? headerFrom?.name
            ?? properties.nonEmptyString(0x0042)
        let address =
            smtpAddress(&properties, smtp: 0x5D01, address: 0x0C1F, type: 0x0C1E)
            ?? headerFrom?.address
            ?? smtpAddress(&properties, smtp: 0x5D02, address: 0x0065, type: 0x0064)
        // Some writers repeat the address as the display name; that is no name.
        if let address { return MailAddress(name: name == address ? nil : name, address: address) }
        return name.map { MailAddress(name: $0, address: "") }
    }

    /// An SMTP address from a `…_SMTP_ADDRESS` property, else from an `…_EMAIL_ADDRESS`
    /// property whose address type is SMTP (or absent, when the value looks like one).
    private static func smtpAddress(
        _ properties: inout MAPIProperties, smtp: UInt16, address: UInt16, type: UInt16
    ) -> String? {
        if let value = properties.nonEmptyString(smtp) { return value }
        guard let value = properties.nonEmptyString(address) else { return nil }
        let addressType = properties.nonEmptyString(type)?.uppercased()
        if addressType == "SMTP" { return value }
        if addressType == nil && value.contains("@") && !value.hasPrefix("/") { return value }
        return nil
    }

    /// The plain body, else the HTML body made plain, else the compressed RTF body made plain;
    /// 8-bit text in the body's own code page (`PR_INTERNET_CPID`).
    private static func body(_ properties: inout MAPIProperties) -> String {
        let codePage = properties.bodyCodePage
        if let text = properties.string(0x1000, codePage: codePage) { return text }
        if let bytes = properties.binary(0x1013) {
            let html =
                TextDecoder.isValidUTF8(bytes)
                ? String(decoding: bytes, as: UTF8.self)
                : properties.decode8Bit(bytes, codePage: codePage)
            return HTMLText.plain(html)
        }
        if let html = properties.string(0x1013, codePage: codePage) { return HTMLText.plain(html) }
        if let compressed = properties.binary(0x1009) {
            if let rtf = CompressedRTF.decompress(compressed) {
                return RTFText.plain(rtf, codePage: codePage)
            }
            properties.notes.append(
                "the body is only in compressed RTF of an unknown kind, which is not read")
        }
        return ""
    }

    /// One attachment: a file (PR_ATTACH_DATA_BIN) or, when PR_ATTACH_METHOD is 5, an
    /// embedded message read recursively; `nil` (with a note) when it has no readable content.
    private static func readAttachment(
        file: CompoundFile, storage: CFBDirectoryEntry, codePage: Int?, depth: Int,
        notes: inout [String]
    ) -> MailAttachment? {
        var properties = MAPIProperties(
            file: file, storage: storage,
            headerSize: MAPIProperties.recipientOrAttachmentHeaderSize,
            codePage: codePage)
        defer { notes += properties.notes }
        let name =
            properties.nonEmptyString(0x3707) ?? properties.nonEmptyString(0x3704)
            ?? properties.nonEmptyString(0x3001)
        let mediaType = properties.nonEmptyString(0x370E)?.lowercased()
        let method = properties.integer(0x3705)
        if method == 5, let embedded = file.child(named: "__substg1.0_3701000D", of: storage),
            embedded.type == .storage
        {
            guard depth + 1 < maximumMSGEmbeddingDepth else {
                notes.append(
                    "a message nested more than \(maximumMSGEmbeddingDepth) deep was left out")
                return nil
            }
            let inner = readMSG(
                file: file, storage: embedded, headerSize: MAPIProperties.embeddedHeaderSize,
                codePage: properties.codePage, depth: depth + 1)
            let title = name ?? (inner.subject.isEmpty ? "message" : inner.subject)
            return MailAttachment(
                name: title, mediaType: mediaType ?? "message/rfc822", content: .message(inner))
        }
        guard let data = properties.binary(0x3701) else {
            notes.append(
                "attachment \"\(name ?? "unnamed")\" has no data the reader can use (attach method \(method.map(String.init) ?? "unknown"))"
            )
            return nil
        }
        return MailAttachment(
            name: name ?? "attachment", mediaType: mediaType, content: .file(data))
    }
}
