extension Store {
    /// The schema, one migration per version; `PRAGMA user_version` records how far a file got.
    ///
    /// Migrations only ever add: an old store opened by a newer tool is brought forward in
    /// one transaction, and nothing received is rewritten.
    static let migrations: [String] = [
        // 1: files, submissions, mentions, cosignatories, answers; nothing can be deleted.
        """
        CREATE TABLE files(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            bytes BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            stored_at TEXT NOT NULL
        );
        CREATE TABLE submissions(
            id INTEGER PRIMARY KEY,
            questionnaire TEXT NOT NULL,
            delegation TEXT NOT NULL,
            respondent TEXT,
            received TEXT NOT NULL,
            received_ms INTEGER NOT NULL,
            file_id INTEGER NOT NULL REFERENCES files(id),
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            delimiter TEXT,
            dated TEXT,
            comments TEXT,
            first_line INTEGER,
            warnings TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX submissions_by_questionnaire ON submissions(questionnaire, received_ms, id);
        CREATE TABLE cosignatories(
            submission_id INTEGER NOT NULL REFERENCES submissions(id),
            member_state TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY(submission_id, member_state)
        );
        CREATE TABLE mentions(
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submissions(id),
            threat TEXT NOT NULL,
            priority INTEGER CHECK(priority IS NULL OR priority >= 1),
            comment TEXT,
            origin TEXT NOT NULL CHECK(origin IN ('structured', 'prose')),
            phrase TEXT,
            line INTEGER,
            col INTEGER
        );
        CREATE INDEX mentions_by_submission ON mentions(submission_id);
        CREATE TABLE answers(
            submission_id INTEGER NOT NULL REFERENCES submissions(id),
            question TEXT NOT NULL,
            value TEXT NOT NULL,
            line INTEGER
        );
        CREATE INDEX answers_by_submission ON answers(submission_id);
        CREATE TRIGGER submissions_never_deleted BEFORE DELETE ON submissions
            BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END;
        CREATE TRIGGER submissions_never_changed BEFORE UPDATE ON submissions
            BEGIN SELECT RAISE(ABORT, 'submissions are never changed'); END;
        CREATE TRIGGER files_never_deleted BEFORE DELETE ON files
            BEGIN SELECT RAISE(ABORT, 'received files are never deleted'); END;
        CREATE TRIGGER files_never_changed BEFORE UPDATE ON files
            BEGIN SELECT RAISE(ABORT, 'received files are never changed'); END;
        """,
        // 2: large consultations. A file's bytes may be kept in 4 MiB chunks; a submission
        // read by the streaming path keeps its mentions packed (Store.unpack reads them:
        // varints since the 0xFF-marked format; 3 bytes each before it); per file, the sums a
        // ranking needs.
        """
        ALTER TABLE submissions ADD COLUMN packed_mentions BLOB;
        CREATE TABLE file_chunks(
            file_id INTEGER NOT NULL REFERENCES files(id),
            seq INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            PRIMARY KEY(file_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE bulk_files(
            file_id INTEGER PRIMARY KEY REFERENCES files(id),
            questionnaire TEXT NOT NULL,
            received_ms INTEGER NOT NULL,
            first_submission INTEGER NOT NULL,
            last_submission INTEGER NOT NULL,
            rows INTEGER NOT NULL,
            respondent_prefix TEXT NOT NULL,
            min_respondent INTEGER NOT NULL,
            max_respondent INTEGER NOT NULL,
            threats TEXT NOT NULL
        );
        CREATE TABLE bulk_sums(
            file_id INTEGER NOT NULL REFERENCES files(id),
            member_state TEXT NOT NULL,
            threat INTEGER NOT NULL,
            answers INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            priority_sum INTEGER NOT NULL,
            priority_count INTEGER NOT NULL,
            borda REAL NOT NULL,
            firsts INTEGER NOT NULL,
            PRIMARY KEY(file_id, member_state, threat)
        ) WITHOUT ROWID;
        CREATE TRIGGER file_chunks_never_deleted BEFORE DELETE ON file_chunks
            BEGIN SELECT RAISE(ABORT, 'received files are never deleted'); END;
        CREATE TRIGGER file_chunks_never_changed BEFORE UPDATE ON file_chunks
            BEGIN SELECT RAISE(ABORT, 'received files are never changed'); END;
        """,
        // 3: a prose mention found in a negated clause is kept as evidence but not counted;
        // `cue` quotes what decided it (the negation word, or the priority phrase).
        """
        ALTER TABLE mentions ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE mentions ADD COLUMN cue TEXT;
        """,
        // 4: a submission read from a mail: the file is the mail as received; `part` names the
        // attachment (or `body`) the answer was read from, `part_sha256` its bytes' checksum.
        """
        ALTER TABLE submissions ADD COLUMN part TEXT;
        ALTER TABLE submissions ADD COLUMN part_sha256 TEXT;
        """,
        // 5: the officer's decisions (accept, reject, priority, add, void), each a new dated
        // row with who and why; never changed or deleted, like the submissions they concern.
        Store.decisionsMigration,
        // 6: the questionnaire definitions submissions were validated against, so that a
        // store stands alone (no questionnaires folder needed to read it).
        Store.definitionsMigration,
        // 7: "which answer of this Member State (and respondent) is current", "its first and
        // last answer", "the latest N received" and "the submissions not streamed" answered
        // from indexes, so that `show N`, `submit`, `deadline`, `history --limit` and `rank`
        // cost the same beside a million streamed respondents as on 28 submissions.
        """
        CREATE INDEX submissions_by_answerer
            ON submissions(questionnaire, delegation, respondent, received_ms, id);
        CREATE INDEX cosignatories_by_member_state ON cosignatories(member_state, submission_id);
        CREATE INDEX submissions_by_delegation
            ON submissions(questionnaire, delegation, received_ms, id);
        DROP INDEX submissions_by_questionnaire;
        CREATE INDEX submissions_regular ON submissions(questionnaire, received_ms, id)
            WHERE packed_mentions IS NULL;
        """,
        // 8: the threats each questionnaire's stored answers mention, kept as they are stored
        // (a trigger for mentions, the streaming writer for packed ones), so that every
        // command's check "is each stored threat still defined?" reads a few rows, not every
        // mention. Filled from what older stores hold.
        Store.questionnaireThreatsMigration,
        // 9: per streamed file, state and threat, the best priority given (0: none), so that
        // the report's heat map shows the priority from sums as it does from rows. NULL in
        // files stored before: some priority was given, which one is not known.
        "ALTER TABLE bulk_sums ADD COLUMN best_priority INTEGER;",
        // 10: an Office answer's format and the part read (`xlsx, sheet Answers`, `docx`),
        // which receipts and `show` name: the reading (`csv-long`) and a text encoding
        // describe a CSV file, not a workbook.
        "ALTER TABLE submissions ADD COLUMN source TEXT;",
        // 11: originals kept compressed (ZlibStream: a zlib stream per block, so that a large
        // original is read back chunk by chunk): `files.compression` 'zlib' when `bytes` is
        // compressed (it gives back `size` bytes); `file_chunks.size` the bytes a compressed
        // chunk gives back. NULL in both: kept as is, as every original stored before.
        """
        ALTER TABLE files ADD COLUMN compression TEXT;
        ALTER TABLE file_chunks ADD COLUMN size INTEGER;
        """,
        // 12: one stored shape. A submission is one delegation's answer from one received
        // file (or part); in a consultation with respondents, their answers are packed inside
        // it (`respondents`: RespondentPack; `respondent_count` of them), whichever reader read
        // the file, with their sums over the questionnaire's threats (`sums`: PackedSums, a
        // cache derived from the pack). Before, each respondent was a submission of its own
        // (`respondent`, and `packed_mentions` plus the per-file sums in `bulk_files` and
        // `bulk_sums` for a streamed file): those rows are still read, and nothing writes them.
        // The index of the submissions that were not streamed served only that split.
        """
        ALTER TABLE submissions ADD COLUMN respondents BLOB;
        ALTER TABLE submissions ADD COLUMN respondent_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE submissions ADD COLUMN sums BLOB;
        DROP INDEX submissions_regular;
        """,
    ]

    /// The schema version this build writes.
    public static var schemaVersion: Int { migrations.count }

    func migrate() throws(SurveyError) {
        let current: Int
        do {
            current = try db.query("PRAGMA user_version") { Int($0.int("user_version")) }.first ?? 0
        } catch {
            throw fail(error)
        }
        if current > Store.migrations.count {
            throw .io(
                "\(path): the store was written by a newer threatsurvey (schema \(current), "
                    + "this one knows \(Store.migrations.count)); upgrade the tool")
        }
        guard current < Store.migrations.count else { return }
        do {
            try db.transaction {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                let now =
                    try db.query("PRAGMA user_version") { Int($0.int("user_version")) }.first ?? 0
                for version in now..<Store.migrations.count {
                    try db.execute(Store.migrations[version])
                    try db.execute("PRAGMA user_version = \(version + 1)")
                }
                return .commit
            }
        } catch {
            throw fail(error)
        }
    }
}
