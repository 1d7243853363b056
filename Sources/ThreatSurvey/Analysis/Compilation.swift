public import Foundation

/// The compilation of the delegations' replies, as the Council circulates it (CONTRACT.md,
/// `compile`): every Member State's counted answer in protocol order, its comments verbatim
/// with where each came from, and the roster states that did not reply.
///
/// A compilation quotes, it does not count: a threat named in a negated clause stays in the
/// text it was written in. Which answer is counted is the one rule of ``CurrentAnswers`` on the
/// submissions as the officer's decisions left them; who is late is ``Lateness``'s rule.
public struct Compilation: Sendable {
    /// One quoted piece of a reply: a comment on a threat, or a paragraph of written comments.
    public struct Entry: Sendable, Hashable {
        /// Where the text was written.
        public enum Kind: String, Sendable, Hashable {
            /// A comment cell or entry of a structured answer, on one threat.
            case comment
            /// A paragraph of written comments (prose, a document, a mail body).
            case paragraph
        }

        /// The threat it is about: the comment's threat, or the one threat a paragraph names;
        /// `nil` for a paragraph naming none or several ("general comments").
        public var threat: String?
        /// The text, verbatim.
        public var text: String
        /// Where it came from: `de.csv:3`, `ie-letter.docx paragraph 4`, `pl.xlsx:Answers!4:4`,
        /// `ro-body.eml » body:2-3`.
        public var source: String
        /// Comment or paragraph.
        public var kind: Kind
        /// Every threat the paragraph names (negated ones included), in the order found.
        public var names: [String]
        /// The threats named in it only in a negated clause ("not a priority"): quoted, not
        /// counted.
        public var negated: [String]
    }

    /// A threat a reply names, as it counts.
    public struct NamedThreat: Sendable, Hashable {
        /// The threat id.
        public var threat: String
        /// The priority given (the best one, if given twice), or `nil`.
        public var priority: Int?
        /// Named only in negated clauses: shown, not counted.
        public var negated: Bool
    }

    /// One counted answer.
    public struct Reply: Sendable, Hashable {
        /// The submission's number in the store.
        public var submission: Int64
        /// The delegation that sent it.
        public var delegation: String
        /// The Member States that signed it jointly, protocol order.
        public var cosignatories: [String]
        /// The respondent, in consultations with several per Member State.
        public var respondent: String?
        /// The Member States whose counted answer it is (a joint reply replaced by a later
        /// answer of one signatory counts for the others only), protocol order.
        public var countedFor: [String]
        /// When it was received.
        public var received: Date
        /// Whether the delegation is late: its first answer came after the deadline.
        public var late: Bool
        /// Whether this answer itself arrived after the deadline (a late resubmission of a
        /// delegation that answered on time is not late, but is marked so).
        public var receivedAfterDeadline: Bool
        /// The file it came in; for a mail, the mail.
        public var file: String
        /// The attachment (or body) of the mail it was read from.
        public var part: String?
        /// The threats it names, in the order written.
        public var threats: [NamedThreat]
        /// Its answers to the questionnaire's questions, in the order written.
        public var answers: [(question: String, value: String)]
        /// Its comments and paragraphs, in the order written.
        public var entries: [Entry]

        /// Compares every field (the answers are tuples).
        public static func == (a: Reply, b: Reply) -> Bool {
            a.submission == b.submission && a.delegation == b.delegation
                && a.cosignatories == b.cosignatories && a.respondent == b.respondent
                && a.countedFor == b.countedFor && a.received == b.received && a.late == b.late
                && a.receivedAfterDeadline == b.receivedAfterDeadline && a.file == b.file
                && a.part == b.part && a.threats == b.threats
                && a.answers.map(\.question) == b.answers.map(\.question)
                && a.answers.map(\.value) == b.answers.map(\.value) && a.entries == b.entries
        }

        /// Hashes the submission number and respondent (one reply per answer).
        public func hash(into hasher: inout Hasher) {
            hasher.combine(submission)
            hasher.combine(respondent)
        }
    }

    /// How intake read an answer from an Office file, recovered from the stored original: the
    /// sheet, table or paragraphs, and the records with each cell's row and column.
    public struct Original: Sendable {
        /// The part of the file read.
        public var source: AnswerSource
        /// The rows read (for a sheet or table), each field with its row and column.
        public var records: [CSVRecord]

        /// Creates the reading.
        public init(source: AnswerSource, records: [CSVRecord]) {
            self.source = source
            self.records = records
        }

        /// The column of the cell on `line` holding `text`, if one does.
        func column(line: Int, text: String) -> Int? {
            let wanted = text.trimmingWhitespace()
            for record in records where record.lines.contains(line) {
                for (index, field) in record.fields.enumerated()
                where record.lines[index] == line && field.trimmingWhitespace() == wanted {
                    return record.columns[index]
                }
            }
            return nil
        }
    }

