import Foundation

extension Submitter {
    /// Submits `request` by whichever route fits, and says what happened: the one entry point
    /// of `submit`, so that the command only parses options and renders the outcome.
    ///
    /// In order:
    /// 1. ``validate(_:)``: the rules between options, before any file is read (see there).
    /// 2. Folders are expanded (``expandingFoldersSaying(_:)``); entries that are not regular
    ///    files are left out and listed in ``SubmitOutcome/skipped``.
    /// 3. The route:
    ///    - `--each`: every file (a mail with all its parts) read by the general reader and
    ///      stored on its own; a file refused for its data, a missing file or a usage problem
    ///      of its own is listed in ``SubmitOutcome/failures`` and the others are stored.
    ///    - otherwise, large long CSVs with respondents are streamed into the store in one
    ///      transaction (``StreamingSubmitter``), the definition kept with them;
    ///    - else the general reader reads every file (mails' answer attachments included) and
    ///      stores all of them or none (``prepare(_:store:)``, ``commit(_:into:)``).
    ///    Every large CSV or TSV file, or mail attachment, the general reader reads has a route
    ///    in ``SubmitOutcome/routes`` saying why (a mail attachment: mails are read whole).
    /// 4. A dry run takes the same routes as far as reading, and stores nothing.
    ///
    /// `--contacts` given without a mail among the files read is a note
    /// (``SubmitOutcome/notes``), not an error: the files are still stored.
    ///
    /// - Parameters:
    ///   - request: what to submit (folders not yet expanded).
    ///   - store: the existing store, or how to create one; created only when something will
    ///     be stored, and removed again when streaming then stores nothing.
    ///   - progress: the sink for each stage's progress (`nil`: none shown).
    /// - Returns: everything the command prints.
    /// - Throws: ``SubmitFailure``: the error (its exit code as ``SurveyError`` says), with
    ///   what was found to say before it.
    public func submit(
        _ request: SubmitRequest, store: SubmitStoreAccess,
        progress: (SubmitStage) -> (any ProgressSink)? = { _ in nil }
    ) throws(SubmitFailure) -> SubmitOutcome {
        var outcome = SubmitOutcome()
        outcome.dryRun = request.dryRun
        do {
            try validate(request)
            let expanded = try Submitter.expandingFoldersSaying(request.paths)
            outcome.skipped = expanded.skipped
            var request = request
            request.paths = expanded.files
            outcome.fileCount = request.paths.count
            var mails = false
            if request.each {
                mails = try submitEach(request, store: store, into: &outcome)
            } else {
                mails = try submitTogether(
                    request, store: store, progress: progress, into: &outcome)
            }
            if let contacts = request.contacts, !mails {
                outcome.notes.append(
                    "--contacts \((contacts as NSString).lastPathComponent) was not used: none "
                        + "of the files is a mail (the contacts tell whose a mail is from its "
                        + "sender)")
            }
            return outcome
        } catch {
            throw SubmitFailure(said: outcome, error: error)
        }
    }

    /// Every file together: streamed when the route allows, else the general reader; all
    /// stored, or none.
    ///
    /// - Returns: whether any file was a mail.
    private func submitTogether(
        _ request: SubmitRequest, store access: SubmitStoreAccess,
        progress: (SubmitStage) -> (any ProgressSink)?, into outcome: inout SubmitOutcome
    ) throws(SurveyError) -> Bool {
        let total = request.paths.reduce(Int64(0)) { $0 + (InputFile.size($1) ?? 0) }
        // Large long CSVs with respondents are streamed into the store (flat memory); a store
        // created for files then refused is removed again.
        let streaming = try ProgressContext.with(progress(.storing), total: total) {
            () throws(SurveyError) in
            try StreamingSubmitter(catalog: catalog).submitRouted(
                request, existing: { access.existing }, create: access.create)
        }
        switch streaming {
        case .general(let routes):
            outcome.routes = routes
        case .streamed(let receipts) where !receipts.isEmpty:
            outcome.streamed = receipts
            // The streamed receipt has no warning list: the one warning about the request
            // itself (a received time before the questionnaire was issued) is said here.
            let questionnaire = receipts[0].questionnaire
            if let instant = request.received?.resolve(in: questionnaire.timeZone),
                let warning = questionnaire.beforeIssueWarning(instant)
            {
                outcome.warnings.append("warning: " + warning)
            }
            return false
        case .streamed:
            break
        }
        // The general reader: every file validated before a store is even created, so a bad
        // file leaves no trace.
        var routes = outcome.routes
        defer { outcome.routes = routes }
        let prepared = try ProgressContext.with(progress(.reading), total: total) {
            () throws(SurveyError) in
            try prepare(request, store: access.existing, routes: &routes)
        }
        var target = access.existing
        if target == nil && !request.dryRun { target = try access.create() }
        outcome.receipts = try commit(prepared, into: target)
        return prepared.files.contains { $0.part != nil }
    }

    /// `--each`: every file (a mail with all its parts) validated and stored on its own, so
    /// one bad mail among twenty does not hold back the nineteen.
    ///
    /// - Returns: whether any file was a mail.
    private func submitEach(
        _ request: SubmitRequest, store access: SubmitStoreAccess,
        into outcome: inout SubmitOutcome
    ) throws(SurveyError) -> Bool {
        outcome.routes = Submitter.eachRoutes(request)
        var target = access.existing
        var mails = false
        for path in request.paths {
            var one = request
            one.paths = [path]
            do {
                let prepared = try prepare(one, store: target, routes: &outcome.routes)
                mails = mails || prepared.files.contains { $0.part != nil }
                if target == nil && !request.dryRun { target = try access.create() }
                outcome.receipts += try commit(prepared, into: target)
            } catch {
                switch error {
                case .invalidData, .inputMissing, .usage:
                    outcome.failures.append(.init(path: path, error: error))
                    // A refused mail was still a mail: its contacts were consulted.
                    if MailIntake.isMail(name: path, bytes: []) { mails = true }
                default: throw error
                }
            }
        }
        return mails
    }
}
