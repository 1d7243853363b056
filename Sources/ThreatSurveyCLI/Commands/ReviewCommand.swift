import Foundation
import ThreatSurvey

/// The `review` command: the officer's decisions on one submission's mentions.
///
/// `review SUBMISSION [--accept N] [--reject N] [--priority N=P] [--add THREAT] --reason TEXT`
///
/// Without a decision it lists the mentions, numbered, with their evidence and the decisions
/// already taken. Each decision is a new dated row (who, when, why); the delegation's bytes and
/// the machine's reading stay as they were, and every count follows the decisions.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "review",
        summary:
            "list a submission's mentions with their evidence; record the officer's decisions on them",
        discussion:
            "Decisions are never changed or deleted; a later decision about the same mention overrides an earlier one.",
        examples: [
            .init(
                "threatsurvey review 1",
                "Lists submission #1's mentions, numbered, with their evidence and decisions."),
            .init(
                "threatsurvey review 1 --accept 3 --reason \"confirmed by the delegation\"",
                "Counts mention 3 after all (say, a negated prose match), on the record."),
        ])

    @Argument("SUBMISSION", help: "the submission's number as shown by 'history' (3 or #3)")
    var submission: SubmissionNumber
    @Option("N", help: "count mention N after all (e.g. a negated prose match)")
    var accept: [Int]
    @Option("N", help: "do not count mention N")
    var reject: [Int]
    @Option("N=P", help: "give mention N the priority P")
    var priority: [ArgumentPair<Int, Int>]
    @Option("THREAT", help: "count THREAT as mentioned (id, title or alias)")
    var add: [String]
    @Option("TEXT", help: "why (required with any decision; kept on the record)")
    var reason: String?
    @Option("NAME", help: "who decides (default $USER)")
    var by: String?
    @Option("FORMAT", help: "output format", values: [.table, .json])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let id = submission.id
        let deciding = !(accept.isEmpty && reject.isEmpty && priority.isEmpty && add.isEmpty)
        let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if deciding, why.isEmpty {
            throw .usage(
                "a decision needs --reason TEXT (why, in your words; it goes on the record)")
        }
        if !deciding, reason != nil {
            throw .usage(
                "--reason without a decision (--accept N, --reject N, --priority N=P or --add THREAT)"
            )
        }
        let opened =
            deciding
            ? try StoreOptions.existingOrMissing(store, context) : try store.forReading(context)
        guard let found = try opened.submission(id: id) else {
            throw .inputMissing(
                path: opened.path,
                reason: "no submission #\(id) in this store (see threatsurvey history)")
        }
        let questionnaire = try? questionnaires.catalog(with: opened).find(found.questionnaire)
        // Decisions name one answer's mentions; a submission gathering respondents holds
        // one answer per respondent, which a number cannot single out.
        if deciding, found.gathersRespondents {
            throw .usage(
                "#\(id) holds the answers of \(found.response.respondentCount) respondents of "
                    + "\(found.delegation); --accept, --reject, --priority and --add decide on one "
                    + "answer's mentions. To withdraw the file's answers: threatsurvey void \(id) "
                    + "--reason TEXT; to correct a respondent's: submit the corrected rows (a "
                    + "respondent's latest answer counts)")
        }
        if deciding {
            let earlier = Decision.review(try opened.decisions(submission: id), of: found)
            if let voided = earlier.voided {
                throw .usage(
                    "#\(id) was voided (decision #\(voided.id): \(voided.reason)); it no longer counts"
                )
            }
            let decisions = try newDecisions(
                for: found, numbered: earlier.mentions, reason: why, questionnaire: questionnaire,
                context: context)
            let recorded = try opened.record(decisions)
            for d in recorded { try context.console.err("#\(id): \(d.line)") }
        }
        let reviewed = Decision.review(try opened.decisions(submission: id), of: found)
        try context.print(document(found, reviewed), format: format)
        return .success
    }

    /// The decisions the command line asks for, each checked against the mentions.
    func newDecisions(
        for found: Submission, numbered: [ReviewedMention], reason: String,
        questionnaire: Questionnaire?,
        context: CommandContext
    ) throws(SurveyError) -> [Decision] {
        let who = ReviewCommand.who(by, context)
        let now = Date()
        func mention(_ n: Int, _ option: String) throws(SurveyError) -> ReviewedMention {
            guard n >= 1, n <= numbered.count else {
                throw .usage(
                    "--\(option) \(n): #\(found.id) has \(numbered.count) mention\(numbered.count == 1 ? "" : "s") "
                        + "(numbered 1–\(numbered.count) by threatsurvey review \(found.id))")
            }
            return numbered[n - 1]
        }
        var out: [Decision] = []
        for n in accept {
            let m = try mention(n, "accept")
            out.append(
                Decision(
                    submission: found.id, action: .accept, mention: n, threat: m.mention.threat,
                    reason: reason, by: who, at: now))
        }
        for n in reject {
            let m = try mention(n, "reject")
            out.append(
                Decision(
                    submission: found.id, action: .reject, mention: n, threat: m.mention.threat,
                    reason: reason, by: who, at: now))
        }
        for pair in priority {
            let m = try mention(pair.key, "priority")
            guard pair.value >= 1, pair.value <= Priority.maximum else {
                throw .usage(
                    "--priority \(pair.key)=\(pair.value): a priority is a whole number from 1 (highest) to \(Priority.maximum)"
                )
            }
            out.append(
                Decision(
                    submission: found.id, action: .priority, mention: pair.key,
                    threat: m.mention.threat,
                    priority: pair.value, reason: reason, by: who, at: now))
        }
        for name in add {
            guard let questionnaire else {
                throw .usage(
                    "--add \(name): questionnaire \(found.questionnaire) is not defined here; pass --questionnaires DIR"
                )
            }
            let resolver = ThreatResolver(questionnaire: questionnaire)
            guard let threat = resolver.resolve(name) else {
                let hint = resolver.suggestion(for: name).map { "; did you mean \"\($0)\"?" } ?? ""
                throw .usage("--add: unknown threat \"\(TerminalText.clipped(name))\"\(hint)")
            }
            if let already = numbered.first(where: { $0.mention.threat == threat && $0.counts }) {
                throw .usage("--add \(threat): mention \(already.number) already counts it")
            }
            out.append(
                Decision(
                    submission: found.id, action: .add, threat: threat, reason: reason, by: who,
                    at: now))
        }
        return out
    }

    /// `--by`, else the login name (``Decision/officer(by:variables:accountName:)``).
    static func who(_ by: String?, _ context: CommandContext) -> String {
        Decision.officer(by: by, variables: context.variables)
    }

    /// The numbered mentions with their evidence and decisions.
    func document(_ found: Submission, _ reviewed: (voided: Decision?, mentions: [ReviewedMention]))
        -> Document
    {
        var rows: [[String]] = []
        for r in reviewed.mentions {
            let reading = r.reading
            let place: String
            switch reading?.origin {
            case .prose?: place = "line \(reading?.line ?? 0) \"\(reading?.phrase ?? "")\""
            case .structured?: place = reading?.line.map { "line \($0)" } ?? ""
            case nil: place = "added by the officer"
            }
            var read = "counted"
            if let reading, reading.negated { read = "negated by \"\(reading.cue ?? "")\"" }
            if reading == nil { read = "-" }
            let priority = r.mention.priority.map(String.init) ?? "-"
            let decided = r.decisions.map {
                "#\($0.id) \($0.action.rawValue) by \($0.by): \($0.reason)"
            }
            .joined(separator: "; ")
            rows.append([
                String(r.number), r.mention.threat, priority, reading?.origin.rawValue ?? "officer",
                place, read,
                r.counts ? "yes" : "no", decided,
            ])
        }
        let table = TextTable(
            columns: [
                "N", "threat", "priority", "origin", "found at", "reading", "counts", "decisions",
            ],
            alignments: [.right, .left, .right, .left, .left, .left, .left, .left], rows: rows)
        var blocks: [Document.Block] = [
            .heading("Review of #\(found.id) to \(found.questionnaire) from \(found.delegation)")
        ]
        if found.gathersRespondents {
            // Its mentions are its respondents': `show` lists them; no number singles one out.
            blocks.append(
                .text(
                    "#\(found.id) holds the answers of \(found.response.respondentCount) "
                        + "respondents (threatsurvey show \(found.id) lists them)."))
        } else {
            blocks.append(rows.isEmpty ? .text("No mentions.") : .table(table))
        }
        if let voided = reviewed.voided { blocks.append(.note("voided: \(voided.line)")) }
        blocks.append(
            .note(
                found.gathersRespondents
                    ? "decide with: threatsurvey void \(found.id) --reason TEXT (withdraws every "
                        + "respondent's answer in it); to correct one respondent, submit its "
                        + "corrected rows (a respondent's latest answer counts)"
                    : "decide with: threatsurvey review \(found.id) --accept N | --reject N | --priority N=P | --add THREAT --reason TEXT"
            ))
        let json = JSONValue.object([
            "submission": .int(Int(found.id)),
            "voided": reviewed.voided.map(\.json) ?? .null,
            "mentions": .array(
                reviewed.mentions.map { r in
                    .object([
                        "number": .int(r.number), "threat": .string(r.mention.threat),
                        "priority": .optional(r.mention.priority),
                        "origin": .string(r.reading?.origin.rawValue ?? "officer"),
                        "phrase": .optional(r.reading?.phrase), "line": .optional(r.reading?.line),
                        "negated": .bool(r.reading?.negated ?? false),
                        "cue": .optional(r.reading?.cue),
                        "counts": .bool(r.counts), "decisions": .array(r.decisions.map(\.json)),
                    ])
                }),
        ])
        return Document(blocks: blocks, json: json)
    }
}
