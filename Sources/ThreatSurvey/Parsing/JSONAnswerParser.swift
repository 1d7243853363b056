/// Reads JSON answers: one object, or an array of objects (<doc:Answers>).
///
/// `threats` entries are a threat name or `{"threat", "priority", "comment"}`; `comments`
/// is prose and is searched for threats too; `answers` maps question ids to answers.
struct JSONAnswerParser {
    static let knownKeys: Set<String> = [
        "questionnaire", "delegation", "cosignatories", "date", "threats", "answers", "comments",
        "respondent",
    ]

    let context: ParseContext

    func parse(_ root: JSONNode) -> (responses: [Response], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let objects: [JSONNode]
        if let array = root.array {
            objects = array
            if array.isEmpty {
                diagnostics.record(context.error(root.line, root.column, "empty array: no answers"))
            }
        } else {
            objects = [root]
        }
        var responses: [Response] = []
        for object in objects {
            guard let members = object.members else {
                diagnostics.record(
                    context.error(
                        object.line, object.column,
                        "an answer is a JSON object, found \(object.kindName)"))
                continue
            }
            for member in members where !Self.knownKeys.contains(member.key.lowercased()) {
                diagnostics.record(
                    context.warning(
                        member.keyLine, member.keyColumn,
                        "field \"\(member.key)\" is not used; ignored"))
            }
            if let response = parseObject(object, into: &diagnostics) { responses.append(response) }
        }
        return (responses, diagnostics)
    }

    private func string(_ node: JSONNode?, _ field: String, into diagnostics: inout [Diagnostic])
        -> String?
    {
        guard let node else { return nil }
        if case .null = node.value { return nil }
        guard let s = node.string else {
            diagnostics.record(
                context.error(
                    node.line, node.column, "\"\(field)\" must be a string, found \(node.kindName)")
            )
            return nil
        }
        return s
    }

