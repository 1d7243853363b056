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

    /// Schema version 8: which threats the stored answers of each questionnaire mention.
    ///
    /// `questionnaire_threats` has one row per (questionnaire, threat) any stored answer
    /// mentions, negated prose matches included. Rows of `mentions` add theirs by
    /// trigger; respondents' packed answers add theirs when stored
    /// (``insertMentionedThreats(questionnaire:threats:)``). Older stores are filled from
    /// their mentions and from the sums of their streamed files (`bulk_files.threats` is the
    /// comma-separated list the sums' threat numbers index).
    static let questionnaireThreatsMigration = """
        CREATE TABLE questionnaire_threats(
            questionnaire TEXT NOT NULL,
            threat TEXT NOT NULL,
            PRIMARY KEY(questionnaire, threat)
        ) WITHOUT ROWID;
        CREATE TRIGGER mentions_note_threat AFTER INSERT ON mentions BEGIN
            INSERT OR IGNORE INTO questionnaire_threats(questionnaire, threat)
                SELECT s.questionnaire, NEW.threat FROM submissions s WHERE s.id = NEW.submission_id;
        END;
        INSERT OR IGNORE INTO questionnaire_threats(questionnaire, threat)
            SELECT DISTINCT s.questionnaire, m.threat FROM mentions m
            JOIN submissions s ON s.id = m.submission_id;
        WITH RECURSIVE split(file_id, questionnaire, position, threat, rest) AS (
            SELECT file_id, questionnaire, -1, '', threats || ',' FROM bulk_files
            UNION ALL
            SELECT file_id, questionnaire, position + 1, substr(rest, 1, instr(rest, ',') - 1),
                substr(rest, instr(rest, ',') + 1) FROM split WHERE rest <> ''
        )
        INSERT OR IGNORE INTO questionnaire_threats(questionnaire, threat)
            SELECT DISTINCT questionnaire, threat FROM split
            WHERE position >= 0 AND threat <> '' AND EXISTS (SELECT 1 FROM bulk_sums b
                WHERE b.file_id = split.file_id AND b.threat = split.position AND b.mentions > 0);
        """

    /// Notes that `questionnaire`'s stored answers mention `threats` (for respondents' packed
    /// answers, which pass no trigger).
    func insertMentionedThreats(questionnaire: String, threats: [String]) throws(SQLiteError) {
        let insert = try db.prepare(
            "INSERT OR IGNORE INTO questionnaire_threats(questionnaire, threat) VALUES (?, ?)")
        for threat in threats { try insert.execute([.text(questionnaire), .text(threat)]) }
    }

    /// The threats `questionnaire`'s stored submissions mention.
    ///
    /// - Complexity: O(threats mentioned): read from `questionnaire_threats` (schema 8; a
    ///   store is brought forward before it is read).
    public func mentionedThreats(questionnaire: String) throws(SurveyError) -> Set<String> {
        do {
            return Set(
                try db.query(
                    "SELECT threat FROM questionnaire_threats WHERE questionnaire = ?",
                    [.text(questionnaire)]
                ) { $0.text(0) })
        } catch {
            throw fail(error)
        }
    }

    /// How many stored mentions of `threat` answers to `questionnaire` hold, respondents'
    /// packed answers included: for the message that a threat id disappeared.
    ///
    /// - Complexity: one pass over the questionnaire's mentions and the sums kept with its
    ///   submissions (and the sums of files streamed before schema 12); asked only when a
    ///   stored threat is no longer defined.
    public func mentionCount(questionnaire: String, threat: String) throws(SurveyError) -> Int {
        do {
            let count =
                try db.query(
                    """
                    SELECT COUNT(*) FROM mentions m JOIN submissions s ON s.id = m.submission_id
                    WHERE s.questionnaire = ? AND m.threat = ?
                    """, [.text(questionnaire), .text(threat)]
                ) { Int($0.int(0)) }.first ?? 0
            var total = SumsRow.saturatingAdd(
                count, try cachedMentionCount(questionnaire: questionnaire, threat: threat))
            for bytes in try db.query(
                "SELECT sums FROM submissions WHERE questionnaire = ? AND sums IS NOT NULL",
                [.text(questionnaire)], row: { $0.blob(0) })
            {
                total = SumsRow.saturatingAdd(total, PackedSums.mentions(of: threat, in: bytes))
            }
            return total
        } catch {
            throw fail(error)
        }
    }
}
