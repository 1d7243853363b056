import Foundation

/// A questionnaire definition as kept in the store: the exact bytes of the JSON file a
/// submission was validated against.
public struct StoredDefinition: Sendable, Hashable {
    /// The store's number for it.
    public var id: Int64
    /// The questionnaire id.
    public var questionnaire: String
    /// SHA-256 of the bytes (hex).
    public var sha256: String
    /// The definition file's bytes.
    public var bytes: [UInt8]
    /// The file name it was read from.
    public var name: String
}

extension Store {
    /// Schema version 5: definitions keyed by questionnaire and SHA-256, and which one each
    /// submission was validated against; neither is ever changed or deleted.
    static let definitionsMigration = """
        CREATE TABLE definitions(
            id INTEGER PRIMARY KEY,
            questionnaire TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            name TEXT NOT NULL,
            bytes BLOB NOT NULL,
            stored_at TEXT NOT NULL,
            UNIQUE(questionnaire, sha256)
        );
        CREATE TABLE submission_definitions(
            submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),
            definition_id INTEGER NOT NULL REFERENCES definitions(id)
        );
        CREATE TRIGGER definitions_never_deleted BEFORE DELETE ON definitions
            BEGIN SELECT RAISE(ABORT, 'definitions are never deleted'); END;
        CREATE TRIGGER definitions_never_changed BEFORE UPDATE ON definitions
            BEGIN SELECT RAISE(ABORT, 'definitions are never changed'); END;
        CREATE TRIGGER submission_definitions_never_deleted BEFORE DELETE ON submission_definitions
            BEGIN SELECT RAISE(ABORT, 'definitions are never deleted'); END;
        CREATE TRIGGER submission_definitions_never_changed BEFORE UPDATE ON submission_definitions
            BEGIN SELECT RAISE(ABORT, 'definitions are never changed'); END;
        """

    /// Keeps `bytes` as the definition of `questionnaire` (once per SHA-256) and records it
    /// as the one `submissions` were validated against, in one transaction.
    ///
    /// - Returns: the definition's number.
    @discardableResult
    public func keepDefinition(
        questionnaire: String, name: String, bytes: [UInt8], for submissions: [Int64]
    ) throws(SurveyError) -> Int64 {
        let checksum = SHA256.hex(of: bytes)
        var id: Int64 = 0
        do {
            try db.transaction { () throws -> TransactionCompletion in
                try db.prepare(
                    "INSERT OR IGNORE INTO definitions(questionnaire, sha256, name, bytes, stored_at) VALUES (?, ?, ?, ?, ?)"
                ).execute([
                    .text(questionnaire), .text(checksum), .text(name), .blob(bytes),
                    .text(Timestamp.storage(Date())),
                ])
                id =
                    try db.query(
                        "SELECT id FROM definitions WHERE questionnaire = ? AND sha256 = ?",
                        [.text(questionnaire), .text(checksum)]
                    ) { $0.int(0) }.first ?? 0
                let link = try db.prepare(
                    "INSERT OR IGNORE INTO submission_definitions(submission_id, definition_id) VALUES (?, ?)"
                )
                for s in submissions { try link.execute([.integer(s), .integer(id)]) }
                return .commit
            }
        } catch {
            throw fail(error)
        }
        return id
    }

    /// Per questionnaire, the definition most recently used for a submission (else the one
    /// most recently kept).
    ///
    /// - Complexity: O(d) rows for d definitions kept (a handful per questionnaire).
    public func latestDefinitions() throws(SurveyError) -> [StoredDefinition] {
        do {
            let rows = try db.query(
                """
                SELECT d.id, d.questionnaire, d.sha256, d.bytes, d.name FROM definitions d
                ORDER BY d.questionnaire,
                    COALESCE((SELECT MAX(l.submission_id) FROM submission_definitions l WHERE l.definition_id = d.id), 0) DESC,
                    d.id DESC
                """
            ) { row in
                StoredDefinition(
                    id: row.int(0), questionnaire: row.text(1), sha256: row.text(2),
                    bytes: row.blob(3),
                    name: row.text(4))
            }
            var seen = Set<String>()
            return rows.filter { seen.insert($0.questionnaire).inserted }
        } catch {
            throw fail(error)
        }
    }

    /// The threats `questionnaire`'s stored submissions mention, with how many mentions each.
    ///
    /// - Complexity: one pass over the questionnaire's mentions, in SQLite.
    public func mentionedThreats(questionnaire: String) throws(SurveyError) -> [String: Int] {
        do {
            let rows = try db.query(
                """
                SELECT m.threat, COUNT(*) FROM mentions m JOIN submissions s ON s.id = m.submission_id
                WHERE s.questionnaire = ? GROUP BY m.threat
                """, [.text(questionnaire)]
            ) { ($0.text(0), Int($0.int(1))) }
            return Dictionary(uniqueKeysWithValues: rows)
        } catch {
            throw fail(error)
        }
    }
}
