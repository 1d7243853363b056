public import Foundation

extension Compilation.Entry {
    /// The entry as `compile --format json` gives it (CONTRACT.md, `compile`).
    public var json: JSONValue {
        .object([
            "threat": .optional(threat), "text": .string(text), "source": .string(source),
            "kind": .string(kind.rawValue), "names": .strings(names),
            "negated": .strings(negated),
        ])
    }
}

extension Compilation.Reply {
    /// The reply as `compile --format json` gives it (CONTRACT.md, `compile`).
    public func json(in zone: TimeZone) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "delegation", value: .string(delegation)),
            .init(key: "cosignatories", value: .strings(cosignatories)),
        ]
        if let respondent { members.append(.init(key: "respondent", value: .string(respondent))) }
        members += [
            .init(key: "countedFor", value: .strings(countedFor)),
            .init(key: "submission", value: .int(Int(submission))),
            .init(key: "received", value: .string(Timestamp.iso(received, in: zone))),
            .init(key: "late", value: .bool(late)),
            .init(key: "receivedAfterDeadline", value: .bool(receivedAfterDeadline)),
            .init(key: "file", value: .string(file)),
            .init(key: "part", value: .optional(part)),
            .init(
                key: "threats",
                value: .array(
                    threats.map {
                        .object([
                            "threat": .string($0.threat), "priority": .optional($0.priority),
                            "negated": .bool($0.negated),
                        ])
                    })),
            .init(
                key: "answers",
                value: .object(answers.map { .init(key: $0.question, value: .string($0.value)) })),
            .init(key: "entries", value: .array(entries.map(\.json))),
        ]
        return .object(members)
    }

    /// "BE — Belgium (joint reply with LU, NL)".
    var heading: String {
        var text = delegation
        if let name = MemberState.withCode(delegation)?.englishName { text += " — \(name)" }
        if !cosignatories.isEmpty {
            text += " (joint reply with \(cosignatories.joined(separator: ", ")))"
        }
        if let respondent { text += ", respondent \(respondent)" }
        return text
    }
}

extension Compilation {
    /// The subject line of the compilation's Council header: "Compilation of replies: <title>".
    public var subject: String { "Compilation of replies: \(questionnaire.title)" }

    /// `compile --format json` (CONTRACT.md, `compile`): always the replies by delegation;
    /// with `--by threat`, the same entries grouped by threat as well.
    public func json(header: CouncilHeader? = nil) -> JSONValue {
        let zone = questionnaire.timeZone
        var members: [JSONValue.Member] = [
            .init(key: "questionnaire", value: .string(questionnaire.id)),
            .init(key: "by", value: .string(grouping.rawValue)),
            .init(key: "replied", value: .strings(replied)),
            .init(key: "noReply", value: .strings(noReply)),
        ]
        if let header { members.append(.init(key: "header", value: header.json)) }
        members.append(
            .init(key: "delegations", value: .array(replies.map { $0.json(in: zone) })))
        if grouping == .threat {
            members.append(
                .init(
                    key: "threats",
                    value: .array(
                        byThreat.map { group in
                            .object([
                                "threat": .optional(group.threat),
                                "title": .string(title(of: group.threat)),
                                "entries": .array(
                                    group.entries.map { reply, entry in
                                        entry.json.adding("delegation", .string(reply.delegation))
                                            .adding("cosignatories", .strings(reply.cosignatories))
                                            .adding("late", .bool(reply.late))
                                    }),
                            ])
                        })))
        }
        return .object(members)
    }

    /// The threat's title, or "General comments".
    func title(of threat: String?) -> String {
        guard let threat else { return "General comments" }
        return questionnaire.threat(threat)?.title ?? threat
    }

