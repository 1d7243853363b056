import Foundation

extension Receipt {
    /// The receipts of one `submit`, as a document.
    public static func document(_ receipts: [Receipt]) -> Document {
        var blocks: [Document.Block] = []
        for receipt in receipts {
            blocks += receipt.blocks
        }
        return Document(
            blocks: blocks, json: .object(["submissions": .array(receipts.map(\.json))]))
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
                    "supersedes #\(r.other.id) for \(r.memberState) (received "
                        + "\(Timestamp.iso(r.other.received, in: zone)); kept in the history)"))
        }
        for r in olderThan {
            blocks.append(
                .note(
                    "received before #\(r.other.id) for \(r.memberState), which stays current; "
                        + "this one is kept in the history"))
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
                        ])
                    })
            )
            .adding("receivedAssumedNoon", .bool(receivedAssumedNoon))
    }
}
