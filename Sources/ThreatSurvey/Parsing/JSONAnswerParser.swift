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
            if let response = response(from: object, into: &diagnostics) {
                responses.append(response)
            }
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

    /// One answer object as a response: the phases below, in the order their diagnostics
    /// are reported; `nil` when no delegation is known (from the file or `--delegation`).
    func response(from object: JSONNode, into diagnostics: inout [Diagnostic]) -> Response? {
        checkQuestionnaire(of: object, into: &diagnostics)
        let state = delegation(of: object, into: &diagnostics)
        let cosignatories = cosignatories(of: object, besides: state, into: &diagnostics)
        let dated = date(of: object, into: &diagnostics)
        let respondent = string(object["respondent"], "respondent", into: &diagnostics)
        var mentions = threats(of: object, into: &diagnostics)
        let answers = answers(of: object, into: &diagnostics)
        let comments = comments(of: object, into: &diagnostics)
        mentions += comments.mentions
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
            comments: comments.text, line: object.line)
    }

    /// `questionnaire`, when given, must name the questionnaire being read.
    func checkQuestionnaire(of object: JSONNode, into diagnostics: inout [Diagnostic]) {
        if let q = string(object["questionnaire"], "questionnaire", into: &diagnostics),
            let node = object["questionnaire"]
        {
            context.checkQuestionnaire(q, line: node.line, column: node.column, into: &diagnostics)
        }
    }

    /// Whose answer this is: `delegation` in the file, which must agree with `--delegation`
    /// when both are given, or `--delegation` alone; one of them is required.
    func delegation(of object: JSONNode, into diagnostics: inout [Diagnostic]) -> MemberState? {
        guard let node = object["delegation"],
            let written = string(node, "delegation", into: &diagnostics)
        else {
            if context.delegation == nil {
                diagnostics.record(
                    context.error(
                        object.line, object.column, "missing \"delegation\" (or give --delegation)")
                )
            }
            return context.delegation
        }
        let fromFile = context.memberState(
            written, line: node.line, column: node.column, role: "delegation", into: &diagnostics)
        if let given = context.delegation, let fromFile, given != fromFile {
            diagnostics.record(
                context.error(
                    node.line, node.column,
                    "answer is from \(fromFile.code) but --delegation says \(given.code)"))
        }
        return fromFile
    }

    /// The cosignatories' codes, once each and without the delegation itself: a list of
    /// Member States, or one string split as the CSV column is ("BE; LU", "BE/LU").
    func cosignatories(
        of object: JSONNode, besides state: MemberState?, into diagnostics: inout [Diagnostic]
    ) -> [String] {
        guard let node = object["cosignatories"] else { return [] }
        var cosignatories: [String] = []
        func add(_ written: String, line: Int, column: Int) {
            if let s = context.memberState(
                written, line: line, column: column, role: "cosignatory", into: &diagnostics),
                s.code != state?.code, !cosignatories.contains(s.code)
            {
                cosignatories.append(s.code)
            }
        }
        if let list = node.array {
            for element in list {
                guard let written = string(element, "cosignatories", into: &diagnostics) else {
                    continue
                }
                add(written, line: element.line, column: element.column)
            }
        } else if let written = node.string {
            // Never split on spaces: "Czech Republic" is one Member State.
            for part in written.split(whereSeparator: {
                LongCSVParser.cosignatorySeparators.contains($0)
            })
            where !String(part).trimmingWhitespace().isEmpty {
                add(String(part), line: node.line, column: node.column + 1)
            }
        } else {
            diagnostics.record(
                context.error(
                    node.line, node.column, "\"cosignatories\" must be a list of Member States"))
        }
        return cosignatories
    }

    /// The day the delegation dated its answer (`date`), if given and a date.
    ///
    /// A slash or dash date whose first two parts could each be the month (`10/03/2016`) is
    /// read day first and a warning names both readings (``DateTimeInput/parse(_:)`` refuses
    /// such a date on the command line, where it can be retyped; here it is the delegation's
    /// own text, informational, and the answer is still taken).
    func date(of object: JSONNode, into diagnostics: inout [Diagnostic]) -> CivilDate? {
        guard let node = object["date"], let text = string(node, "date", into: &diagnostics)
        else { return nil }
        let dated = CivilDate(written: text)
        if dated == nil {
            diagnostics.record(
                context.error(
                    node.line, node.column,
                    "\"date\" is not a date (YYYY-MM-DD, or day first as DD/MM/YYYY or DD.MM.YYYY): \"\(text)\""
                ))
        } else if let dated, let monthFirst = Self.monthFirstReading(text) {
            // A delegation's own date is kept as written, day first as the Union writes
            // dates; a date that reads two ways is never taken silently.
            diagnostics.record(
                context.warning(
                    node.line, node.column,
                    "\"date\" \"\(text)\" reads two ways: taken day first as \(dated) "
                        + "(month first it would be \(monthFirst)); write \(dated) to say which"))
        }
        return dated
    }

    /// The month-first reading of `text` when it reads two ways (``DateTimeInput``'s rule).
    static func monthFirstReading(_ text: String) -> CivilDate? {
        do {
            _ = try DateTimeInput.parse(text)
            return nil
        } catch {
            guard case .ambiguous(_, let monthFirst) = error.reason else { return nil }
            return monthFirst
        }
    }

    /// The threats listed in `threats`, each a name or an object.
    ///
    /// A filled-in template lists every threat, some given a priority or a comment; the
    /// entries left as the template had them (`{"priority": null, "comment": ""}`) mention
    /// nothing, and a warning says so.
    func threats(of object: JSONNode, into diagnostics: inout [Diagnostic]) -> [Mention] {
        guard let node = object["threats"] else { return [] }
        guard let list = node.array else {
            diagnostics.record(context.error(node.line, node.column, "\"threats\" must be a list"))
            return []
        }
        var mentions: [Mention] = []
        var bare = Set<Int>()
        for element in list {
            guard let m = mention(element, into: &diagnostics) else { continue }
            if element.members != nil, m.priority == nil,
                (m.comment ?? "").trimmingWhitespace().isEmpty
            {
                bare.insert(mentions.count)
            }
            mentions.append(m)
        }
        let every = Set(context.questionnaire.threats.map(\.id))
        guard !bare.isEmpty, bare.count < mentions.count, Set(mentions.map(\.threat)) == every
        else { return mentions }
        diagnostics.record(
            context.warning(
                node.line, node.column,
                "every threat of \(context.questionnaire.id) is listed, as in a filled-in template: "
                    + "the \(bare.count) entries without priority or comment mention nothing"
            ))
        return mentions.enumerated().filter { !bare.contains($0.offset) }.map(\.element)
    }

    /// The answers to questions (`answers`: question id → a string, a number or yes/no).
    func answers(of object: JSONNode, into diagnostics: inout [Diagnostic]) -> [Response.Answer] {
        guard let node = object["answers"] else { return [] }
        guard let members = node.members else {
            diagnostics.record(
                context.error(
                    node.line, node.column, "\"answers\" must be an object of question → answer"))
            return []
        }
        var answers: [Response.Answer] = []
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
        return answers
    }

    /// The free-text `comments`, kept as written and searched for threats like prose.
    func comments(of object: JSONNode, into diagnostics: inout [Diagnostic]) -> (
        text: String?, mentions: [Mention]
    ) {
        guard let node = object["comments"], let text = string(node, "comments", into: &diagnostics)
        else { return (nil, []) }
        // Positions inside a JSON string: the string starts one column after its quote.
        let mentions = context.proseMentions(
            in: text, line: node.line, column: node.column + 1, into: &diagnostics)
        return (text, mentions)
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
