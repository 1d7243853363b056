import Foundation
package import ThreatSurvey

/// Feeds one generated consultation to the general reader and to the fast path (one core,
/// two cores, small chunks) and compares the rank JSON they give, byte for byte; then stores
/// it both ways (streamed, and read whole) and compares what the stores hold and count.
///
/// The fast path is an optimisation: wherever it sums a file instead of declining it, its
/// ranking must be the general reader's exactly, and it must never sum a file the general
/// reader refuses. The consultation is derived from a stream of bytes (``ByteSource``), so
/// that the same code serves the property test (seeded random bytes) and the libFuzzer
/// target `differential` (the fuzzer's bytes, which it mutates towards new branches).
package enum DifferentialCheck {
    /// What one comparison found.
    package enum Outcome: Sendable, Equatable {
        /// Both paths summed the file and agree (`compared` fast-path readings).
        case same(compared: Int)
        /// The fast path declined the file (or both refused it): nothing to compare.
        case declined
        /// The paths disagree: what differs, with the file.
        case different(String)
    }

    /// Choices drawn from bytes: each draw consumes one byte; an exhausted source gives 0, so
    /// every byte string describes exactly one consultation.
    package struct ByteSource {
        private let bytes: [UInt8]
        private var position = 0

        /// Draws from `bytes`, in order.
        package init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// A value in `0..<n` (`n` ≥ 1).
        package mutating func next(_ n: Int) -> Int {
            guard position < bytes.count, n > 1 else { return 0 }
            defer { position += 1 }
            return Int(bytes[position]) % n
        }

        /// `true` about once in `n` draws.
        package mutating func oneIn(_ n: Int) -> Bool { next(n) == 0 }
    }

    /// The questionnaire every generated consultation answers: seven threats, with titles
    /// and aliases the files spell them by, and the EU roster.
    package static let questionnaire: Questionnaire = {
        let names: [(String, String, [String])] = [
            ("firearms", "Trafficking in firearms", ["guns"]),
            ("drugs", "Drug trafficking", ["narcotics"]),
            ("cybercrime", "Internet crime", ["cyber crime"]),
            ("fraud", "Excise fraud", []),
            ("smuggling", "Tobacco smuggling", ["cigarette smuggling"]),
            ("trafficking", "Trafficking in human beings", ["THB"]),
            ("waste", "Environmental crime", []),
        ]
        let zone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
        // 2026-01-05 and 2026-03-31 (noon UTC lies on that day in Brussels).
        let issued = CivilDate(Date(timeIntervalSince1970: 1_767_614_400), in: zone)
        let deadline = CivilDate(Date(timeIntervalSince1970: 1_774_958_400), in: zone)
        return Questionnaire(
            id: "DIFF/1/26", title: "Differential test", issued: issued, deadline: deadline,
            timeZone: zone,
            threats: names.map {
                Threat(id: $0.0, title: $0.1, aliases: [(language: "en", terms: $0.2)])
            })
    }()

    private static let stateSpellings = [
        ["FR", "France", "fr"], ["DE", "Germany"], ["IT", "Italy"], ["PL"], ["BE", "Belgium"],
        ["SE"],
    ]

    /// A long CSV consultation drawn from `source`: respondents or not, states and threats in
    /// several spellings, respondents grouped or (rarely) not, duplicate rows, priorities
    /// present, absent, tied or large, quoted comments with commas, quotes and line breaks,
    /// CRLF or LF, a BOM, blank lines, and now and then a bad value.
    package static func consultation(from source: inout ByteSource) -> String {
        let threats = questionnaire.threats
        let respondents = !source.oneIn(4)
        let withPriority = !source.oneIn(5)
        let withComment = source.oneIn(3)
        let newline = source.oneIn(3) ? "\r\n" : source.oneIn(8) ? "\r" : "\n"
        let delimiter = [",", ",", ";", "\t"][source.next(4)]
        let width = source.oneIn(8) ? 1 : 2 + source.next(3)
        var header = ["delegation", "threat"]
        if respondents { header.insert("respondent", at: source.next(3)) }
        if withPriority { header.insert("priority", at: source.next(header.count + 1)) }
        if withComment { header.append("comment") }
        var text = source.oneIn(8) ? "\u{FEFF}" : ""
        text += header.joined(separator: delimiter) + newline
        let groups = 1 + source.next(12)
        var usedRespondents: [Int] = []
        var lastLine = ""
        var number = source.next(4)
        for _ in 0..<groups {
            let spellings = stateSpellings[source.next(stateSpellings.count)]
            number += 1 + source.next(3)
            if !usedRespondents.isEmpty && source.oneIn(24) {
                number = usedRespondents[source.next(usedRespondents.count)]
            }
            usedRespondents.append(number)
            let digits = String(number)
            let id = "R" + String(repeating: "0", count: max(0, width - digits.count)) + digits
            for _ in 0..<(1 + source.next(5)) {
                if source.oneIn(10) && !lastLine.isEmpty {  // a duplicate row
                    text += lastLine
                    continue
                }
                if source.oneIn(12) { text += newline }  // a blank line
                let threat = threats[source.next(threats.count)]
                let spelling: String
                switch source.next(5) {
                case 0: spelling = threat.title
                case 1: spelling = threat.title.uppercased()
                case 2: spelling = threat.aliases.first?.terms.first ?? threat.id
                default: spelling = threat.id
                }
                var priority = ""
                switch source.next(12) {
                case 0, 1, 2: priority = ""
                // past Priority.maximum: both refuse
                case 3: priority = source.oneIn(16) ? "70000" : "700"
                case 4: priority = source.oneIn(64) ? "0" : "1"
                case 5: priority = source.oneIn(64) ? "x" : "2"
                default: priority = String(1 + source.next(4))
                }
                var comment = ""
                switch source.next(6) {
                case 0: comment = "\"a, b\""
                case 1: comment = "\"said \"\"no\"\"\(newline)then yes\""
                case 2: comment = "plain words"
                default: comment = ""
                }
                var cells: [String] = []
                for column in header {
                    switch column {
                    case "delegation": cells.append(spellings[source.next(spellings.count)])
                    case "respondent": cells.append(id)
                    case "threat": cells.append(spelling)
                    case "priority": cells.append(priority)
                    default: cells.append(comment)
                    }
                }
                lastLine = cells.joined(separator: delimiter) + newline
                text += lastLine
            }
        }
        return text
    }

    /// The rank JSON (count and Borda) of the general reader for `bytes`, or `nil` when it
    /// refuses the file.
    static func general(_ bytes: [UInt8], path: String) -> String? {
        var submitter = Submitter(catalog: QuestionnaireCatalog(questionnaires: [questionnaire]))
        submitter.readFile = { _ in bytes }
        let request = SubmitRequest(
            paths: [path], questionnaire: questionnaire.id, received: .date(questionnaire.issued))
        guard let prepared = try? submitter.prepare(request, store: nil),
            let receipts = try? submitter.commit(prepared, into: nil)
        else { return nil }
        return ranked(
            CountedAnswers(
                questionnaire: questionnaire, submissions: receipts.map(\.submission)))
    }

    /// The same JSON from fast-path sums, filling the same counted answers (received when
    /// the general reader's submissions were).
    static func fast(_ aggregate: MentionAggregate) -> String {
        ranked(
            CountedAnswers(
                questionnaire: questionnaire, aggregate: aggregate,
                received: DateTimeInput.date(questionnaire.issued).resolve(
                    in: questionnaire.timeZone)))
    }

    /// The rank JSON (count and Borda) of `counted`, with its late answers and late Member
    /// States: the one module both readings fill.
    static func ranked(_ counted: CountedAnswers) -> String {
        ([RankingOptions(), RankingOptions(method: .borda)].map {
            Ranking(counted: counted, options: $0).json.serialized()
        } + [
            "late Member States: " + counted.lateStates(.memberState).joined(separator: " ")
        ]).joined(separator: "\n")
    }

    /// Compares both paths on `text`, written to `path` for the fast path (which reads files).
    ///
    /// Fast-path readings: one core with a large chunk, one core with 16-byte chunks, and the
    /// two-core split with chunks small enough for the file to be split.
    package static func compare(_ text: String, path: String) -> Outcome {
        let bytes = Array(text.utf8)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            return .different("cannot write \(path)")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reference = general(bytes, path: path)
        let readings: [(String, Int, Bool)] = [
            ("one core", 1 << 16, false), ("one core, 16-byte chunks", 16, false),
            ("two cores", max(16, bytes.count / 5), true),
        ]
        var compared = 0
        for (name, chunk, parallel) in readings {
            guard
                let outcome = try? LongCSVAggregator.aggregate(
                    path: path, questionnaire: questionnaire, chunkSize: chunk, parallel: parallel)
            else {
                return .different("\(name): the fast path failed where it should decline\n\(text)")
            }
            guard case .aggregated(let aggregate, _) = outcome else { continue }
            guard let reference else {
                return .different(
                    "\(name): the fast path summed a file the general reader refuses\n\(text)")
            }
            let mine = fast(aggregate)
            if mine != reference {
                return .different(
                    "\(name):\n--- general\n\(reference)\n--- fast\n\(mine)\n--- file\n\(text)")
            }
            compared += 1
        }
        guard compared > 0, let reference else { return .declined }
        if let difference = compareStored(path: path, reference: reference) {
            return .different("stored:\n\(difference)\n--- file\n\(text)")
        }
        return .same(compared: compared)
    }

    /// Stores the file at `path` by streaming and by the general reader, each in a store of
    /// its own: one stored shape means both hold the same submissions (delegation,
    /// respondents, what each respondent's answer counts) and count `reference` as read.
    ///
    /// - Returns: what differs, or `nil` (also when streaming declines the file: it streams
    ///   files of respondents only).
    static func compareStored(path: String, reference: String) -> String? {
        let folder = path + ".stores"
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = QuestionnaireCatalog(questionnaires: [questionnaire])
        let received = DateTimeInput.date(questionnaire.issued).resolve(
            in: questionnaire.timeZone)
        do {
            let streamed = try Store(path: folder + "/streamed.sqlite")
            // Streaming stores respondents only (a file without them is read whole).
            guard
                try StreamingSubmitter(catalog: catalog).store(
                    into: streamed, path: path, questionnaire: questionnaire, received: received)
                    != nil
            else { return nil }
            let general = try Store(path: folder + "/general.sqlite")
            _ = try Submitter(catalog: catalog).submit(
                SubmitRequest(
                    paths: [path], questionnaire: questionnaire.id, received: .instant(received)),
                into: general)
            let a = try stored(streamed)
            let b = try stored(general)
            if a != b { return "--- streamed\n\(a)\n--- read whole\n\(b)" }
            for (name, store) in [("streamed", streamed), ("read whole", general)] {
                let counted = ranked(
                    try CountedAnswers.load(store: store, questionnaire: questionnaire, asOf: nil))
                if counted != reference {
                    return "\(name) store counts\n\(counted)\n--- read\n\(reference)"
                }
            }
            return nil
        } catch {
            return "storing failed: \(error)"
        }
    }

    /// What a store holds, as comparable text: per submission its delegation and number of
    /// respondents, then per answer its respondent, the line it starts on, and the priority it
    /// counts per threat.
    static func stored(_ store: Store) throws -> String {
        let ids = questionnaire.threats.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        // `fill` overwrites every threat: the first value is never read.
        var scratch = [Int32](repeating: -1, count: ids.count)
        var lines: [String] = []
        for submission in try store.submissions(questionnaire: questionnaire.id) {
            lines.append(
                "\(submission.delegation) \(submission.response.respondentCount) respondents")
            var answers: [String] = []
            for answer in submission.answers {
                MentionAggregate.StateSums.fill(
                    &scratch, with: answer.response.mentions, index: index)
                answers.append(
                    "  \(answer.response.respondent ?? "-") line \(answer.response.line): "
                        + scratch.map(String.init).joined(separator: ","))
            }
            lines += answers.sorted()
        }
        return lines.joined(separator: "\n")
    }
}
