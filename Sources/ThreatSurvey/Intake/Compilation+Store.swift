extension Compilation {
    /// The compilation of the answers to `questionnaire` kept in `store`, as they count (the
    /// officer's decisions applied, voided answers left out).
    ///
    /// For an answer read from an Office file (given directly, or attached to a mail), the
    /// stored original is read again by the same reader intake used, to name places as the
    /// officer looks for them (`pl.xlsx:Answers!D4`, `ie-letter.docx paragraph 3`): the store
    /// keeps the line numbers of the reading, not the sheet or the paragraph map.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read. An original that no longer
    ///   reads leaves its places as lines.
    /// - Complexity: one pass over the submissions, plus one read of each counted Office file.
    public init(store: Store, questionnaire: Questionnaire) throws(SurveyError) {
        // Every answer's text is needed: the counted answers, every row read.
        let submissions = try CountedAnswers.load(
            store: store, questionnaire: questionnaire, asOf: nil, useCache: false
        ).submissions
        let plain = Compilation(questionnaire: questionnaire, submissions: submissions)
        let byID = Dictionary(uniqueKeysWithValues: submissions.map { ($0.id, $0) })
        var sources: [Int64: Original] = [:]
        for reply in plain.replies {
            guard let s = byID[reply.submission], Self.isOffice(s.part?.name ?? s.sourceFile),
                let source = try Self.source(of: s, in: store)
            else { continue }
            sources[s.id] = source
        }
        self =
            sources.isEmpty
            ? plain
            : Compilation(questionnaire: questionnaire, submissions: submissions, sources: sources)
    }

    /// Whether `name` is a workbook or document, whose places have names of their own.
    static func isOffice(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".xlsx", ".xlsm", ".ods", ".docx", ".odt"].contains { lower.hasSuffix($0) }
    }

    /// The sheet, table or paragraphs `s` was read from, by reading its stored original (or
    /// the mail part it came in) again; `nil` when it no longer reads.
    static func source(of s: Submission, in store: Store) throws(SurveyError) -> Original? {
        let bytes = try store.originalBytes(fileID: s.fileID)
        var name = s.sourceFile
        var content = bytes
        if let part = s.part {
            guard let mail = try? MailIntake.open(bytes: bytes, name: s.sourceFile),
                let found = mail.parts.first(where: { $0.name == part.name })
            else { return nil }
            name = s.sourceFile + " » " + part.name
            content = found.bytes
        }
        guard let file = try? AnswerFile.read(bytes: content, name: name), let source = file.source
        else { return nil }
        return Original(source: source, records: file.records)
    }
}