    /// How the entries are grouped (`--by`).
    public enum Grouping: String, Sendable, CaseIterable {
        /// Reply by reply, protocol order (the default).
        case delegation
        /// Threat by threat, questionnaire order, general comments last.
        case threat
    }

    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// Roster Member States with a counted answer (cosignatories included), protocol order.
    public var replied: [String]
    /// The rest of the roster, protocol order.
    public var noReply: [String]
    /// The counted answers, by delegation in protocol order.
    public var replies: [Reply]
    /// How the document groups the entries.
    public var grouping: Grouping = .delegation

    /// Compiles the counted answers among `submissions`.
    ///
    /// - Parameters:
    ///   - questionnaire: the questionnaire answered.
    ///   - submissions: its submissions as they count (``Store/countedSubmissions(questionnaire:respondents:)``).
    ///   - sources: for answers read from an Office file, the sheet, table or paragraphs read
    ///     (recovered from the stored original), so that places are named as the officer
    ///     looks for them; without one, lines are given.
    /// - Complexity: O(s log s + m) for s submissions and m mentions and lines of comments.
    public init(
        questionnaire: Questionnaire, submissions: [Submission],
        sources: [Int64: Original] = [:]
    ) {
        self.questionnaire = questionnaire
        let roster = questionnaire.roster
        // Current answers and lateness from one counted-answers value: one rule for both.
        let counted = CountedAnswers(questionnaire: questionnaire, submissions: submissions)
        let current = counted.current
        let late = Set(counted.lateStates(.memberState))
        // One reply per answer: a submission gathering respondents gives one per respondent,
        // all numbered as the submission.
        var countedFor: [String: [String]] = [:]
        var chosen: [String: Submission] = [:]
        for state in roster {
            for s in current.byState[state] ?? [] {
                let key = "\(s.id)\u{1F}\(s.response.respondent ?? "")"
                countedFor[key, default: []].append(state)
                chosen[key] = s
            }
        }
        self.replied = roster.filter { current.byState[$0] != nil }
        self.noReply = roster.filter { current.byState[$0] == nil }
        let order = Dictionary(uniqueKeysWithValues: roster.enumerated().map { ($1, $0) })
        self.replies = chosen.values.sorted { a, b in
            let (x, y) = (order[a.delegation] ?? Int.max, order[b.delegation] ?? Int.max)
            if x != y { return x < y }
            return (a.response.respondent ?? "", a.id) < (b.response.respondent ?? "", b.id)
        }.map { s in
            Compilation.reply(
                s, questionnaire: questionnaire,
                countedFor: countedFor["\(s.id)\u{1F}\(s.response.respondent ?? "")"] ?? [],
                late: late.contains(s.delegation), source: sources[s.id])
        }
    }

    /// The entries grouped threat by threat: every threat in questionnaire order, then the
    /// general comments (`threat` `nil`), each with the replies' entries in protocol order.
    public var byThreat: [(threat: String?, entries: [(reply: Reply, entry: Entry)])] {
        let ids: [String?] = questionnaire.threats.map(\.id) + [nil]
        return ids.map { id in
            (
                id,
                replies.flatMap { reply in
                    reply.entries.filter { $0.threat == id }.map { (reply, $0) }
                }
            )
        }
    }

    /// One submission as a reply: its named threats, answers, comments and paragraphs.
    static func reply(
        _ s: Submission, questionnaire: Questionnaire, countedFor: [String], late: Bool,
        source: Original?
    ) -> Reply {
        let place = Place(submission: s, source: source)
        var threats: [NamedThreat] = []
        for m in s.response.mentions where !threats.contains(where: { $0.threat == m.threat }) {
            let all = s.response.mentions.filter { $0.threat == m.threat }
            threats.append(
                NamedThreat(
                    threat: m.threat, priority: s.response.priority(of: m.threat),
                    negated: !all.contains(where: \.counts)))
        }
        var entries: [Entry] = []
        for m in s.response.mentions where m.origin == .structured {
            guard let comment = m.comment, !comment.allSatisfy(\.isWhitespace) else { continue }
            entries.append(
                Entry(
                    threat: m.threat, text: comment, source: place.line(m.line, text: comment),
                    kind: .comment,
                    names: [m.threat], negated: []))
        }
        entries += paragraphs(of: s, place: place)
        return Reply(
            submission: s.id, delegation: s.delegation, cosignatories: s.response.cosignatories,
            respondent: s.response.respondent, countedFor: countedFor, received: s.received,
            late: late, receivedAfterDeadline: !questionnaire.isOnTime(s.received),
            file: s.sourceFile, part: s.part?.name, threats: threats,
            answers: s.response.answers.map { ($0.question, $0.value) }, entries: entries)
    }

