import Foundation

extension Inspection {
    /// A date as the contract writes mail dates: ISO 8601 with an explicit offset (UTC).
    static func isoWithOffset(_ date: Date) -> String {
        let text = Timestamp.iso(date, in: Timestamp.utc)
        return text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }

    /// The `inspect --format json` shape of one file (<doc:MailAndOffice>).
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "file", value: .string(file)),
            .init(key: "kind", value: .string(kind.rawValue)),
        ]
        func add(_ key: String, _ value: JSONValue) {
            members.append(.init(key: key, value: value))
        }
        switch content {
        case .spreadsheet(let workbook):
            add(
                "sheets",
                .array(
                    workbook.sheets.map {
                        .object([
                            "name": .string($0.name),
                            "rows": .array($0.grid.rows.map(JSONValue.strings)),
                        ])
                    }))
        case .document(let document):
            add("paragraphs", .strings(document.paragraphs))
            add("tables", .array(document.tables.map { .array($0.map(JSONValue.strings)) }))
        case .mail(let message, let attachments):
            add("from", .optional(message.from.flatMap { $0.address.isEmpty ? nil : $0.address }))
            add("fromName", .optional(message.from?.name))
            add("to", .strings(message.to.map(\.address)))
            add("subject", .string(message.subject))
            add("date", .optional(message.sent.map(Self.isoWithOffset)))
            add("received", .optional(message.received.map(Self.isoWithOffset)))
            add("body", .string(message.body))
            add(
                "attachments",
                .array(
                    attachments.map {
                        var fields: [JSONValue.Member] = [
                            .init(key: "name", value: .string($0.name)),
                            .init(key: "bytes", value: .optional($0.bytes)),
                            .init(key: "sha256", value: .optional($0.sha256)),
                            .init(key: "kind", value: .string($0.kind.rawValue)),
                        ]
                        if let inner = $0.message {
                            fields.append(.init(key: "message", value: Self.json(inner)))
                        }
                        return JSONValue.object(fields)
                    }))
            // A forward quoted in the body: what decides when its answer counts as received.
            if let quoted = QuotedForward.find(
                in: message.body, subject: message.subject, zoneMinutes: message.sentZoneMinutes)
            {
                add(
                    "forwardedInBody",
                    Self.json(
                        ForwardedMessage(
                            from: quoted.from, sent: quoted.sent, subject: quoted.subject,
                            carriage: .quoted)))
            }
        case .csv(let encoding, let delimiter, let records):
            add("encoding", .string(encoding.rawValue))
            add("delimiter", .string(delimiter))
            add("records", .array(records.map(JSONValue.strings)))
        case .json(let encoding):
            add("encoding", .string(encoding.rawValue))
        case .text(let encoding, let text):
            add("encoding", .string(encoding.rawValue))
            add("text", .string(text))
        }
        return .object(members)
    }

    /// A forwarded message's sender, subject and date (`"message"` of an attachment of kind
    /// `mail`; `"forwardedInBody"`).
    static func json(_ message: ForwardedMessage) -> JSONValue {
        .object([
            "from": .optional(message.from.flatMap { $0.address.isEmpty ? nil : $0.address }),
            "fromName": .optional(message.from?.name),
            "subject": .string(message.subject),
            "date": .optional(message.sent.map(Self.isoWithOffset)),
        ])
    }

    /// Rows shown per sheet or table in the terminal summary; `--format json` has them all.
    public static let tableRowsShown = 20

    /// `inspect` of several files as a document: a readable summary per file; the JSON is the
    /// file's object for one file, an array of them for several.
    public static func document(_ inspections: [Inspection]) -> Document {
        var blocks: [Document.Block] = []
        for inspection in inspections { blocks += inspection.blocks }
        let json: JSONValue =
            inspections.count == 1 ? inspections[0].json : .array(inspections.map(\.json))
        return Document(blocks: blocks, json: json)
    }

    private static func grid(_ rows: [[String]]) -> TextTable {
        let width = rows.prefix(tableRowsShown).map(\.count).max() ?? 0
        return TextTable(
            columns: [""] + (0..<width).map { Grid.columnName($0 + 1) },
            alignments: [.right],
            rows: rows.prefix(tableRowsShown).enumerated().map {
                [String($0.offset + 1)] + $0.element
            })
    }

    private var blocks: [Document.Block] {
        var blocks: [Document.Block] = [.heading("\(file): \(kind.rawValue)")]
        func more(_ count: Int) {
            if count > Self.tableRowsShown {
                blocks.append(
                    .note("\(count - Self.tableRowsShown) more rows; --format json shows them all.")
                )
            }
        }
        switch content {
        case .spreadsheet(let workbook):
            for sheet in workbook.sheets {
                blocks.append(.text("Sheet \(sheet.name): \(sheet.grid.rows.count) rows."))
                if !sheet.grid.rows.isEmpty { blocks.append(.table(Self.grid(sheet.grid.rows))) }
                more(sheet.grid.rows.count)
            }
        case .document(let document):
            blocks.append(
                .text("\(document.paragraphs.count) paragraphs, \(document.tables.count) tables."))
            if !document.paragraphs.isEmpty {
                blocks.append(
                    .table(
                        TextTable(
                            columns: ["paragraph", "text"], alignments: [.right],
                            rows: document.paragraphs.enumerated().map {
                                [String($0.offset + 1), $0.element]
                            })))
            }
            for (index, table) in document.tables.enumerated() {
                blocks.append(.text("Table \(index + 1): \(table.count) rows."))
                if !table.isEmpty { blocks.append(.table(Self.grid(table))) }
                more(table.count)
            }
        case .mail(let message, let attachments):
            let from =
                message.from.map { sender in
                    let address = sender.address.isEmpty ? "" : "<\(sender.address)>"
                    return [sender.name ?? "", address].filter { !$0.isEmpty }.joined(
                        separator: " ")
                } ?? "(none)"
            blocks.append(
                .table(
                    TextTable(
                        columns: ["field", "value"],
                        rows: [
                            ["from", from],
                            ["to", message.to.map(\.address).joined(separator: ", ")],
                            ["subject", message.subject],
                            ["date", message.sent.map(Self.isoWithOffset) ?? "(none)"],
                            [
                                "received",
                                message.received.map(Self.isoWithOffset) ?? "(not recorded)",
                            ],
                            ["body", String(message.body.prefix(500))],
                        ])))
            if !attachments.isEmpty {
                blocks.append(
                    .table(
                        TextTable(
                            columns: ["attachment", "bytes", "kind", "sha256"],
                            alignments: [.left, .right],
                            rows: attachments.map {
                                [
                                    $0.name, $0.bytes.map(String.init) ?? "", $0.kind.rawValue,
                                    $0.sha256 ?? "",
                                ]
                            })))
            }
            // The inner message of a forward: its Date decides when the answer counts.
            for attachment in attachments {
                guard let inner = attachment.message else { continue }
                blocks.append(
                    .note(
                        "\(attachment.name): a message from \(inner.from?.shown ?? "(no sender)"), "
                            + "subject \"\(inner.subject)\", sent "
                            + (inner.sent.map(Self.isoWithOffset) ?? "(no date)")))
            }
            for note in message.notes { blocks.append(.note(note)) }
        case .csv(let encoding, let delimiter, let records):
            blocks.append(
                .text("\(encoding.rawValue), delimiter \(delimiter), \(records.count) records."))
            if !records.isEmpty { blocks.append(.table(Self.grid(records))) }
            more(records.count)
        case .json(let encoding):
            blocks.append(.text("JSON, \(encoding.rawValue)."))
        case .text(let encoding, let text):
            blocks.append(
                .text(
                    "Text, \(encoding.rawValue), \(text.split(separator: "\n", omittingEmptySubsequences: false).count) lines."
                ))
        }
        return blocks
    }
}
