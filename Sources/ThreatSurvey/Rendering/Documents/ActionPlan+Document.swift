import Foundation

extension ActionPlan.Action {
    /// Why the action is in the plan, in a sentence: "named by 14 of 20 replying Member
    /// States, 6 as their first priority"; "a signal for Southern Europe: 3 of 4 there, 0 of
    /// 11 elsewhere, p = 0.009".
    public var reason: String {
        if let signal, let region {
            return "a signal for \(region.title): \(signal.inRegion) of \(signal.regionResponded) "
                + "there, \(signal.outside) of \(signal.outsideResponded) elsewhere, "
                + "p = \(RegionalBreakdown.formatP(signal.pValue))"
        }
        let firsts = firstPreferences > 0 ? ", \(firstPreferences) as their first priority" : ""
        return "named by \(memberStates) of \(replied) replying Member States\(firsts)"
    }

    /// The action as `plan --format json` gives it (CONTRACT.md, `plan`).
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "number", value: .string(number)),
            .init(key: "threat", value: .string(threat)),
            .init(key: "title", value: .string(title)),
            .init(key: "scope", value: .string(scope.rawValue)),
            .init(key: "region", value: .optional(region?.id)),
        ]
        if scope == .regional {
            members.append(.init(key: "regionTitle", value: .optional(region?.title)))
            members.append(.init(key: "pValue", value: .optional(pValue)))
        }
        members += [
            .init(key: "memberStates", value: .int(memberStates)),
            .init(key: "replied", value: .int(replied)),
            .init(key: "meanPriority", value: .optional(meanPriority)),
            .init(key: "firstPreferences", value: .int(firstPreferences)),
            .init(key: "leads", value: .strings(leads)),
            .init(key: "participants", value: .strings(participants)),
            .init(key: "coordinateWith", value: .strings(coordinateWith)),
            .init(key: "reason", value: .string(reason)),
        ]
        return .object(members)
    }
}

extension ActionPlan {
    /// The subject line of the plan's Council header: "Draft 8th Action Plan: <title>".
    public var subject: String {
        "Draft \(CouncilHeader.ordinal(number)) Action Plan: \(questionnaire.title)"
    }

    /// `plan --format json` (CONTRACT.md, `plan`), with the Council header when given.
    public func json(header: CouncilHeader? = nil) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "questionnaire", value: .string(questionnaire.id)),
            .init(key: "replied", value: .int(ranking.responded.count)),
            .init(key: "roster", value: .int(ranking.roster.count)),
            .init(key: "minShare", value: .double(options.minShare)),
            .init(key: "maxActions", value: .int(options.maxActions)),
            .init(key: "plan", value: .int(number)),
            .init(key: "grouping", value: .string(breakdown.grouping.id)),
            .init(key: "alpha", value: .double(breakdown.alpha)),
        ]
        if let header { members.append(.init(key: "header", value: header.json)) }
        members += [
            .init(key: "actions", value: .array(actions.map(\.json))),
            .init(
                key: "notRetained",
                value: .array(
                    notRetained.map { n in
                        .object([
                            "threat": .string(n.threat), "title": .string(n.title),
                            "rank": .int(n.rank), "memberStates": .int(n.memberStates),
                            "share": .double(n.share), "reason": .string(n.reason.rawValue),
                        ])
                    })),
        ]
        return .object(members)
    }

    /// The plan as a Council note: the header, an opening sentence, the EU-wide and the
    /// regional actions (each with why, leads, participants and fora), and what was left out.
    public func document(header: CouncilHeader? = nil) -> Document {
        var blocks: [Document.Block] = []
        if let header { blocks.append(.councilHeader(header)) }
        blocks.append(.heading(subject))
        let replied = ranking.responded.count
        blocks.append(
            .text(
                "Delegations will find below a draft of the \(CouncilHeader.ordinal(number)) "
                    + "Action Plan, drawn from the replies of \(replied) of \(ranking.roster.count) "
                    + "Member States to \(questionnaire.id): EU-wide actions for the threats named "
                    + "by at least \(Self.percent(options.minShare)) of them, ranked at most "
                    + "\(options.maxActions), and regional actions where a threat matters to one "
                    + "region only (\(breakdown.grouping.title), p < "
                    + "\(JSONValue.format(breakdown.alpha)))."))
        let eu = actions.filter { $0.scope == .eu }
        let regional = actions.filter { $0.scope == .regional }
        blocks.append(.heading("EU-wide actions"))
        if eu.isEmpty {
            blocks.append(.text("No threat is named by enough replying Member States."))
        }
        for action in eu { blocks += Self.blocks(action) }
        blocks.append(.heading("Regional actions"))
        if regional.isEmpty {
            blocks.append(.text("No threat is concentrated in one region."))
        }
        for action in regional { blocks += Self.blocks(action) }
        blocks.append(.heading("Threats not retained"))
        if notRetained.isEmpty {
            blocks.append(.text("Every threat is the subject of an action."))
        } else {
            var table = TextTable(
                columns: ["rank", "threat", "MS", "share", "why not"],
                alignments: [.right, .left, .right, .right, .left],
                rows: notRetained.map { n in
                    [
                        String(n.rank), n.threat, String(n.memberStates), Self.percent(n.share),
                        Self.why(n.reason),
                    ]
                })
            table.caption = "Threats not retained, with the number of Member States naming them."
            blocks.append(.table(table))
        }
        var summary = TextTable(
            columns: ["action", "threat", "scope", "MS", "leads", "participants"],
            alignments: [.left, .left, .left, .right, .left, .left],
            rows: actions.map { a in
                [
                    a.number, a.threat, a.region?.id ?? "EU", String(a.memberStates),
                    a.leads.isEmpty ? "to be decided" : a.leads.joined(separator: " "),
                    a.participants.joined(separator: " "),
                ]
            })
        summary.caption = "The proposed actions, their leads and participants."
        var document = Document(blocks: blocks, json: json(header: header), csv: summary)
        document.title = subject
        return document
    }

    /// One action's blocks.
    static func blocks(_ a: Action) -> [Document.Block] {
        let scope = a.region.map { " (\($0.title))" } ?? ""
        var lines = [
            "Why: \(a.reason).",
            "Proposed lead: "
                + (a.leads.isEmpty ? "to be decided" : a.leads.joined(separator: ", ")) + ".",
            "Participants: " + a.participants.joined(separator: ", ") + ".",
        ]
        if let mean = a.meanPriority {
            lines.append("Mean priority given: \(String(format: "%.1f", mean)).")
        }
        if !a.coordinateWith.isEmpty {
            lines.append(
                "Coordinate with: " + a.coordinateWith.joined(separator: "; ")
                    + " (to avoid duplication).")
        }
        return [
            .subheading("Action \(a.number): \(a.title)\(scope)")
        ] + lines.map(Document.Block.text)  // one paragraph per line, in every format
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func why(_ reason: NotRetained.Reason) -> String {
        switch reason {
        case .notMentioned: return "not named"
        case .belowMinShare: return "below the minimum share"
        case .beyondMaxActions: return "beyond the number of actions"
        }
    }
}
