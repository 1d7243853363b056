/// Reads JSON answers: one object, or an array of objects (CONTRACT.md, accepted input 1).
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
            if array.isEmpty { diagnostics.record(context.error(root.line, root.column, "empty array: no answers")) }
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

    private func string(_ node: JSONNode?, _ field: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let node else { return nil }
        if case .null = node.value { return nil }
        guard let s = node.string else {
            diagnostics.record(
                context.error(node.line, node.column, "\"\(field)\" must be a string, found \(node.kindName)"))
            return nil
        }
        return s
    }

    private func parseObject(_ object: JSONNode, into diagnostics: inout [Diagnostic]) -> Response? {
        if let q = string(object["questionnaire"], "questionnaire", into: &diagnostics),
            let node = object["questionnaire"]
        {
            context.checkQuestionnaire(q, line: node.line, column: node.column, into: &diagnostics)
        }
        var state = context.delegation
        if let node = object["delegation"], let written = string(node, "delegation", into: &diagnostics) {
            let fromFile = context.memberState(
                written, line: node.line, column: node.column, role: "delegation", into: &diagnostics)
            if let given = context.delegation, let fromFile, given != fromFile {
                diagnostics.record(
                    context.error(
                        node.line, node.column,
                        "answer is from \(fromFile.code) but --delegation says \(given.code)"))
            }
            state = fromFile
        } else if context.delegation == nil {
            diagnostics.record(
                context.error(object.line, object.column, "missing \"delegation\" (or give --delegation)"))
        }
        var cosignatories: [String] = []
        if let node = object["cosignatories"] {
            if let list = node.array {
                for element in list {
                    guard let written = string(element, "cosignatories", into: &diagnostics) else { continue }
                    if let s = context.memberState(
                        written, line: element.line, column: element.column, role: "cosignatory",
                        into: &diagnostics), s.code != state?.code, !cosignatories.contains(s.code)
                    {
                        cosignatories.append(s.code)
                    }
                }
            } else {
                diagnostics.record(
                    context.error(node.line, node.column, "\"cosignatories\" must be a list of Member States"))
            }
        }
        var dated: CivilDate?
        if let node = object["date"], let text = string(node, "date", into: &diagnostics) {
            dated = CivilDate(iso: text)
            if dated == nil {
                diagnostics.record(
                    context.error(node.line, node.column, "\"date\" is not a date in the form YYYY-MM-DD: \"\(text)\""))
            }
        }
        let respondent = string(object["respondent"], "respondent", into: &diagnostics)
        var mentions: [Mention] = []
        if let node = object["threats"] {
            if let list = node.array {
                for element in list {
                    if let m = mention(element, into: &diagnostics) { mentions.append(m) }
                }
            } else {
                diagnostics.record(context.error(node.line, node.column, "\"threats\" must be a list"))
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
                    context.error(node.line, node.column, "\"answers\" must be an object of question → answer"))
            }
        }
        var comments: String?
        if let node = object["comments"], let text = string(node, "comments", into: &diagnostics) {
            comments = text
            // Positions inside a JSON string: the string starts one column after its quote.
            mentions += context.prose.mentions(in: text, firstLine: node.line, firstColumn: node.column + 1)
        }
        guard let state else { return nil }
        if mentions.isEmpty && answers.isEmpty {
            diagnostics.record(
                context.warning(object.line, object.column, "\(state.code) names no threat and answers no question"))
        }
        return Response(
            delegation: state.code, cosignatories: MemberState.sortedByProtocol(cosignatories),
            respondent: respondent, dated: dated, mentions: mentions, answers: answers,
            comments: comments, line: object.line)
    }

    private func mention(_ element: JSONNode, into diagnostics: inout [Diagnostic]) -> Mention? {
        if let name = element.string {
            guard let id = context.threat(name, line: element.line, column: element.column, into: &diagnostics)
            else { return nil }
            return Mention(threat: id, phrase: name, line: element.line, column: element.column)
        }
        guard element.members != nil else {
            diagnostics.record(
                context.error(
                    element.line, element.column,
                    "a threat is a name or {\"threat\": …, \"priority\": …}, found \(element.kindName)"))
            return nil
        }
        guard let nameNode = element["threat"], let name = nameNode.string else {
            diagnostics.record(context.error(element.line, element.column, "missing \"threat\""))
            return nil
        }
        let id = context.threat(name, line: nameNode.line, column: nameNode.column, into: &diagnostics)
        var priority: Int?
        if let p = element["priority"] {
            switch p.value {
            case .number(let text):
                // An integer literal only: 1e3, 1.0, -1 and huge values are refused.
                priority = context.priority(text, line: p.line, column: p.column, into: &diagnostics)
            case .string(let text):
                priority = context.priority(text, line: p.line, column: p.column, into: &diagnostics)
            case .null: break
            default:
                diagnostics.record(
                    context.error(p.line, p.column, "bad priority: a whole number from 1 (highest), found \(p.kindName)"))
            }
        }
        let comment = element["comment"]?.string
        guard let id else { return nil }
        return Mention(
            threat: id, priority: priority, comment: comment, origin: .structured, phrase: name,
            line: nameNode.line, column: nameNode.column)
    }
}
