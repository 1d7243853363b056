public import Foundation

/// Validates delegations' files and stores them: the `submit` command's logic.
///
/// Every file is read and checked before anything is written; if any file has an error,
/// every problem of every file is reported and nothing is stored. The files that pass are
/// stored in one transaction.
public struct Submitter {
    /// The questionnaires known.
    public var catalog: QuestionnaireCatalog
    /// Reads a file's bytes (replaceable in tests).
    public var readFile: (String) throws(SurveyError) -> [UInt8]
    /// The current time (replaceable in tests).
    public var now: () -> Date

    /// A submitter over `catalog` that reads files from disk.
    public init(catalog: QuestionnaireCatalog) {
        self.catalog = catalog
        self.readFile = Submitter.readFromDisk
        self.now = Date.init
    }

    /// Reads a file, mapping failures to the contract's exit codes.
    public static func readFromDisk(_ path: String) throws(SurveyError) -> [UInt8] {
        try InputFile.checkReadable(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .inputMissing(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw .inputMissing(path: path, reason: "is a folder, not a file")
        }
        // Refuse an oversized file before reading it into memory.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size]
            as? NSNumber,
            size.intValue > AnswerFile.maximumBytes
        {
            throw .invalidData([
                Diagnostic(
                    file: path,
                    message:
                        "file of \(size.intValue >> 20) MiB is larger than the \(AnswerFile.maximumBytes >> 20) MiB "
                        + "the general reader takes; a long CSV with a respondent column is streamed instead"
                )
            ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .inputMissing(path: path, reason: "cannot be read (permissions?)")
        }
        return Array(data)
    }

    /// Files read and validated, not yet stored.
    public struct Prepared: Sendable {
        /// The questionnaire answered.
        public var questionnaire: Questionnaire
        /// The files with their responses.
        public var files: [PendingFile]
        /// Per response, in order: the warnings of its file for a file's first response,
        /// none for the others (a file's warnings are listed once).
        public var warnings: [[Diagnostic]]
        /// The request.
        public var request: SubmitRequest
    }

    /// Reads, validates and (unless a dry run) stores every file of `request`.
    ///
    /// - Parameters:
    ///   - request: what to submit.
    ///   - store: where to store; its existing submissions decide what is superseded.
    /// - Returns: one receipt per submission, in file order.
    /// - Throws: ``SurveyError/invalidData(_:)`` with every problem of every file;
    ///   ``SurveyError/inputMissing(path:reason:)``; ``SurveyError/usage(_:)`` when the
    ///   questionnaire or delegation cannot be told.
    public func submit(_ request: SubmitRequest, into store: Store) throws(SurveyError) -> [Receipt]
    {
        try commit(try prepare(request, store: store), into: store)
    }

    /// Reads and validates every file of `request`, storing nothing.
    ///
    /// - Parameters:
    ///   - request: what to submit.
    ///   - store: the existing store, if any, consulted only to tell the
    ///     questionnaire when neither the request nor the files name it.
    /// - Returns: what was read and validated, for ``commit(_:into:)``.
    /// - Throws: ``SurveyError/invalidData(_:)`` with every problem of every file;
    ///   ``SurveyError/inputMissing(path:reason:)``; ``SurveyError/usage(_:)`` when the
    ///   questionnaire or delegation cannot be told.
    public func prepare(_ request: SubmitRequest, store: Store?) throws(SurveyError) -> Prepared {
        var routes: [SubmitRoute] = []
        return try prepare(request, store: store, routes: &routes)
    }

    /// Reads and validates every file of `request`, as ``prepare(_:store:)`` does, adding to
    /// `routes` the route of each large CSV or TSV attachment of a mail as it is met (so that
    /// a refused submit still says which attachments were read whole).
    func prepare(_ request: SubmitRequest, store: Store?, routes: inout [SubmitRoute])
        throws(SurveyError) -> Prepared
    {
        guard !request.paths.isEmpty else { throw .usage("submit needs at least one FILE") }
        var items: [Item] = []
        var problems: [Diagnostic] = []
        let contacts = try loadContacts(request)
        for path in request.paths {
            let bytes = try readFile(path)
            do {
                if MailIntake.isMail(name: path, bytes: bytes) {
                    let mail = try mailItems(
                        path: path, bytes: bytes, request: request, contacts: contacts?.index,
                        routes: &routes)
                    items += mail.items
                    problems += mail.problems
                } else {
                    items.append(
                        Item(file: try AnswerFile.read(bytes: bytes, name: path), mail: nil))
                }
            } catch {
                guard case .invalidData(let d) = error else { throw error }
                problems += d
            }
            ProgressContext.sink?.advance(bytes: bytes.count, rows: 0)
        }
        let files = items.map(\.file)
        var delegation: MemberState?
        if let written = request.delegation {
            let resolver = MemberStateResolver.shared
            guard let state = resolver.resolve(written) else {
                let hint =
                    resolver.suggestion(for: written).map { "; did you mean \"\($0)\"?" } ?? ""
                throw .usage("--delegation: unknown Member State \"\(written)\"\(hint)")
            }
            delegation = state
        }
        if problems.containsErrors && files.isEmpty { throw .invalidData(problems) }
        var inferred: Diagnostic?
        let questionnaire: Questionnaire
        do {
            questionnaire = try chooseQuestionnaire(
                request.questionnaire, files: files, store: store)
        } catch {
            // Unknown questionnaires named in the files: reported with the files' other problems.
            if case .invalidData(let unknown) = error { throw .invalidData(problems + unknown) }
            // Nothing names the questionnaire: take the only one every file validates
            // against, and say so in the receipt; several or none remain a usage error.
            guard case .usage = error, request.questionnaire == nil,
                files.allSatisfy({ $0.namedQuestionnaires.isEmpty })
            else { throw error }
            let fitting = catalog.questionnaires.filter { candidate in
                items.allSatisfy {
                    (try? parse(
                        $0, questionnaire: candidate, delegation: delegation, contacts: contacts))
                        != nil
                }
            }
            guard fitting.count == 1, let only = fitting.first else { throw error }
            questionnaire = only
            inferred = Diagnostic(
                file: files.map(\.name).joined(separator: ", "), severity: .note,
                message: "no questionnaire named: \(only.id) inferred, the only one whose threats "
                    + "all match (pass --questionnaire to be explicit)")
        }
        var parsed: [(item: Item, responses: [Response], warnings: [Diagnostic])] = []
        for item in items {
            do {
                let result = try parse(
                    item, questionnaire: questionnaire, delegation: delegation, contacts: contacts)
                // The inference note names every file: said once, under the first answer,
                // not once per answer (a mail of 999 attachments made that quadratic).
                let note = parsed.isEmpty ? inferred.map { [$0] } ?? [] : []
                // One submission per delegation: its respondents' answers gathered inside.
                parsed.append(
                    (item, Response.gathered(result.responses), note + result.diagnostics))
            } catch {
                guard case .invalidData(let d) = error else { throw error }
                problems += d
            }
        }
        if problems.containsErrors { throw .invalidData(problems) }

        let explicit = request.received?.resolve(in: questionnaire.timeZone)
        let received = explicit ?? now()
        // An answer cannot arrive in the future; a typo there would make it current forever.
        if request.received != nil { try DateTimeInput.checkNotFuture(received, now: now()) }
        // No answer precedes its question: a received time before the issue day is nearly
        // always a date typed the wrong way round, said on the receipt.
        for index in parsed.indices {
            let item = parsed[index].item
            let at = explicit ?? item.mail?.received?.date ?? received
            if let warning = questionnaire.beforeIssueWarning(at) {
                parsed[index].warnings.append(
                    Diagnostic(file: item.file.name, severity: .warning, message: warning))
            }
        }
        let pending = parsed.map { entry in
            let file = entry.item.file
            guard let mail = entry.item.mail else {
                var pending = PendingFile(
                    name: (file.name as NSString).lastPathComponent, bytes: file.bytes,
                    format: file.format, encoding: file.text.encoding,
                    delimiter: file.dialect?.delimiterName, questionnaire: questionnaire.id,
                    received: received, responses: entry.responses,
                    warnings: entry.warnings.map(\.description))
                pending.source = file.source?.formatDescription
                return pending
            }
            var pending = PendingFile(
                name: mail.container, bytes: mail.bytes, checksum: mail.checksum,
                format: file.format,
                encoding: file.text.encoding,
                delimiter: file.dialect?.delimiterName, questionnaire: questionnaire.id,
                received: explicit ?? mail.received?.date ?? received, responses: entry.responses,
                warnings: entry.warnings.map(\.description))
            pending.part = mail.part
            pending.source = file.source?.formatDescription
            if explicit == nil, let decided = mail.received, decided.isForwarded {
                pending.receivedNote = decided.reason
            }
            return pending
        }
        // A file's warnings belong to the file: listed under its first submission only, so a
        // file of many respondents does not repeat them under each (which was quadratic).
        let warnings = parsed.flatMap { item in
            item.responses.indices.map { $0 == 0 ? item.warnings : [] }
        }
        return Prepared(
            questionnaire: questionnaire, files: pending, warnings: warnings, request: request)
    }

    /// Stores what ``prepare(_:store:)`` validated, in one transaction, and writes receipts.
    ///
    /// - Parameters:
    ///   - prepared: what ``prepare(_:store:)`` returned.
    ///   - store: where to store; `nil` (or a dry run) stores nothing.
    /// - Returns: one receipt per submission, in file order.
    /// - Throws: ``SurveyError`` when the store cannot be read or written.
    public func commit(_ prepared: Prepared, into store: Store?) throws(SurveyError) -> [Receipt] {
        let questionnaire = prepared.questionnaire
        // Only the current answers of the Member States and respondents the files name: what
        // the receipts say is superseded, whatever the store holds besides. With decisions on
        // record (voids), the counted answers are read through the one counted-answer rule.
        let responses = prepared.files.flatMap(\.responses)
        let keys = Set(
            responses.filter { $0.respondents.isEmpty }.flatMap { response in
                response.memberStates.map {
                    SubmissionKey(memberState: $0, respondent: response.respondent ?? "")
                }
            })
        var existing: [Submission]
        if let store, try store.decisions(questionnaire: questionnaire.id).isEmpty {
            existing = try store.currentSubmissions(questionnaire: questionnaire.id, keys: keys)
            // Respondents' answers: those of the same Member States that name respondents.
            let gathering = Set(
                responses.filter { !$0.respondents.isEmpty }.flatMap(\.memberStates))
            if !gathering.isEmpty {
                existing += try store.respondentSubmissions(
                    questionnaire: questionnaire.id,
                    memberStates: MemberState.sortedByProtocol(gathering))
            }
        } else {
            existing = try store?.countedSubmissions(questionnaire: questionnaire.id) ?? []
        }
        let stored: [Submission]
        var prepared = prepared
        var duplicates = Duplicates()
        if !prepared.request.again {
            duplicates = Submitter.setAsideDuplicates(&prepared, existing: existing)
        }
        if let store, !prepared.request.dryRun {
            stored = try store.insert(prepared.files, threats: questionnaire.threats.map(\.id))
            try keepDefinition(of: questionnaire, for: stored, in: store)
        } else {
            // Not stored: numbered in file order, so that later files win ties in received
            // time exactly as they would in a store (asked only here: it reads the
            // questionnaire's every id).
            var number: Int64 = try store?.highestSubmissionID(questionnaire: questionnaire.id) ?? 0
            stored = prepared.files.flatMap { file in
                file.responses.map { response in
                    number += 1
                    return Submission(
                        id: number, questionnaire: file.questionnaire, received: file.received,
                        sourceFile: file.name, format: file.format,
                        encoding: file.encoding.rawValue,
                        delimiter: file.delimiter, checksum: file.checksum, fileID: 0,
                        response: response, warnings: file.warnings, part: file.part,
                        source: file.source)
                }
            }
        }
        // The received line's note per submission, in the order the files were stored.
        let receivedNotes = prepared.files.flatMap { file in
            file.responses.map { _ in file.receivedNote }
        }
        return duplicates.receipts
            + receipts(
                for: stored, warnings: prepared.warnings, receivedNotes: receivedNotes,
                existing: existing, questionnaire: questionnaire, request: prepared.request)
            + Submitter.duplicateReceipts(duplicates.repeats, stored: stored, prepared: prepared)
    }

    private func receipts(
        for stored: [Submission], warnings: [[Diagnostic]], receivedNotes: [String?],
        existing: [Submission],
        questionnaire: Questionnaire, request: SubmitRequest
    ) -> [Receipt] {
        // The current answer per (Member State, respondent), kept up to date as each new
        // submission is added: one pass, not one recomputation per submission.
        // The rule is CurrentAnswers' (slot and order), applied incrementally.
        // A submission gathering respondents is one answer per respondent: it supersedes
        // (or is older than) each other submission once per Member State, however many of
        // its respondents' answers that concerns.
        var current: [String: Submission] = [:]
        func key(_ state: String, _ s: Submission) -> String {
            state + "\u{1F}" + CurrentAnswers.slot(s)
        }
        for (state, answers) in CurrentAnswers(existing).byState {
            for answer in answers { current[key(state, answer)] = answer }
        }
        var out: [Receipt] = []
        for (index, submission) in stored.enumerated() {
            var supersedes: [Receipt.Replacement] = []
            var olderThan: [Receipt.Replacement] = []
            // Each (Member State, other submission) once, with how many respondents' answers.
            func tell(_ list: inout [Receipt.Replacement], _ state: String, _ other: Submission) {
                guard other.id != submission.id else { return }
                let respondent = other.response.respondent != nil
                if let i = list.firstIndex(where: {
                    $0.memberState == state && $0.other.id == other.id
                }) {
                    list[i].respondents = list[i].respondents.map { $0 + 1 }
                } else {
                    list.append(
                        .init(memberState: state, other: other, respondents: respondent ? 1 : nil))
                }
            }
            for answer in submission.answers {
                for state in answer.memberStates {
                    let k = key(state, answer)
                    guard let previous = current[k] else {
                        current[k] = answer
                        continue
                    }
                    if !CurrentAnswers.precedes(answer, previous) {
                        tell(&supersedes, state, previous)
                        current[k] = answer
                    } else {
                        tell(&olderThan, state, previous)
                    }
                }
            }
            out.append(
                Receipt(
                    submission: submission, questionnaire: questionnaire, supersedes: supersedes,
                    olderThan: olderThan, warnings: index < warnings.count ? warnings[index] : [],
                    receivedAssumedNoon: request.received?.isDateOnly ?? false,
                    receivedIsNow: request.received == nil && submission.part == nil,
                    dryRun: request.dryRun,
                    receivedNote: index < receivedNotes.count ? receivedNotes[index] : nil))
        }
        return out
    }

    /// The questionnaire in play: `--questionnaire`, else the one the files name, else the
    /// one the store holds answers to, else the only one defined.
    public func chooseQuestionnaire(
        _ explicit: String?, files: [AnswerFile], store: Store?
    ) throws(SurveyError) -> Questionnaire {
        try QuestionnaireResolver(catalog: catalog).resolve(
            explicit: explicit, files: files, store: store)
    }
}

extension QuestionnaireCatalog {
    /// The questionnaire named by `id` (either spelling), or, when `nil`, the one in play
    /// (``only(store:)``).
    public func choose(_ id: String?, store: Store?) throws(SurveyError) -> Questionnaire {
        try QuestionnaireResolver(catalog: self).resolve(explicit: id, store: store)
    }

    /// The questionnaire in play when none is named: the one the store holds answers to,
    /// else the only one defined.
    public func only(store: Store?) throws(SurveyError) -> Questionnaire {
        try QuestionnaireResolver(catalog: self).resolve(explicit: nil, store: store)
    }
}
