import Foundation

extension Receipt {
    /// The receipts of one `submit`, as a document.
    public static func document(_ receipts: [Receipt]) -> Document {
        document(receipts, routes: [])
    }

    /// The receipts of one `submit`, with the route of each large CSV or TSV file the general
    /// reader read: a note per file first (table), and `"routes": [{"file", "path", "reason",
    /// "code"}, …]` beside `"submissions"` (JSON; left out when there is none).
    ///
    /// - Parameters:
    ///   - receipts: the receipts, in file order.
    ///   - routes: the routes ``Submitter/routing(_:store:)`` or ``StreamingSubmitter`` gave.
    /// - Returns: the document.
    public static func document(_ receipts: [Receipt], routes: [SubmitRoute]) -> Document {
        var blocks: [Document.Block] = routes.map { .note($0.description) }
        for receipt in receipts {
            blocks += receipt.blocks
        }
        // Built only when the JSON is asked for (the argument is an autoclosure): a table of
        // 10,000 receipts does not build their JSON too.
        return Document(blocks: blocks, json: json(receipts, routes: routes))
    }

    /// `{"submissions": […], "routes": […]}`, routes left out when there is none.
    private static func json(_ receipts: [Receipt], routes: [SubmitRoute]) -> JSONValue {
        let submissions = JSONValue.object(["submissions": .array(receipts.map { $0.json })])
        return routes.isEmpty
            ? submissions : submissions.adding("routes", .array(routes.map { $0.json }))
    }

    var blocks: [Document.Block] {
        if alreadyStored {
            return [
                .note(
                    "\(submittedFile ?? submission.sourceFile): already stored as #\(submission.id) (\(submission.delegation), "
                        + "same bytes, SHA-256 \(submission.checksum.prefix(16))…); not stored again "
                        + "(submit --again stores it anyway)")
            ]
        }
        let number = dryRun ? "(dry run, not stored)" : "#\(submission.id)"
        var blocks = submission.blocks(
            title: "Submission \(number) to \(questionnaire.id) from \(submission.delegation)",
            questionnaire: questionnaire, receivedAssumedNoon: receivedAssumedNoon,
            receivedIsNow: receivedIsNow, receivedNote: receivedNote)
        let zone = questionnaire.timeZone
        for r in supersedes {
            blocks.append(
                .note(
                    "supersedes #\(r.other.id) for \(r.memberState)\(Receipt.answers(r)) (received "
                        + "\(Timestamp.iso(r.other.received, in: zone)); kept in the history)"))
        }
        for r in olderThan {
            blocks.append(
                .note(
                    "received before #\(r.other.id) for \(r.memberState)\(Receipt.answers(r)), "
                        + "which stays current; this one is kept in the history"))
        }
        // Diagnostics already say "warning:" or "note:", in the compiler's form.
        for w in warnings { blocks.append(.text(w.description)) }
        return blocks
    }

    var json: JSONValue {
        submission.json(in: questionnaire)
            .adding("stored", .bool(!dryRun && !alreadyStored))
            .adding("alreadyStored", alreadyStored ? .int(Int(submission.id)) : .null)
            .adding("submittedFile", .optional(submittedFile))
            .adding(
                "supersedes",
                .array(
                    supersedes.map {
                        .object([
                            "memberState": .string($0.memberState),
                            "submission": .int(Int($0.other.id)),
                            "respondents": .optional($0.respondents),
                        ])
                    })
            )
            .adding(
                "receivedBefore",
                .array(
                    olderThan.map {
                        .object([
                            "memberState": .string($0.memberState),
                            "submission": .int(Int($0.other.id)),
                            "respondents": .optional($0.respondents),
                        ])
                    })
            )
            .adding("receivedAssumedNoon", .bool(receivedAssumedNoon))
    }
}

extension SubmitRoute {
    /// The route as JSON: `{"file", "path": "fast"|"general", "reason", "code"}` (the last two
    /// `null` for the fast reader).
    var json: JSONValue {
        .object([
            "file": .string(file), "path": .string(path.rawValue),
            "reason": .optional(reason?.description), "code": .optional(reason?.code),
            "sentence": .string(description),
        ])
    }
}

extension Receipt {
    /// `: 3 respondents' answers` where a replacement concerns respondents, else nothing.
    static func answers(_ r: Replacement) -> String {
        guard let n = r.respondents else { return "" }
        return n == 1 ? ": 1 respondent's answer" : ": \(n) respondents' answers"
    }
}
