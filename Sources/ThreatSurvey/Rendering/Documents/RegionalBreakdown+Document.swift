import Foundation

extension RegionalBreakdown {
    /// The `regions --format json` shape (<doc:Documents>).
    public var json: JSONValue {
        .object([
            "questionnaire": .string(questionnaire.id),
            "grouping": .string(grouping.id),
            "alpha": .double(alpha),
            "responded": .int(overall.responded.count),
            "overlapping": .bool(grouping.overlapping),
            "unassigned": .strings(unassigned),
            "notes": .strings(grouping.notes),
            "regions": .array(
                regions.map { r in
                    .object([
                        "id": .string(r.region.id),
                        "title": .string(r.region.title),
                        "members": .strings(r.region.members),
                        "responded": .strings(r.responded),
                        "missing": .strings(r.missing),
                        "threats": .array(
                            r.ranking.threats.map { t in
                                var members: [JSONValue.Member] = [
                                    .init(key: "rank", value: .int(t.rank)),
                                    .init(key: "id", value: .string(t.id)),
                                    .init(key: "memberStates", value: .int(t.memberStates)),
                                    .init(key: "share", value: .double(t.share)),
                                    .init(key: "mentionedBy", value: .strings(t.mentionedBy)),
                                    .init(key: "meanPriority", value: .optional(t.meanPriority)),
                                ]
                                if let r = t.respondents {
                                    members.append(.init(key: "respondents", value: .int(r)))
                                }
                                return .object(members)
                            }),
                        "signals": .array(
                            r.signals.map { s in
                                .object([
                                    "id": .string(s.id), "inRegion": .int(s.inRegion),
                                    "regionResponded": .int(s.regionResponded),
                                    "outside": .int(s.outside),
                                    "outsideResponded": .int(s.outsideResponded),
                                    "lift": .optional(s.lift),
                                    "pValue": .double(s.pValue),
                                    "restsOnOneJointAnswer": .bool(s.restsOnOneJointAnswer),
                                    "jointAnswer": s.jointAnswer.map { .int(Int($0)) } ?? .null,
                                ])
                            }),
                        "smallestPossiblePValue": .double(r.smallestPossiblePValue),
                    ])
                }),
        ])
    }

    /// `regions` as a document: per region its answers, its top threats and its signals.
    public func document(topThreats: Int = 5) -> Document {
        var blocks: [Document.Block] = [
            .heading(
                "\(questionnaire.id): regional breakdown by \(grouping.title) (\(grouping.id))"),
            .text(overall.answeredSentence),
            .note(
                "Signals: threats mentioned by a larger share of a region's responding states than of "
                    + "the others, one-sided Fisher exact p < \(JSONValue.format(alpha))."),
        ]
        for note in grouping.notes { blocks.append(.note(note)) }
        if !unassigned.isEmpty {
            blocks.append(
                .note("In no region of this grouping: \(unassigned.joined(separator: " "))."))
        }
        if grouping.overlapping && grouping.notes.isEmpty {
            blocks.append(.note("Regions overlap: a state in several regions is counted in each."))
        }
        blocks += overall.notes.filter { $0.contains("deadline") }.map(Document.Block.note)
        for r in regions {
            var heading =
                "\(r.region.title): \(r.responded.count) of \(r.region.members.count) answered"
            if !r.missing.isEmpty { heading += "; missing \(r.missing.joined(separator: " "))" }
            blocks.append(.heading(heading))
            let mentioned = r.ranking.threats.filter { $0.memberStates > 0 }
            if mentioned.isEmpty {
                blocks.append(.text("No answers from this region."))
            } else {
                blocks.append(.table(RegionalBreakdown.topTable(r, topThreats: topThreats)))
            }
            if r.signals.isEmpty {
                if r.smallestPossiblePValue >= alpha {
                    blocks.append(
                        .note(
                            "Too few answers here (\(r.responded.count)) for any threat to reach p < "
                                + "\(JSONValue.format(alpha)): the absence of signals says nothing."
                        ))
                } else {
                    blocks.append(.text("Signals: none."))
                }
            } else {
                blocks.append(.table(RegionalBreakdown.signalTable(r)))
                for s in r.signals where s.restsOnOneJointAnswer {
                    blocks.append(
                        .note(
                            "* \(s.id) rests on one joint answer (#\(s.jointAnswer ?? 0)): the \(s.inRegion) states "
                                + "mentioning it signed the same text; one view, not \(s.inRegion)."
                        ))
                }
            }
        }
        return Document(blocks: blocks, json: json, csv: csvTable)
    }

    /// A region's threats ranked `topThreats` or better that its states mention.
    ///
    /// - Parameters:
    ///   - r: the region.
    ///   - topThreats: the lowest rank shown.
    ///   - name: how a threat is named (its id unless told).
    /// - Returns: rank, threat, Member States, share and who, per threat.
    static func topTable(
        _ r: RegionResult, topThreats: Int, name: (String) -> String = { $0 }
    ) -> TextTable {
        let shown = r.ranking.threats.filter { $0.memberStates > 0 }.prefix {
            $0.rank <= topThreats
        }
        return TextTable(
            columns: ["rank", "threat", "MS", "share", "mentioned by"],
            alignments: [.right, .left, .right, .right, .left],
            rows: shown.map {
                [
                    $0.rankLabel, name($0.id), String($0.memberStates), Ranking.percent($0.share),
                    $0.mentionedBy.joined(separator: " "),
                ]
            })
    }

    /// A region's signals: in the region, outside it, lift and p; `*` marks a signal resting
    /// on one joint answer.
    ///
    /// - Parameters:
    ///   - r: the region.
    ///   - name: how a threat is named (its id unless told).
    /// - Returns: one row per signal.
    static func signalTable(_ r: RegionResult, name: (String) -> String = { $0 }) -> TextTable {
        TextTable(
            columns: ["signal", "in region", "outside", "lift", "p"],
            alignments: [.left, .right, .right, .right, .right],
            rows: r.signals.map { s in
                [
                    name(s.id) + (s.restsOnOneJointAnswer ? " *" : ""),
                    "\(s.inRegion)/\(s.regionResponded)", "\(s.outside)/\(s.outsideResponded)",
                    s.lift.map { String(format: "%.1f", $0) } ?? "only here",
                    RegionalBreakdown.formatP(s.pValue),
                ]
            })
    }

    var csvTable: TextTable {
        var rows: [[String]] = []
        for r in regions {
            let signals = Dictionary(uniqueKeysWithValues: r.signals.map { ($0.id, $0) })
            for t in r.ranking.threats {
                let s = signals[t.id]
                rows.append([
                    r.region.id, String(t.rank), t.id, String(t.memberStates),
                    String(r.responded.count),
                    JSONValue.format(t.share), t.mentionedBy.joined(separator: " "),
                    s.map { JSONValue.format($0.pValue) } ?? "",
                    s?.lift.map(JSONValue.format) ?? "",
                ])
            }
        }
        return TextTable(
            columns: [
                "region", "rank", "threat", "memberStates", "responded", "share", "mentionedBy",
                "signalPValue", "lift",
            ],
            rows: rows)
    }

    static func formatP(_ p: Double) -> String {
        p < 0.001 ? String(format: "%.1e", p) : String(format: "%.3f", p)
    }
}
