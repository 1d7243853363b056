import Foundation
package import ThreatSurvey

/// Drives one small consultation, derived from arbitrary bytes, through `submit`, the store
/// and every analysis the commands run: the fuzz target `pipeline` and its property test.
///
/// A parser's fuzz target only proves that reading a file does not trap; issue 11 showed the
/// next trap waiting behind it (a priority accepted by the reader made every analysis overflow,
/// for ever, because nothing is deleted from the store). This exercise follows accepted input
/// all the way: the bytes choose a few answer files (long CSV with and without respondents,
/// matrix CSV, JSON with cosignatories and answers to questions, prose) full of extreme values
/// (huge or signed priorities, many threats, odd dates, joint answers, unknown names, raw
/// bytes), submits them through the same ``Submitter`` entry points `submit` uses, into a
/// `:memory:` store, sometimes streams one long CSV or two whose respondents overlap through
/// ``StreamingSubmitter``, then runs ranking (count, Borda, on time only, as of, per region), every built-in grouping
/// of `regions` and `tally`, the deadline check both ways, the HTML report, the summary in
/// English and French, `history` (all and `--limit`) and `show` (table and JSON) for every
/// submission, the report and tally also from the stored sums as their commands read them,
/// rendering each document in an output format the bytes choose.
///
/// Errors are expected and ignored (they are the tool refusing bad input); only a trap, which
/// ends the process, is a finding.
package struct PipelineExercise: Sendable {
    /// The questionnaires the consultation may answer (one with questions for `tally`).
    package var catalog: QuestionnaireCatalog
    /// A folder for the file the streaming writer reads (`nil`: never stream).
    package var scratchFolder: String?

    /// An exercise over `catalog`.
    package init(catalog: QuestionnaireCatalog, scratchFolder: String? = nil) {
        self.catalog = catalog
        self.scratchFolder = scratchFolder
    }

    /// What one run did, so that a test can tell the exercise reached the analyses.
    package struct Outcome: Sendable {
        /// Answer files written.
        package var files = 0
        /// Submit requests the store accepted.
        package var acceptedSubmits = 0
        /// Submissions in the store at the end.
        package var storedSubmissions = 0
        /// Characters of every rendered output.
        package var renderedCharacters = 0
        /// Where two readings of the one rule disagreed: the history from every answer read
        /// and the history that reads respondents only where shared; the counted answers by
        /// kept sums and by every answer.
        package var disagreements: [String] = []
    }

    /// The fixed "now" of every run: late enough for every palette date but 9999-12-31 to be past.
    static let now = Date(timeIntervalSince1970: 2_000_000_000)

    /// Runs the consultation `bytes` describe, start to finish.
    ///
    /// - Complexity: O(`bytes.count`) files and rows, each analysis linear in them.
    package func run(_ bytes: [UInt8]) -> Outcome {
        var source = ByteChooser(bytes)
        var outcome = Outcome()
        guard !catalog.questionnaires.isEmpty,
            let store = try? Store(path: ":memory:")
        else { return outcome }
        let questionnaire = source.pick(catalog.questionnaires)
        var written: [String: [UInt8]] = [:]
        var submitter = Submitter(catalog: catalog)
        submitter.now = { Self.now }
        let requests = [1, 1, 2, 3][source.below(4)]
        for request in 0..<requests {
            var paths: [String] = []
            for file in 0..<(1 + source.below(3)) {
                let (ext, content) = PipelineConsultation.file(questionnaire, &source)
                let name = "r\(request)f\(file).\(ext)"
                written[name] = content
                paths.append(name)
                outcome.files += 1
            }
            submitter.readFile = { (path) throws(SurveyError) -> [UInt8] in
                guard let found = written[path] else {
                    throw .inputMissing(path: path, reason: "no such file")
                }
                return found
            }
            let submit = SubmitRequest(
                paths: paths,
                questionnaire: [questionnaire.id, nil, "nope/1"][max(0, source.below(8) - 5)],
                delegation: source.below(8) == 7
                    ? source.pick(["FR", "Deutschland", "xx", "EL"]) : nil,
                received: DateTimeInput(source.pick(PipelineConsultation.received)),
                dryRun: source.below(8) == 7)
            if (try? submitter.submit(submit, into: store)) != nil { outcome.acceptedSubmits += 1 }
        }
        if let scratchFolder, source.below(4) == 3 {
            // One streamed file, or two whose respondents may overlap (a later answer then
            // replaces an earlier one, and the sums are recomputed from the current answers).
            var paths: [String] = []
            for file in 0..<(1 + source.below(2)) {
                let path = (scratchFolder as NSString).appendingPathComponent(
                    "pipeline-\(getpid())-\(file).csv")
                let content = PipelineConsultation.longCSV(
                    questionnaire, respondents: true, &source)
                if FileManager.default.createFile(atPath: path, contents: Data(content)) {
                    paths.append(path)
                }
            }
            if !paths.isEmpty,
                let when = DateTimeInput(source.pick(PipelineConsultation.received))
            {
                _ = try? StreamingSubmitter(
                    catalog: QuestionnaireCatalog(questionnaires: [questionnaire])
                ).store(
                    into: store, paths: paths,
                    names: paths.indices.map { "streamed-\($0).csv" },
                    questionnaire: questionnaire,
                    received: when.resolve(in: questionnaire.timeZone))
            }
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
        }
        let format = source.pick(OutputFormat.allCases)
        func render(_ document: Document) {
            switch format.kind {
            case .binary(let binary):
                // Binary formats count their bytes: the Word and OpenDocument writers run too.
                outcome.renderedCharacters += (try? binary.render(document).count) ?? 0
            case .text(let text):
                outcome.renderedCharacters += document.render(as: text).count
            }
        }
        outcome.disagreements = analyse(
            store: store, questionnaire: questionnaire, source: &source, render: render)
        outcome.storedSubmissions = (try? store.submissions().count) ?? 0
        return outcome
    }

    /// Every analysis of every command, on what the store holds; returns where two readings
    /// of the one rule disagreed.
    private func analyse(
        store: Store, questionnaire chosen: Questionnaire, source: inout ByteChooser,
        render: (Document) -> Void
    ) -> [String] {
        var disagreements: [String] = []
        // One reading of the store per run, its options chosen by the bytes: across a fuzz
        // run every combination is reached, and each run stays cheap.
        let asOf = source.pick(PipelineConsultation.received)
        guard let today = CivilDate(iso: source.pick(PipelineConsultation.days)) else { return [] }
        let allowSums = source.below(2) == 0
        let (onTime, asOfText): (Bool, String?) = source.pick([
            (false, nil), (true, nil), (false, asOf), (true, asOf),
        ])
        let request = AnalysisRequest(
            questionnaire: source.below(8) == 7 ? nil : chosen.id,
            asOf: asOfText.flatMap(DateTimeInput.init),
            onTimeOnly: onTime, allowSums: allowSums)
        if let input = try? AnalysisInput.load(request, catalog: catalog, store: store) {
            for method in RankingOptions.Method.allCases {
                var options = input.options
                options.method = method
                render(input.ranking(options).document())
            }
            if let region = source.pick(Grouping.builtIn).regions.first {
                var options = input.options
                options.memberStates = Set(region.members)
                render(input.ranking(options).document(regionTitle: region.title))
            }
            for grouping in Grouping.builtIn {
                render(
                    input.breakdown(
                        grouping, alpha: RegionalBreakdown.defaultAlpha, options: input.options
                    ).document())
            }
            render(input.tally(source.pick(Grouping.builtIn)).document())
            let ranking = input.ranking(input.options)
            let breakdown = input.breakdown(
                source.pick(Grouping.builtIn), alpha: RegionalBreakdown.defaultAlpha,
                options: input.options)
            let attribute = source.below(2) == 1
            for language in SummaryWriter.Language.allCases {
                let writer = SummaryWriter(
                    ranking: ranking, breakdown: breakdown,
                    lateCount: input.options.onTimeOnly ? 0 : input.lateMemberStates.count,
                    attribute: attribute)
                _ = writer.paragraph(language)
            }
        }
        // deadline, report, history, show: straight from the store, as their commands read it.
        let all = (try? store.submissions(questionnaire: chosen.id)) ?? []
        if let answers = try? store.firstAndLastAnswers(
            questionnaire: chosen.id,
            before: DeadlineCheck.cutoff(today: today, questionnaire: chosen))
        {
            render(DeadlineCheck(questionnaire: chosen, answers: answers, today: today).document())
        }
        render(DeadlineCheck(questionnaire: chosen, submissions: all, today: today).document())
        let model = ReportModel(
            ReportInputs(
                questionnaire: chosen, submissions: all, grouping: source.pick(Grouping.builtIn),
                today: today, generated: Self.now))
        _ = HTMLReport(model: model).render()
        render(model.document())
        // The report and tally as their commands build them, from the counted answers
        // (streamed files by their sums, recomputed when files share respondents).
        if let stored = try? ReportModel.load(
            store: store, questionnaire: chosen, grouping: source.pick(Grouping.builtIn),
            today: today, generated: Self.now)
        {
            _ = HTMLReport(model: stored).render()
            render(stored.document())
        }
        if let tally = try? Tally.fromStore(
            store, questionnaire: chosen, grouping: source.pick(Grouping.builtIn))
        {
            render(tally.document())
        }
        let everything = (try? store.submissions()) ?? []
        let history = HistoryEntry.history(
            of: everything.filter { $0.questionnaire == chosen.id }, questionnaire: chosen,
            decisions: (try? store.decisions(questionnaire: chosen.id)) ?? [])
        render(HistoryEntry.document(history, catalog: catalog))
        if let read = try? HistoryEntry.all(
            in: store, questionnaire: chosen.id, questionnaire: { _ in chosen }),
            read.map(\.status) != history.map(\.status)
        {
            disagreements.append(
                "history: \(read.map(\.status)) read from the store, \(history.map(\.status)) from every answer"
            )
        }
        if let kept = try? CountedAnswers.load(store: store, questionnaire: chosen, asOf: nil),
            let every = try? CountedAnswers.load(
                store: store, questionnaire: chosen, asOf: nil, useCache: false),
            kept.aggregate.states != every.aggregate.states
        {
            disagreements.append("counted answers: kept sums differ from every answer")
        }
        if let latest = try? HistoryEntry.latest(
            1 + source.below(5), in: store, questionnaire: source.below(2) == 0 ? chosen.id : nil,
            questionnaire: { try? catalog.find($0) })
        {
            render(HistoryEntry.document(latest, catalog: catalog))
        }
        for submission in everything {
            guard let found = try? store.submission(id: submission.id) else { continue }
            let questionnaire = try? catalog.find(found.questionnaire)
            let entry = try? HistoryEntry.entry(of: found, in: store, questionnaire: questionnaire)
            var blocks = found.blocks(
                title: "Submission #\(found.id)", questionnaire: questionnaire)
            blocks.append(.text("status: \(entry?.status ?? "unknown")"))
            render(Document(blocks: blocks, json: found.json(in: questionnaire)))
            _ = try? store.originalBytes(fileID: found.fileID)
        }
        return disagreements
    }
}
