import Foundation

extension Submitter {
    /// A file to read as an answer: a file given on the command line, or one part of a mail.
    struct Item: Sendable {
        /// The answer, named with its whole chain (`mail.eml » answers.csv`).
        var file: AnswerFile
        /// Where it came from, when it is part of a mail.
        var mail: MailOrigin?
    }

    /// The mail an answer came from: what the store keeps and what the receipt says.
    struct MailOrigin: Sendable {
        /// The mail's file name (no folder), as the store names the file.
        var container: String
        /// The mail exactly as received.
        var bytes: [UInt8]
        /// SHA-256 (hex) of ``bytes``, computed once per mail.
        var checksum: String
        /// Which part of it the answer is.
        var part: SourcePart
        /// The mail's own received time (`nil` when `--received` decides).
        var received: ReceivedTime?
        /// Senders to look up in the contacts file, nearest first.
        var senders: [MailAddress]
        /// What the receipt says about the mail and the part (received time, skipped
        /// attachments, a body cut at a quote, the reader's notes).
        var notes: [Diagnostic]
    }

    /// The contacts file of the request, as an address index, and its name.
    func loadContacts(_ request: SubmitRequest) throws(SurveyError) -> (
        index: [String: [String]], file: String
    )? {
        guard let path = request.contacts else { return nil }
        let list = try ContactList.load(bytes: try readFile(path), file: path)
        return (DelegationDecision.index(list), (path as NSString).lastPathComponent)
    }

    /// The answer parts of the mail at `path`, each read by ``AnswerFile/read(bytes:name:format:)``
    /// under its chained name.
    ///
    /// A large CSV or TSV attachment (at least ``StreamingSubmitter/threshold`` bytes) gets a
    /// route in `routes` before it is read: the general reader takes it whole with its mail,
    /// and the officer is told why and how to stream it instead.
    ///
    /// - Returns: the parts read, and the mail's problems (no received time, parts that cannot
    ///   be read), so that the parts' own problems are still listed with them.
    /// - Throws: ``SurveyError/invalidData(_:)`` naming the mail when it cannot be read.
    func mailItems(
        path: String, bytes: [UInt8], request: SubmitRequest, contacts: [String: [String]]?,
        routes: inout [SubmitRoute]
    ) throws(SurveyError) -> (items: [Item], problems: [Diagnostic]) {
        // One budget for the mail: its answer files share it (a thousand attachments, or
        // attachments that each multiply their text, cannot build more than one file may).
        var budget = ReadingBudget(fileSize: bytes.count)
        let intake = try MailIntake.open(
            bytes: bytes, name: path,
            delegationAddresses: Set(contacts.map { Array($0.keys) } ?? []), budget: &budget)
        var problems: [Diagnostic] = []
        var mailNotes: [Diagnostic] = intake.mail.notes.map {
            Diagnostic(file: path, severity: .warning, message: $0)
        }
        // Decided once per part: a forwarded answer may count at the forwarded message's Date.
        var decisions: [ReceivedTime?] = []
        for part in intake.parts {
            guard request.received == nil else {
                decisions.append(nil)
                continue
            }
            let decided = ReceivedTime.decide(
                mail: intake.mail, isOutlook: intake.isOutlook, forwards: part.forwards,
                isDelegation: { contacts?[$0.address.lowercased()] != nil })
            decisions.append(decided)
            guard let decided else { continue }
            // A sender's clock far ahead would make the answer current forever.
            if decided.date.timeIntervalSince(now()) > DateTimeInput.futureTolerance {
                let problem = Diagnostic(
                    file: path,
                    message:
                        "the mail's time \(Timestamp.iso(decided.date, in: Timestamp.utc)) (\(decided.reason)) is later "
                        + "than now; give --received DATETIME with the time it arrived")
                if !problems.contains(problem) { problems.append(problem) }
            }
        }
        if request.received != nil {
            mailNotes.append(
                Diagnostic(file: path, severity: .note, message: "received time: --received"))
        } else if decisions.contains(where: { $0 == nil }) || intake.parts.isEmpty {
            problems.append(
                Diagnostic(
                    file: path,
                    message:
                        "the mail has no delivery time and no Date header, so when it was received is unknown; "
                        + "give --received DATETIME"))
        } else if let first = decisions.first ?? nil,
            decisions.allSatisfy({ $0?.reason == first.reason })
        {
            mailNotes.append(
                Diagnostic(file: path, severity: .note, message: "received time: \(first.reason)"))
        }
        if !intake.skipped.isEmpty {
            let list = TerminalText.list(intake.skipped) {
                "\(TerminalText.clipped($0.name)) (\($0.what))"
            }
            mailNotes.append(
                Diagnostic(file: path, severity: .note, message: "skipped, not answers: \(list)"))
        }
        var items: [Item] = []
        let checksum = SHA256.hex(of: bytes)
        for (index, part) in intake.parts.enumerated() {
            let chained = path + " » " + part.name
            let received = decisions[index]
            if part.isBody
                && part.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            {
                problems.append(
                    Diagnostic(
                        file: chained,
                        message:
                            "the mail has no answer attachment and its body (above any signature or quoted "
                            + "mail) is empty; nothing to read"))
                continue
            }
            if !part.isBody, Submitter.isDelimited(part.name),
                part.bytes.count >= StreamingSubmitter.threshold
            {
                routes.append(
                    SubmitRoute(
                        file: chained, path: .general, reason: .mailAttachment,
                        dryRun: request.dryRun))
            }
            do {
                let file = try AnswerFile.read(
                    bytes: part.bytes, name: chained, format: part.isBody ? .prose : nil,
                    budget: &budget)
                var notes =
                    mailNotes
                    + part.notes.map { Diagnostic(file: chained, severity: .note, message: $0) }
                // Parts received at different times each say their own.
                if let received,
                    !mailNotes.contains(where: { $0.message.hasPrefix("received time:") })
                {
                    notes.append(
                        Diagnostic(
                            file: chained, severity: .note,
                            message: "received time: \(received.reason)"))
                }
                items.append(
                    Item(
                        file: file,
                        mail: MailOrigin(
                            container: (path as NSString).lastPathComponent, bytes: bytes,
                            checksum: checksum,
                            part: SourcePart(name: part.name, checksum: SHA256.hex(of: part.bytes)),
                            received: received, senders: part.senders, notes: notes)))
            } catch {
                guard case .invalidData(let d) = error else { throw error }
                problems += d
            }
        }
        return (items, problems)
    }