    /// The written comments of `s`, paragraph by paragraph, each tied to the one threat it
    /// names (by the prose mentions intake found on its lines).
    static func paragraphs(of s: Submission, place: Place) -> [Entry] {
        guard let text = s.response.comments, !text.allSatisfy(\.isWhitespace) else { return [] }
        var found = WrittenComments.paragraphs(of: text, onePerLine: place.isDocument)
        if case .paragraphs(let paragraphOfLine) = place.source?.part {
            found = WrittenComments.joined(found, paragraphOfLine: paragraphOfLine)
        }
        let prose = s.response.mentions.filter { $0.origin == .prose }
        let base = firstLine(
            of: text, mentions: prose, format: s.format, answerLine: s.response.line)
        return found.enumerated().map { index, paragraph in
            let mine =
                found.count == 1
                ? prose
                : prose.filter { m in
                    guard let line = m.line else { return false }
                    let relative = line - base + 1
                    return relative >= paragraph.firstLine && relative <= paragraph.lastLine
                }
            var names: [String] = []
            for m in mine where !names.contains(m.threat) { names.append(m.threat) }
            let negated = names.filter { id in
                !mine.contains { $0.threat == id && $0.counts }
            }
            return Entry(
                threat: names.count == 1 ? names[0] : nil, text: paragraph.text,
                source: place.paragraph(
                    paragraph, number: index + 1, of: found.count, format: s.format,
                    answerLine: s.response.line),
                kind: .paragraph, names: names, negated: negated)
        }
    }

    /// The line of the file on which the comments' first line stands, as intake numbered the
    /// prose mentions: 1 for a prose file or mail body; the row for a matrix's comments cell;
    /// for a JSON `comments` string, found from the first mention's phrase (the string's own
    /// line is not kept).
    static func firstLine(
        of text: String, mentions: [Mention], format: InputFormat, answerLine: Int
    ) -> Int {
        switch format {
        case .prose: return 1
        case .csvMatrix, .csvLong: return answerLine
        case .json:
            guard
                let first = mentions.filter({ $0.line != nil }).min(by: {
                    ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0)
                }), let line = first.line, let phrase = first.phrase
            else { return answerLine }
            let key = TextFolding.key(phrase)
            let lines = WrittenComments.lines(of: text)
            let index = lines.firstIndex { TextFolding.key($0).contains(key) } ?? 0
            return line - index
        }
    }

    /// How the places of one submission are named.
    struct Place {
        /// `de.csv`, or `pl-csv.eml » pl-answers.csv` for a mail's part.
        var origin: String
        /// The Office part read, when known.
        var original: Original?
        /// Whether the comments are a document's paragraphs, one per line.
        var isDocument: Bool

        var source: AnswerSource? { original?.source }

        init(submission s: Submission, source: Original?) {
            origin = s.part.map { "\(s.sourceFile) » \($0.name)" } ?? s.sourceFile
            self.original = source
            let name = (s.part?.name ?? s.sourceFile).lowercased()
            if case .paragraphs = source?.source.part {
                isDocument = true
            } else {
                isDocument = name.hasSuffix(".docx") || name.hasSuffix(".odt")
            }
        }

        /// A line of the file: `de.csv:3`; in an Office file the cell holding `text` when
        /// there is one (`pl.xlsx:Answers!D4`), else the row (`pl.xlsx:Answers!4:4`).
        func line(_ line: Int?, text: String? = nil) -> String {
            guard let line else { return origin }
            if let source {
                let column = text.flatMap { original?.column(line: line, text: $0) }
                if let place = source.place(line: line, column: column) {
                    return "\(origin):\(place)"
                }
            }
            return "\(origin):\(line)"
        }

        /// A paragraph of written comments.
        func paragraph(
            _ p: WrittenComments.Paragraph, number: Int, of count: Int, format: InputFormat,
            answerLine: Int
        ) -> String {
            switch format {
            case .json:
                return count == 1
                    ? "\(origin) \"comments\"" : "\(origin) \"comments\" paragraph \(number)"
            case .csvMatrix, .csvLong:
                return line(answerLine)
            case .prose:
                if isDocument {
                    let n = source?.place(line: p.firstLine, column: nil) ?? String(p.firstLine)
                    return "\(origin) paragraph \(n)"
                }
                return p.firstLine == p.lastLine
                    ? "\(origin):\(p.firstLine)" : "\(origin):\(p.firstLine)-\(p.lastLine)"
            }
        }
    }
}
