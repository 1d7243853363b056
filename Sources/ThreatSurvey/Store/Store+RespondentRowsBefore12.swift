import Foundation

/// What is still read of how a threatsurvey before schema 12 kept a streamed file: one
/// submission per respondent with its mentions packed against the file's threat list
/// (`bulk_files`), and the file's sums (`bulk_sums`). Nothing writes them any more; such a
/// store is read through the one shape (each old row is one respondent's answer).
extension Store {
    /// The join that gives an answer packed before schema 12 its file's threat list (what
    /// its threat numbers index), for the submission readers.
    static let packedThreatsJoin = "LEFT JOIN bulk_files b ON b.file_id = s.file_id"

    /// How many mentions of `threat` the cached sums of `questionnaire`'s streamed files
    /// count (their packed mentions are not in `mentions`), saturating.
    func cachedMentionCount(questionnaire: String, threat: String) throws(SQLiteError) -> Int {
        var count = 0
        let files = try db.query(
            "SELECT file_id, threats FROM bulk_files WHERE questionnaire = ?",
            [.text(questionnaire)]
        ) { ($0.int(0), $0.text(1)) }
        for (file, threats) in files {
            guard
                let position = threats.split(separator: ",", omittingEmptySubsequences: false)
                    .firstIndex(where: { $0 == threat })
            else { continue }
            let sum =
                try db.query(
                    "SELECT COALESCE(SUM(mentions), 0) FROM bulk_sums WHERE file_id = ? AND threat = ?",
                    [.integer(file), .integer(Int64(position))]
                ) { $0.int(0) }.first ?? 0
            let (total, overflow) = count.addingReportingOverflow(Int(clamping: sum))
            count = overflow ? Int.max : total
        }
        return count
    }

    /// Marks the packed-mentions format written since threat indices and priorities were
    /// widened: the first byte, which the older format never started with (its first byte is
    /// a threat index, and the streaming path never held more than 192 threat spellings).
    static let packedFormatMarker: UInt8 = 0xFF

    /// Mentions an older threatsurvey stored packed for one streamed respondent.
    ///
    /// They are threat indices into the file's comma-separated threat list: after the marker,
    /// per mentioned threat its index and priority (0 for none) as varints; or, in the oldest
    /// format, 3 bytes each (threat index, priority as 16 bits). Damaged bytes end the list;
    /// they never trap.
    static func unpack(_ bytes: [UInt8], threats: String) -> [Mention] {
        let ids = threats.split(separator: ",").map(String.init)
        var out: [Mention] = []
        if bytes.first == packedFormatMarker {
            var reader = PackedBytes.Reader(bytes)
            _ = reader.byte()
            while !reader.atEnd, let t = reader.varint(), let p = reader.varint() {
                if t < ids.count {
                    out.append(
                        Mention(threat: ids[t], priority: p == 0 ? nil : p, origin: .structured))
                }
            }
            return out
        }
        var i = 0
        while i + 2 < bytes.count {
            let t = Int(bytes[i])
            let p = Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            if t < ids.count {
                out.append(Mention(threat: ids[t], priority: p == 0 ? nil : p, origin: .structured))
            }
            i += 3
        }
        return out
    }
}
