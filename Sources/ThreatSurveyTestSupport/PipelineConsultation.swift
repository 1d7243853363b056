import Foundation
import ThreatSurvey

/// The answer files of a ``PipelineExercise``: every format `submit` reads, written with the
/// values that broke the tool before (issue 11) and the ones next to them.
enum PipelineConsultation {
    /// Priorities: in range, at and past ``Priority/maximum``, signed, hexadecimal,
    /// exponent, fraction, padded, and past every integer type.
    static let priorities = [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "999", "1000", "1001", "0", "-1", "+3",
        "0x10", "1e3",
        "1.0", " 2", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "99999999999999999999999999", "", "٣", "１",
    ]
    /// Member States as delegations write them, and names that are not Member States.
    static let states = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "UK", "GR",
        "Österreich", "Deutschland", "France", "Ελλάδα", "Belgique", "xx", "", "EU",
    ]
    /// Received times and as-of dates: ordinary, at the deadline, leap days, the ends of the
    /// calendar, and not dates at all.
    static let received = [
        "2015-09-03", "2015-09-30", "2015-09-30T23:59:59", "2015-10-01T00:00:00", "2015-07-09",
        "2016-02-29", "2015-02-29", "0001-01-01", "9999-12-31", "1970-01-01T00:00:00Z",
        "2033-05-18",
        "2015-09-03T12:00:00+14:00", "yesterday",
    ]
    /// Days for `deadline --today` and `report --today`.
    static let days = [
        "2015-09-30", "2015-10-01", "2015-08-01", "0001-01-01", "9999-12-31", "2016-02-29",
    ]
    /// Respondents: none, ordinary, repeated, empty, long.
    static let respondents = [
        "", "R1", "R2", "R1", "officer 7", String(repeating: "r", count: 300), "\u{1B}[2J",
    ]
    /// Answer dates inside JSON and prose.
    static let dates = [
        "2015-09-04", "04/09/2015", "4 September 2015", "2015-13-45", "9999-12-31", "0000-00-00",
        "",
    ]

    /// One answer file: its extension and bytes.
    ///
    /// One file in four is hostile (values from the whole palettes, raw bytes); the others
    /// use ordinary values, so that most consultations are accepted and reach the analyses.
    static func file(_ questionnaire: Questionnaire, _ source: inout ByteChooser) -> (
        String, [UInt8]
    ) {
        source.hostile = source.below(4) == 3
        switch source.below(6) {
        case 0: return ("csv", longCSV(questionnaire, respondents: false, &source))
        case 1: return ("csv", longCSV(questionnaire, respondents: true, &source))
        case 2: return ("csv", matrixCSV(questionnaire, &source))
        case 3: return ("json", json(questionnaire, &source))
        case 4: return ("txt", prose(questionnaire, &source))
        default:
            guard source.hostile else {
                return ("csv", longCSV(questionnaire, respondents: false, &source))
            }
            return (source.pick(["csv", "json", "txt", "md", "tsv"]), source.raw(upTo: 512))
        }
    }

    /// A threat id, an alias, an unknown name or raw bytes.
    static func threat(_ questionnaire: Questionnaire, _ source: inout ByteChooser) -> String {
        switch source.below(10) {
        case 8 where source.hostile:
            return source.pick(source.pick(questionnaire.threats).allAliases + ["unknown threat"])
        case 9 where source.hostile: return String(decoding: source.raw(upTo: 12), as: UTF8.self)
        default: return source.pick(questionnaire.threats).id
        }
    }

    static func cell(_ text: String, delimiter: String) -> String {
        guard
            text.contains(where: {
                $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == delimiter
            })
        else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func priority(_ source: inout ByteChooser) -> String {
        guard source.hostile else { return priorities[source.below(10)] }
        return source.below(12) == 11
            ? String(decoding: source.raw(upTo: 24), as: UTF8.self) : source.pick(priorities)
    }

    /// An answer to `question`: a valid one in an ordinary file (free text for a text
    /// question), anything in a hostile one.
    static func answer(_ question: Question, _ source: inout ByteChooser) -> String {
        let valid = question.validAnswers.isEmpty ? ["free text"] : question.validAnswers
        return source.pick(source.hostile ? valid + ["maybe", "yes", "", "1e3"] : valid)
    }

    /// A delegation: a Member State's code in an ordinary file, anything in a hostile one.
    static func state(_ source: inout ByteChooser) -> String {
        source.hostile ? source.pick(states) : states[source.below(28)]
    }

    /// Free text: empty in an ordinary file, raw bytes in a hostile one.
    static func freeText(_ source: inout ByteChooser, upTo limit: Int) -> String {
        source.hostile ? String(decoding: source.raw(upTo: limit), as: UTF8.self) : ""
    }

    /// A long CSV, one row per (delegation, respondent, threat), with answers to questions.
    static func longCSV(
        _ questionnaire: Questionnaire, respondents: Bool, _ source: inout ByteChooser
    ) -> [UInt8] {
        let d = source.pick([",", ";", "\t"])
        var header = ["delegation", "threat", "priority", "comment"]
        if respondents { header.insert("respondent", at: 1) }
        let withQuestions = !questionnaire.questions.isEmpty && source.below(2) == 0
        if withQuestions { header += ["question", "answer"] }
        if source.below(8) == 7 { header.append("questionnaire") }
        var text = header.joined(separator: d) + "\n"
        for _ in 0..<(1 + source.below(source.below(4) == 3 ? 120 : 12)) {
            var row = [
                state(&source), threat(questionnaire, &source), priority(&source),
                freeText(&source, upTo: 40),
            ]
            if respondents { row.insert(source.pick(Self.respondents), at: 1) }
            if withQuestions {
                if source.below(3) == 0, let question = questionnaire.questions.first {
                    let q = source.pick(questionnaire.questions)
                    row += [
                        q.id,
                        answer(q, &source)
                            + (source.hostile && source.below(4) == 3 ? question.id : ""),
                    ]
                } else {
                    row += ["", ""]
                }
            }
            if header.last == "questionnaire" {
                row.append(
                    source.hostile
                        ? source.pick([questionnaire.id, "9396/1/15", "x"]) : questionnaire.id)
            }
            if source.hostile, source.below(20) == 0 { row.removeLast() }
            text +=
                row.map { cell($0, delimiter: d) }.joined(separator: d)
                + (source.below(10) == 9 ? "\r\n" : "\n")
        }
        return Array(text.utf8)
    }

    /// A matrix CSV: one row per delegation, one column per threat (many threats, extra columns).
    static func matrixCSV(_ questionnaire: Questionnaire, _ source: inout ByteChooser) -> [UInt8] {
        let d = source.pick([";", ","])
        var columns = questionnaire.threats.map(\.id)
        if source.below(3) == 0 {
            columns += questionnaire.threats.map { $0.allAliases.first ?? $0.id }
        }
        if source.hostile, source.below(4) == 0 { columns.append("not a threat") }
        columns = Array(columns.prefix(1 + source.below(columns.count)))
        var text =
            (["Member State"] + columns + ["Comment"]).map { cell($0, delimiter: d) }.joined(
                separator: d) + "\n"
        for _ in 0..<(1 + source.below(6)) {
            var row = [state(&source)]
            for _ in columns { row.append(source.below(3) == 0 ? "" : priority(&source)) }
            row.append(source.below(3) == 0 ? "comment, with a comma" : "")
            text += row.map { cell($0, delimiter: d) }.joined(separator: d) + "\n"
        }
        return Array(text.utf8)
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// One JSON answer, or an array of them, with cosignatories (joint answers) and questions.
    static func json(_ questionnaire: Questionnaire, _ source: inout ByteChooser) -> [UInt8] {
        var objects: [String] = []
        for _ in 0..<(1 + source.below(3)) {
            var fields: [String] = []
            if source.below(3) != 2 {
                let id =
                    source.hostile
                    ? source.pick([questionnaire.id, "9396-1-15", "nope"]) : questionnaire.id
                fields.append("\"questionnaire\": " + jsonString(id))
            }
            fields.append("\"delegation\": " + jsonString(state(&source)))
            if source.below(3) == 0 {
                let cosignatories = (0..<source.below(30)).map { _ in jsonString(state(&source)) }
                fields.append("\"cosignatories\": [" + cosignatories.joined(separator: ", ") + "]")
            }
            if source.below(3) == 2 {
                fields.append("\"respondent\": " + jsonString(source.pick(respondents)))
            }
            if source.below(2) == 1 {
                fields.append(
                    "\"date\": " + jsonString(source.hostile ? source.pick(dates) : dates[0]))
            }
            var threats: [String] = []
            for _ in 0..<source.below(source.below(4) == 3 ? 60 : 8) {
                let p = priority(&source)
                let value =
                    p.allSatisfy(\.isASCII) && Int(p) != nil && source.below(2) == 0
                    ? p : jsonString(p)
                switch source.below(4) {
                case 0: threats.append(jsonString(threat(questionnaire, &source)))
                default:
                    threats.append(
                        "{\"threat\": \(jsonString(threat(questionnaire, &source))), \"priority\": \(value)"
                            + (source.below(4) == 0 ? ", \"comment\": \"c\"" : "") + "}")
                }
            }
            fields.append("\"threats\": [" + threats.joined(separator: ", ") + "]")
            if !questionnaire.questions.isEmpty, source.below(2) == 0 {
                let answers = (0..<source.below(questionnaire.questions.count + 2)).map {
                    _ -> String in
                    let q = source.pick(questionnaire.questions)
                    return jsonString(q.id) + ": " + jsonString(answer(q, &source))
                }
                fields.append("\"answers\": {" + answers.joined(separator: ", ") + "}")
            }
            if source.below(4) == 3 {
                fields.append("\"comments\": " + jsonString(freeText(&source, upTo: 60)))
            }
            objects.append("{" + fields.joined(separator: ", ") + "}")
        }
        let text =
            objects.count == 1 && source.below(2) == 0
            ? objects[0] : "[" + objects.joined(separator: ",\n") + "]"
        return Array(text.utf8)
    }

    /// Written comments naming threats in prose, with numbered priorities and negations.
    static func prose(_ questionnaire: Questionnaire, _ source: inout ByteChooser) -> [UInt8] {
        let state = source.pick(["Swedish", "French", "German", "Austrian", "Maltese", "unknown"])
        var text =
            source.below(2) == 0
            ? "Written comments from the \(state) delegation\n\n"
            : "Commentaires de la délégation française\n\n"
        if source.below(2) == 0 { text += "Date: \(source.pick(dates))\n" }
        for _ in 0..<(1 + source.below(6)) {
            let name = source.pick(source.pick(questionnaire.threats).allAliases + ["firearms"])
            switch source.below(5) {
            case 0: text += "\(priority(&source)). \(name)\n"
            case 1: text += "We do not consider \(name) a priority.\n"
            case 2: text += freeText(&source, upTo: 80) + "\n"
            default:
                text +=
                    "The priorities should be \(name), and \(source.pick(questionnaire.threats).id).\n"
            }
        }
        return Array(text.utf8)
    }
}