    private func parseObject(_ object: JSONNode, into diagnostics: inout [Diagnostic]) -> Response?
    {
        if let q = string(object["questionnaire"], "questionnaire", into: &diagnostics),
            let node = object["questionnaire"]
        {
            context.checkQuestionnaire(q, line: node.line, column: node.column, into: &diagnostics)
        }
        var state = context.delegation
        if let node = object["delegation"],
            let written = string(node, "delegation", into: &diagnostics)
        {
            let fromFile = context.memberState(
                written, line: node.line, column: node.column, role: "delegation",
                into: &diagnostics)
            if let given = context.delegation, let fromFile, given != fromFile {
                diagnostics.record(
                    context.error(
                        node.line, node.column,
                        "answer is from \(fromFile.code) but --delegation says \(given.code)"))
            }
            state = fromFile
        } else if context.delegation == nil {
            diagnostics.record(
                context.error(
                    object.line, object.column, "missing \"delegation\" (or give --delegation)"))
        }
        var cosignatories: [String] = []
        if let node = object["cosignatories"] {
            if let list = node.array {
                for element in list {
                    guard let written = string(element, "cosignatories", into: &diagnostics) else {
                        continue
                    }
                    if let s = context.memberState(
                        written, line: element.line, column: element.column, role: "cosignatory",
                        into: &diagnostics), s.code != state?.code, !cosignatories.contains(s.code)
                    {
                        cosignatories.append(s.code)
                    }
                }
            } else if let written = node.string {
                // One string: split as the CSV column is ("BE; LU", "BE/LU"), never on spaces.
                for part in written.split(whereSeparator: {
                    LongCSVParser.cosignatorySeparators.contains($0)
                })
                where !String(part).trimmingWhitespace().isEmpty {
                    if let s = context.memberState(
                        String(part), line: node.line, column: node.column + 1, role: "cosignatory",
                        into: &diagnostics), s.code != state?.code, !cosignatories.contains(s.code)
                    {
                        cosignatories.append(s.code)
                    }
                }
            } else {
                diagnostics.record(
                    context.error(
                        node.line, node.column, "\"cosignatories\" must be a list of Member States")
                )
            }
        }
        var dated: CivilDate?
        if let node = object["date"], let text = string(node, "date", into: &diagnostics) {
            dated = CivilDate(written: text)
            if dated == nil {
                diagnostics.record(
                    context.error(
                        node.line, node.column,
                        "\"date\" is not a date (YYYY-MM-DD, or day first as DD/MM/YYYY or DD.MM.YYYY): \"\(text)\""
                    ))
            }
        }
        let respondent = string(object["respondent"], "respondent", into: &diagnostics)
        var mentions: [Mention] = []
        if let node = object["threats"] {
            if let list = node.array {
                var bare = Set<Int>()
                for element in list {
                    if let m = mention(element, into: &diagnostics) {
                        if element.members != nil, m.priority == nil,
                            (m.comment ?? "").trimmingWhitespace().isEmpty
                        {
                            bare.insert(mentions.count)
                        }
                        mentions.append(m)
                    }
                }
                // A filled-in template: every threat listed, some given a priority or a comment;
                // the entries left as the template had them ({"priority": null, "comment": ""})
                // mention nothing.
                let every = Set(context.questionnaire.threats.map(\.id))
                if !bare.isEmpty, bare.count < mentions.count, Set(mentions.map(\.threat)) == every
                {
                    diagnostics.record(
                        context.warning(
                            node.line, node.column,
                            "every threat of \(context.questionnaire.id) is listed, as in a filled-in template: "
                                + "the \(bare.count) entries without priority or comment mention nothing"
                        ))
                    mentions = mentions.enumerated().filter { !bare.contains($0.offset) }.map(
                        \.element)
                }
            } else {
                diagnostics.record(
                    context.error(node.line, node.column, "\"threats\" must be a list"))
            }
        }
        var answers: [Response.Answer] = []
        if let node = object["answers"] {
            if let members = node.members {
                for member in members {
                    let value: String?
                    switch member.value.value {
                    case .string(let s): value = s
                    case .bool(let b): value = b ? "yes" : "no"
                    case .number(let n): value = n
                    default: value = nil
                    }
                    guard let value else {
                        diagnostics.record(
                            context.error(
                                member.value.line, member.value.column,
                                "answer to \"\(member.key)\" must be a string or yes/no"))
                        continue
                    }
                    if let a = context.answer(
                        question: member.key, value: value, line: member.keyLine,
                        column: member.keyColumn, into: &diagnostics)
                    {
                        answers.append(a)
                    }
                }
            } else {
                diagnostics.record(
                    context.error(
                        node.line, node.column, "\"answers\" must be an object of question → answer"
                    ))
            }
        }
        var comments: String?
        if let node = object["comments"], let text = string(node, "comments", into: &diagnostics) {
            comments = text
            // Positions inside a JSON string: the string starts one column after its quote.
            mentions += context.proseMentions(
                in: text, line: node.line, column: node.column + 1, into: &diagnostics)
        }
        guard let state else { return nil }
        if mentions.isEmpty && answers.isEmpty {
            diagnostics.record(
                context.warning(
                    object.line, object.column,
                    "\(state.code) names no threat and answers no question"))
        }
        return Response(
            delegation: state.code, cosignatories: MemberState.sortedByProtocol(cosignatories),
            respondent: respondent, dated: dated, mentions: mentions, answers: answers,
            comments: comments, line: object.line)
    }

    private func mention(_ element: JSONNode, into diagnostics: inout [Diagnostic]) -> Mention? {
        if let name = element.string {
            guard
                let id = context.threat(
                    name, line: element.line, column: element.column, into: &diagnostics)
            else { return nil }
            return Mention(threat: id, phrase: name, line: element.line, column: element.column)
        }
        guard element.members != nil else {
            diagnostics.record(
                context.error(
                    element.line, element.column,
                    "a threat is a name or {\"threat\": …, \"priority\": …}, found \(element.kindName)"
                ))
            return nil
        }
        guard let nameNode = element["threat"], let name = nameNode.string else {
            diagnostics.record(context.error(element.line, element.column, "missing \"threat\""))
            return nil
        }
        let id = context.threat(
            name, line: nameNode.line, column: nameNode.column, into: &diagnostics)
        var priority: Int?
        if let p = element["priority"] {
            switch p.value {
            case .number(let text):
                // An integer literal only: 1e3, 1.0, -1 and huge values are refused.
                priority = context.priority(
                    text, line: p.line, column: p.column, into: &diagnostics)
            case .string(let text):
                priority = context.priority(
                    text, line: p.line, column: p.column, into: &diagnostics)
            case .null: break
            default:
                diagnostics.record(
                    context.error(
                        p.line, p.column,
                        "bad priority: a whole number from 1 (highest), found \(p.kindName)"))
            }
        }
        let comment = element["comment"]?.string
        guard let id else { return nil }
        return Mention(
            threat: id, priority: priority, comment: comment, origin: .structured, phrase: name,
            line: nameNode.line, column: nameNode.column)
    }
}