    /// Reads an item's responses.
    ///
    /// A mail part's delegation is its own (named in the file),
    /// else `--delegation`, else its sender's in the contacts file; the receipt says which.
    func parse(
        _ item: Item, questionnaire: Questionnaire, delegation: MemberState?,
        contacts: (index: [String: [String]], file: String)?
    ) throws(SurveyError) -> (responses: [Response], diagnostics: [Diagnostic]) {
        guard let mail = item.mail else {
            return try AnswerParser(questionnaire: questionnaire, delegation: delegation).parse(
                item.file)
        }
        let name = item.file.name
        let firstError: SurveyError
        do {
            let own = try AnswerParser(questionnaire: questionnaire, delegation: nil).parse(
                item.file)
            return (
                own.responses,
                mail.notes + [
                    Diagnostic(
                        file: name, severity: .note, message: "delegation: named in the file")
                ]
                    + own.diagnostics
            )
        } catch {
            firstError = error
        }
        var decision: DelegationDecision?
        if let delegation {
            decision = DelegationDecision(state: delegation, reason: "--delegation")
        } else if let contacts {
            do {
                decision = try DelegationDecision.fromContacts(
                    senders: mail.senders, index: contacts.index, file: contacts.file)
            } catch {
                throw .invalidData([Diagnostic(file: name, message: error.message)])
            }
        }
        guard let decision else {
            guard case .usage = firstError else { throw firstError }
            let sender =
                mail.senders.first.map { "the sender \($0.address)" }
                ?? "the mail has no sender and"
            let lookup =
                contacts.map { "\(sender) is not in \($0.file)" }
                ?? "\(sender) cannot be looked up without --contacts FILE"
            throw .invalidData([
                Diagnostic(
                    file: name,
                    message:
                        "whose answer this is cannot be told: the answer names no delegation, no --delegation "
                        + "was given, and \(lookup); give --delegation MS, or --contacts FILE listing the sender"
                )
            ])
        }
        let result = try AnswerParser(questionnaire: questionnaire, delegation: decision.state)
            .parse(item.file)
        return (
            result.responses,
            mail.notes + [
                Diagnostic(
                    file: name, severity: .note,
                    message: "delegation \(decision.state.code): \(decision.reason)")
            ]
                + result.diagnostics
        )
    }
}
