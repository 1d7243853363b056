import Foundation

extension Submitter {
    /// Checks the rules between `request`'s options before any answer file is read, so that a
    /// mistyped option costs nothing (not a minute of reading a large file) and leaves nothing.
    ///
    /// The rules, in the order checked (the first broken one is reported):
    /// 1. At least one file is named (64).
    /// 2. `--questionnaire` names a questionnaire defined (64, with the ones known).
    /// 3. `--delegation` names a Member State (64, with a suggestion).
    /// 4. `--received` is not later than now (64): judged in the named questionnaire's time
    ///    zone, or, when none is named, in the zone where it is earliest of those defined (so
    ///    that only a time in the future wherever it is read is refused here; the general
    ///    reader checks again once the questionnaire is known).
    /// 5. `--contacts FILE` is read and checked first: missing or unreadable 66, malformed 65
    ///    with every problem's place. Under `--each` too: one bad contacts file refuses the
    ///    command, instead of every mail.
    ///
    /// Allowed on purpose (documented, not refused): `--each` with one file (the same as
    /// without, but a refusal lists the file and exits 65); `--again` with `--dry-run` (a
    /// preview of what `--again` would store: no "already stored"); `--delegation` with
    /// `--contacts` (a mail's delegation is the answer's own, else `--delegation`, else the
    /// sender's in the contacts; the contacts still judge forwards); `--contacts` with no mail
    /// among the files (a note says it was not used); `--received` before the questionnaire
    /// was issued (a warning: usually a date typed the wrong way round).
    ///
    /// - Throws: ``SurveyError/usage(_:)``, ``SurveyError/inputMissing(path:reason:)`` or
    ///   ``SurveyError/invalidData(_:)`` as listed.
    public func validate(_ request: SubmitRequest) throws(SurveyError) {
        guard !request.paths.isEmpty else { throw .usage("submit needs at least one FILE") }
        let resolver = QuestionnaireResolver(catalog: catalog)
        let named = try request.questionnaire.map { (id) throws(SurveyError) in
            try resolver.named(id)
        }
        if let written = request.delegation, MemberStateResolver.shared.resolve(written) == nil {
            let hint =
                MemberStateResolver.shared.suggestion(for: written).map {
                    "; did you mean \"\($0)\"?"
                } ?? ""
            throw .usage("--delegation: unknown Member State \"\(written)\"\(hint)")
        }
        if let received = request.received {
            let zones = named.map { [$0.timeZone] } ?? catalog.questionnaires.map(\.timeZone)
            if let earliest = zones.map({ received.resolve(in: $0) }).min() {
                try DateTimeInput.checkNotFuture(earliest, now: now())
            }
        }
        _ = try loadContacts(request)
    }
}