    /// The compilation as a Council note: the header, who replied (late ones marked) and who
    /// did not, then every reply's comments verbatim with their sources — by delegation, or
    /// by threat.
    public func document(header: CouncilHeader? = nil) -> Document {
        let zone = questionnaire.timeZone
        var blocks: [Document.Block] = []
        if let header { blocks.append(.councilHeader(header)) }
        blocks.append(.heading(subject))
        let lateOnes = replies.filter(\.late).map(\.delegation)
        var opening =
            "Delegations will find below the replies received to \(questionnaire.id) "
            + "(deadline \(questionnaire.deadline)): \(replied.count) of "
            + "\(replied.count + noReply.count) Member States replied."
        if !lateOnes.isEmpty { opening += " Late: \(lateOnes.joined(separator: ", "))." }
        opening +=
            noReply.isEmpty
            ? " Every Member State replied."
            : " No reply from: \(noReply.joined(separator: ", "))."
        blocks.append(.text(opening))
        var overview = TextTable(
            columns: ["delegation", "joint with", "received", "late", "threats named"],
            rows: replies.map { r in
                [
                    r.delegation, r.cosignatories.joined(separator: " "),
                    Timestamp.iso(r.received, in: zone),
                    r.late ? "late" : (r.receivedAfterDeadline ? "resubmitted late" : ""),
                    r.threats.map { t in
                        t.threat + (t.priority.map { " (\($0))" } ?? "")
                            + (t.negated ? " (not)" : "")
                    }.joined(separator: ", "),
                ]
            })
        overview.caption = "The replies received, in protocol order."
        blocks.append(.table(overview))
        switch grouping {
        case .delegation:
            for reply in replies {
                blocks.append(.subheading(reply.heading))
                var about = [
                    "Received \(Timestamp.iso(reply.received, in: zone))"
                        + (reply.late
                            ? " (late)"
                            : reply.receivedAfterDeadline
                                ? " (resubmitted after the deadline)" : "")
                        + ", "
                        + (reply.part.map { "\($0) of the mail \(reply.file)" } ?? reply.file)
                        + "."
                ]
                if !reply.answers.isEmpty {
                    about.append(
                        "Answers: "
                            + reply.answers.map { "\($0.question): \($0.value)" }.joined(
                                separator: "; ") + ".")
                }
                blocks += about.map(Document.Block.text)
                if reply.entries.isEmpty { blocks.append(.note("No comments.")) }
                for entry in reply.entries {
                    blocks += Self.blocks(entry, label: title(of: entry.threat))
                }
            }
        case .threat:
            for group in byThreat {
                blocks.append(.subheading(title(of: group.threat)))
                if group.entries.isEmpty { blocks.append(.note("No comments.")) }
                for (reply, entry) in group.entries {
                    let joint =
                        reply.cosignatories.isEmpty
                        ? "" : " (with \(reply.cosignatories.joined(separator: ", ")))"
                    blocks += Self.blocks(
                        entry, label: reply.delegation + joint + (reply.late ? ", late" : ""))
                }
            }
        }
        if !noReply.isEmpty {
            blocks.append(.heading("Member States that did not reply"))
            blocks.append(.text(noReply.joined(separator: ", ")))
        }
        var csv = TextTable(
            columns: ["delegation", "cosignatories", "late", "threat", "text", "source"],
            rows: replies.flatMap { r in
                r.entries.map { e in
                    [
                        r.delegation, r.cosignatories.joined(separator: " "), r.late ? "yes" : "",
                        e.threat ?? "", e.text, e.source,
                    ]
                }
            })
        csv.caption = "Every comment, verbatim, with its source."
        var document = Document(blocks: blocks, json: json(header: header), csv: csv)
        document.title = subject
        return document
    }

    /// One entry: who or what it is about and where it came from, then the text verbatim,
    /// then the threats it names only in negated clauses.
    static func blocks(_ entry: Entry, label: String) -> [Document.Block] {
        var blocks: [Document.Block] = [.text("\(label) — \(entry.source):"), .text(entry.text)]
        if !entry.negated.isEmpty {
            blocks.append(
                .note(
                    "named in a negated clause, quoted and not counted: "
                        + entry.negated.joined(separator: ", ")))
        }
        return blocks
    }
}
