import Foundation

extension DeadlineCheck {
    /// The `deadline --format json` shape (<doc:Documents>).
    public var json: JSONValue {
        let zone = questionnaire.timeZone
        let answer = { (a: Answer) -> JSONValue in
            .object([
                "delegation": .string(a.memberState),
                "received": .string(Timestamp.iso(a.received, in: zone)),
                "submission": .int(Int(a.submission)),
            ])
        }
        return .object([
            "questionnaire": .string(questionnaire.id),
            "deadline": .string(Timestamp.iso(questionnaire.deadlineInstant, in: zone)),
            "timeZone": .string(zone.identifier),
            "today": .string(today.description),
            "daysLeft": .int(daysLeft),
            "passed": .bool(passed),
            "roster": .int(questionnaire.roster.count),
            "onTime": .strings(onTime.map(\.memberState)),
            "late": .array(late.map(answer)),
            "resubmittedLate": .array(resubmittedLate.map(answer)),
            "missing": .strings(missing),
        ])
    }

    /// "6 days left", "the deadline is today", "passed 1 day ago".
    public var daysSentence: String {
        switch daysLeft {
        case 0: return "the deadline is today"
        case 1: return "1 day left"
        case 2...: return "\(daysLeft) days left"
        case -1: return "the deadline passed 1 day ago"
        default: return "the deadline passed \(-daysLeft) days ago"
        }
    }

    /// `deadline` as a document: a summary and one row per roster Member State.
    public func document() -> Document {
        var blocks: [Document.Block] = [
            .heading("\(questionnaire.id): who has answered"),
            .text(summaryLines.joined(separator: "\n")),
            .table(table),
        ]
        if !missing.isEmpty { blocks.append(.text("Missing: \(missing.joined(separator: " ")).")) }
        if !late.isEmpty {
            blocks.append(
                .note("rank and regions count late answers unless --on-time-only is given."))
        }
        return Document(blocks: blocks, json: json)
    }

    /// The deadline, the day judged, and the counts on time, late and missing.
    var summaryLines: [String] {
        let zone = questionnaire.timeZone
        return [
            "Deadline \(questionnaire.deadline), end of day \(zone.identifier) "
                + "(\(Timestamp.iso(questionnaire.deadlineInstant, in: zone))).",
            "As it stood at the end of \(today): \(daysSentence).",
            "On time \(onTime.count), late \(late.count), missing \(missing.count) of \(questionnaire.roster.count).",
        ]
    }

    /// One row per roster Member State: code, name, status, when received.
    var table: TextTable {
        let zone = questionnaire.timeZone
        var rows: [[String]] = []
        let onTimeBy = Dictionary(uniqueKeysWithValues: onTime.map { ($0.memberState, $0) })
        let lateBy = Dictionary(uniqueKeysWithValues: late.map { ($0.memberState, $0) })
        let resubmittedBy = Dictionary(
            uniqueKeysWithValues: resubmittedLate.map { ($0.memberState, $0) })
        for code in questionnaire.roster {
            let name = MemberState.withCode(code)?.englishName ?? code
            if let a = onTimeBy[code] {
                if let r = resubmittedBy[code] {
                    rows.append([
                        code, name, "on time, resubmitted late",
                        Timestamp.short(a.received, in: zone) + ", again "
                            + Timestamp.short(r.received, in: zone),
                    ])
                } else {
                    rows.append([code, name, "on time", Timestamp.short(a.received, in: zone)])
                }
            } else if let a = lateBy[code] {
                rows.append([code, name, "LATE", Timestamp.short(a.received, in: zone)])
            } else {
                rows.append([code, name, "missing", ""])
            }
        }
        return TextTable(columns: ["MS", "name", "status", "received"], rows: rows)
    }
}
