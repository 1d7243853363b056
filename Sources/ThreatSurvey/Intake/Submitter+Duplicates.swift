import Foundation

extension Submitter {
    /// Takes out of `prepared` every file whose bytes (SHA-256) are already stored for the
    /// same questionnaire and the same delegations (and respondents), and returns a receipt
    /// "already stored as #N" for each of its answers.
    ///
    /// A delegation's mail is often forwarded twice, or a file submitted again by habit;
    /// storing it twice would make the second copy "supersede" the first and shift its
    /// received time. A voided copy does not count (`existing` holds counted submissions):
    /// after a void, the same file can be submitted again.
    ///
    /// - Complexity: O(n + e) for n answers prepared and e existing submissions.
    static func setAsideDuplicates(_ prepared: inout Prepared, existing: [Submission]) -> [Receipt]
    {
        var stored: [String: Submission] = [:]
        func key(_ checksum: String, _ delegation: String, _ respondent: String?) -> String {
            checksum + "\u{1F}" + delegation + "\u{1F}" + (respondent ?? "")
        }
        for s in existing { stored[key(s.checksum, s.delegation, s.response.respondent)] = s }
        guard !stored.isEmpty else { return [] }
        var kept: [PendingFile] = []
        var keptWarnings: [[Diagnostic]] = []
        var receipts: [Receipt] = []
        var offset = 0
        for file in prepared.files {
            let count = file.responses.count
            let warnings = Array(
                prepared.warnings[
                    min(
                        offset, prepared.warnings.count)..<min(
                            offset + count, prepared.warnings.count)])
            offset += count
            let earlier = file.responses.map {
                stored[key(file.checksum, $0.delegation, $0.respondent)]
            }
            let matches = earlier.compactMap { $0 }
            guard !file.responses.isEmpty, matches.count == file.responses.count else {
                kept.append(file)
                keptWarnings += warnings
                continue
            }
            receipts += matches.map { s in
                var receipt = Receipt(
                    submission: s, questionnaire: prepared.questionnaire, supersedes: [],
                    olderThan: [],
                    warnings: [], receivedAssumedNoon: false, receivedIsNow: false,
                    dryRun: prepared.request.dryRun)
                receipt.alreadyStored = true
                return receipt
            }
        }
        prepared.files = kept
        prepared.warnings = keptWarnings
        return receipts
    }
}
