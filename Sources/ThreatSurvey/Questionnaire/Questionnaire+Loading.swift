import Foundation

extension Questionnaire {
    /// Reads and validates a questionnaire definition.
    ///
    /// Every problem is reported at once with its place: malformed JSON, missing fields, bad
    /// dates, a deadline before the issue date, unknown time zones, duplicate threat or
    /// question ids, an alias claimed by two threats, unknown question types, unknown roster
    /// states.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: the name used in diagnostics.
    /// - Returns: the questionnaire.
    /// - Throws: ``SurveyError/invalidData(_:)`` listing every problem.
    public static func load(bytes: [UInt8], file: String) throws(SurveyError) -> Questionnaire {
        var problems: [Diagnostic] = []
        func fail(_ node: JSONNode?, _ message: String, suggestion: String? = nil) {
            problems.append(
                Diagnostic(
                    file: file, line: node?.line, column: node?.column, message: message,
                    suggestion: suggestion))
        }
        let text: DecodedText
        do {
            text = try TextDecoder.decode(bytes)
        } catch {
            throw .invalidData([Diagnostic(file: file, message: "not a text file")])
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(text.utf8)
        } catch {
            throw .invalidData([
                Diagnostic(
                    file: file, line: error.line, column: error.column, message: error.message)
            ])
        }
        guard root.members != nil else {
            throw .invalidData([
                Diagnostic(
                    file: file, line: root.line, column: root.column,
                    message: "a questionnaire is a JSON object, found \(root.kindName)")
            ])
        }
        func string(_ key: String, required: Bool = true) -> String? {
            guard let node = root[key] else {
                if required { fail(root, "missing \"\(key)\"") }
                return nil
            }
            guard let s = node.string, !s.trimmingWhitespace().isEmpty else {
                fail(node, "\"\(key)\" must be a non-empty string, found \(node.kindName)")
                return nil
            }
            return s
        }
        func date(_ key: String) -> CivilDate? {
            guard let s = string(key) else { return nil }
            guard let d = CivilDate(iso: s) else {
                fail(root[key], "\"\(key)\" is not a date in the form YYYY-MM-DD: \"\(s)\"")
                return nil
            }
            return d
        }
        let id = string("id")
        let title = string("title")
        let issued = date("issued")
        let deadline = date("deadline")
        if let issued, let deadline, deadline < issued {
            fail(root["deadline"], "deadline \(deadline) is before the issue date \(issued)")
        }
        var zone = TimeZone(identifier: "Europe/Brussels")
        if let zoneName = string("timeZone", required: false) {
            zone = TimeZone(identifier: zoneName)
            if zone == nil { fail(root["timeZone"], "unknown time zone \"\(zoneName)\"") }
        }
        let rosterRule = loadRoster(root["roster"], fail: fail)
        let threats = loadThreats(root["threats"], root: root, fail: fail)
        let questions = loadQuestions(root["questions"], fail: fail)
        let note = root["note"]?.string
        let workingParty = string("workingParty", required: false)
        var plan: Int?
        if let node = root["plan"] {
            if case .number(let written) = node.value, written.count <= 4,
                written.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(written),
                n >= 1, n <= 1000
            {
                plan = n
            } else {
                fail(node, "\"plan\" is the number of the Action Plan prepared, 1 to 1000")
            }
        }

        guard !problems.containsErrors, let id, let title, let issued, let deadline, let zone else {
            throw .invalidData(problems)
        }
        var questionnaire = Questionnaire(
            id: canonicalID(id), title: title, issued: issued, deadline: deadline,
            timeZone: zone, rosterRule: rosterRule, threats: threats, questions: questions,
            note: note)
        questionnaire.workingParty = workingParty
        questionnaire.plan = plan
        return questionnaire
    }

    private static func loadRoster(
        _ node: JSONNode?, fail: (JSONNode?, String, String?) -> Void
    ) -> RosterRule {
        guard let node else { return .eu }
        if let s = node.string {
            if s.uppercased() == "EU" { return .eu }
            fail(node, "\"roster\" is \"EU\" or a list of Member State codes", nil)
            return .eu
        }
        guard let list = node.array else {
            fail(node, "\"roster\" is \"EU\" or a list of Member State codes", nil)
            return .eu
        }
        let resolver = MemberStateResolver.shared
        var codes: [String] = []
        for element in list {
            guard let s = element.string, let state = resolver.resolve(s) else {
                let written = element.string ?? element.kindName
                fail(
                    element, "unknown Member State \"\(written)\" in the roster",
                    element.string.flatMap(resolver.suggestion(for:)))
                continue
            }
            codes.append(state.code)
        }
        return .explicit(codes)
    }

