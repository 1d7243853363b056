import Foundation

extension Submitter {
    /// Answers whose bytes are already stored, or given earlier in the same command: set
    /// aside by ``setAsideDuplicates(_:existing:)``, their receipts written once the first
    /// copy has its number.
    struct Duplicates {
        /// "already stored as #N" for answers the store already holds.
        var receipts: [Receipt] = []
        /// Answers that repeat a file kept earlier in this command: the kept file's index
        /// in `prepared.files`, the response's index in it, and the name given.
        var repeats: [(file: Int, response: Int, name: String)] = []
    }

    /// The bytes an answer was read from, as one string to compare: an attachment's own
    /// checksum for a part of a mail, else the file's.
    ///
    /// The same answer arrives as a file, inside a mail, inside a forward of that mail, or
    /// saved out of it: only the bytes actually read are the same each time (CONTRACT.md,
    /// "Intake rules added", "The same bytes").
    static func contentChecksum(_ checksum: String, part: SourcePart?) -> String {
        guard let part, !part.checksum.isEmpty else { return checksum }
        return part.checksum
    }

    /// Takes out of `prepared` every file whose answer bytes (SHA-256 of the file, or of the
    /// attachment read for a mail) are already stored for the same questionnaire and the
    /// same delegations, or were given earlier in the same command. (A delegation's
    /// respondents are one submission; a file stored before schema 12 kept a submission per
    /// respondent, and any of them stands for the file's delegation.)
    ///
    /// A delegation's mail is often forwarded twice, a file submitted again by habit, an
    /// attachment saved out of a stored mail and submitted alone, or one file attached a
    /// thousand times; storing each copy would make the last "supersede" the first and shift
    /// its received time. A voided copy does not count (`existing` holds counted
    /// submissions): after a void, the same file can be submitted again.
    ///
    /// - Returns: the receipts of the answers already stored, and the answers repeating a
    ///   file kept in this command (receipts by ``duplicateReceipts(_:stored:prepared:)``).
    /// - Complexity: O(n + e) for n answers prepared and e existing submissions.
    static func setAsideDuplicates(_ prepared: inout Prepared, existing: [Submission])
        -> Duplicates
    {
        func key(_ content: String, _ delegation: String) -> String {
            content + "\u{1F}" + delegation
        }
        var stored: [String: Submission] = [:]
        for s in existing {
            let content = contentChecksum(s.checksum, part: s.part)
            stored[key(content, s.delegation)] = s
        }
        var earlier: [String: (file: Int, response: Int)] = [:]
        var duplicates = Duplicates()
        var kept: [PendingFile] = []
        var keptWarnings: [[Diagnostic]] = []
        var offset = 0
        for file in prepared.files {
            let count = file.responses.count
            let warnings = Array(
                prepared.warnings[
                    min(
                        offset, prepared.warnings.count)..<min(
                            offset + count, prepared.warnings.count)])
            offset += count
            let content = contentChecksum(file.checksum, part: file.part)
            let keys = file.responses.map { key(content, $0.delegation) }
            let name = file.part.map { file.name + " » " + $0.name } ?? file.name
            let inStore = keys.compactMap { stored[$0] }
            if !keys.isEmpty, inStore.count == keys.count {
                duplicates.receipts += inStore.map { s in
                    var receipt = Receipt(
                        submission: s, questionnaire: prepared.questionnaire, supersedes: [],
                        olderThan: [], warnings: [], receivedAssumedNoon: false,
                        receivedIsNow: false, dryRun: prepared.request.dryRun)
                    receipt.alreadyStored = true
                    receipt.submittedFile = name
                    return receipt
                }
                continue
            }
            let inCommand = keys.compactMap { earlier[$0] }
            if !keys.isEmpty, inCommand.count == keys.count {
                duplicates.repeats += inCommand.map { ($0.file, $0.response, name) }
                continue
            }
            for (index, k) in keys.enumerated() where earlier[k] == nil {
                earlier[k] = (kept.count, index)
            }
            kept.append(file)
            keptWarnings += warnings
        }
        prepared.files = kept
        prepared.warnings = keptWarnings
        return duplicates
    }

    /// The receipts of the answers that repeated a file of the same command: "already stored
    /// as #N", N the number the first copy was just given.
    ///
    /// - Parameters:
    ///   - repeats: from ``setAsideDuplicates(_:existing:)``.
    ///   - stored: the submissions of `prepared.files`, in order, one per response.
    ///   - prepared: what was stored.
    /// - Returns: one receipt per repeat, pointing at the first copy's submission.
    /// - Complexity: O(f + r) for f files stored and r repeats.
    static func duplicateReceipts(
        _ repeats: [(file: Int, response: Int, name: String)], stored: [Submission],
        prepared: Prepared
    ) -> [Receipt] {
        var first: [Int] = []
        var position = 0
        for file in prepared.files {
            first.append(position)
            position += file.responses.count
        }
        return repeats.compactMap { entry in
            let index = first[entry.file] + entry.response
            guard index < stored.count else { return nil }
            var receipt = Receipt(
                submission: stored[index], questionnaire: prepared.questionnaire, supersedes: [],
                olderThan: [], warnings: [], receivedAssumedNoon: false, receivedIsNow: false,
                dryRun: prepared.request.dryRun)
            receipt.alreadyStored = true
            receipt.submittedFile = entry.name
            return receipt
        }
    }
}