    private static func loadThreats(
        _ node: JSONNode?, root: JSONNode, fail: (JSONNode?, String, String?) -> Void
    ) -> [Threat] {
        guard let node else {
            fail(root, "missing \"threats\"", nil)
            return []
        }
        guard let list = node.array, !list.isEmpty else {
            fail(node, "\"threats\" must be a non-empty array", nil)
            return []
        }
        var threats: [Threat] = []
        var seenIDs: [String: JSONNode] = [:]
        var claimed: [String: (threat: String, node: JSONNode)] = [:]
        for element in list {
            guard element.members != nil else {
                fail(element, "a threat is an object with \"id\", \"title\" and \"aliases\"", nil)
                continue
            }
            guard let idNode = element["id"], let id = idNode.string, KebabCase.isValid(id) else {
                fail(
                    element["id"] ?? element,
                    "a threat needs an \"id\" in kebab-case (lower-case words joined by '-')", nil)
                continue
            }
            if let first = seenIDs[id] {
                fail(
                    idNode, "duplicate threat id \"\(id)\" (first defined on line \(first.line))",
                    nil)
                continue
            }
            seenIDs[id] = idNode
            let title = element["title"]?.string ?? id
            if element["title"]?.string == nil {
                fail(element["title"] ?? element, "threat \"\(id)\" needs a \"title\" string", nil)
            }
            var aliases: [(language: String, terms: [String])] = []
            if let aliasNode = element["aliases"] {
                if let members = aliasNode.members {
                    for member in members {
                        guard let terms = member.value.array, terms.allSatisfy({ $0.string != nil })
                        else {
                            fail(
                                member.value,
                                "aliases for \"\(member.key)\" must be a list of strings", nil)
                            continue
                        }
                        aliases.append((member.key, terms.compactMap(\.string)))
                    }
                } else if let terms = aliasNode.array, terms.allSatisfy({ $0.string != nil }) {
                    aliases.append(("und", terms.compactMap(\.string)))
                } else {
                    fail(aliasNode, "\"aliases\" is an object of language → list of strings", nil)
                }
            }
            var threat = Threat(id: id, title: title, aliases: aliases)
            if let labelNode = element["label"] {
                if let text = labelNode.string, !text.isEmpty {
                    threat.labels["und"] = text
                } else if let members = labelNode.members,
                    members.allSatisfy({ !($0.value.string ?? "").isEmpty })
                {
                    for member in members { threat.labels[member.key] = member.value.string }
                } else {
                    fail(
                        labelNode,
                        "\"label\" is a string or an object of language → short label (non-empty strings)",
                        nil)
                }
            }
            if let foraNode = element["otherFora"] {
                if let list = foraNode.array,
                    list.allSatisfy({ !($0.string ?? "").trimmingWhitespace().isEmpty })
                {
                    threat.otherFora = list.compactMap(\.string)
                } else {
                    fail(foraNode, "\"otherFora\" is a list of non-empty strings (the fora)", nil)
                }
            }
            // Every name a threat answers to must lead to it alone.
            var names: [(String, JSONNode)] = [(id, idNode), (title, element["title"] ?? element)]
            if let aliasNode = element["aliases"] {
                for member in aliasNode.members ?? [] {
                    for term in member.value.array ?? [] { names.append((term.string ?? "", term)) }
                }
                for term in aliasNode.array ?? [] { names.append((term.string ?? "", term)) }
            }
            for (name, where_) in names {
                let key = TextFolding.key(name)
                guard !key.isEmpty else {
                    fail(where_, "empty alias for threat \"\(id)\"", nil)
                    continue
                }
                if let owner = claimed[key], owner.threat != id {
                    fail(
                        where_,
                        "alias \"\(name)\" of threat \"\(id)\" is also claimed by threat "
                            + "\"\(owner.threat)\" (line \(owner.node.line))", nil)
                } else if claimed[key] == nil {
                    claimed[key] = (id, where_)
                }
            }
            threats.append(threat)
        }
        return threats
    }

    private static func loadQuestions(
        _ node: JSONNode?, fail: (JSONNode?, String, String?) -> Void
    ) -> [Question] {
        guard let node else { return [] }
        guard let list = node.array else {
            fail(node, "\"questions\" must be an array", nil)
            return []
        }
        var questions: [Question] = []
        var seen: [String: Int] = [:]
        for element in list {
            guard let idNode = element["id"], let id = idNode.string, KebabCase.isValid(id) else {
                fail(element["id"] ?? element, "a question needs an \"id\" in kebab-case", nil)
                continue
            }
            if let line = seen[id] {
                fail(idNode, "duplicate question id \"\(id)\" (first defined on line \(line))", nil)
                continue
            }
            seen[id] = idNode.line
            let text = element["text"]?.string ?? ""
            if text.isEmpty {
                fail(element["text"] ?? element, "question \"\(id)\" needs a \"text\"", nil)
            }
            let typeNode = element["type"]
            let kind: Question.Kind
            switch typeNode?.string {
            case "yes-no": kind = .yesNo
            case "text": kind = .text
            case "choice":
                let options = element["options"]?.array?.compactMap(\.string) ?? []
                if options.count < 2 {
                    fail(
                        element["options"] ?? element,
                        "choice question \"\(id)\" needs \"options\": at least two strings", nil)
                }
                kind = .choice(options)
            default:
                let written = typeNode?.string ?? typeNode?.kindName ?? "nothing"
                fail(
                    typeNode ?? element, "unknown question type \"\(written)\" for \"\(id)\"",
                    EditDistance.suggestion(
                        for: written,
                        among: ["yes-no", "choice", "text"].map { (TextFolding.key($0), $0) }))
                continue
            }
            questions.append(Question(id: id, kind: kind, text: text))
        }
        return questions
    }
}
