/// How a submission keeps its respondents' answers: one blob in `submissions.respondents`
/// (schema 12), written alike by the general reader and by streaming, read back whole.
///
/// One row and two index entries per respondent cost 186 bytes each (a million respondents
/// made a store larger than their CSV); packed, a respondent's answer of three prioritised
/// threats is about 15 bytes. Nothing the general reader finds is dropped: each answer keeps
/// its respondent, line, date, comments, answers to questions, and every mention with its
/// priority, comment, origin, phrase, position, negation and cue.
///
/// Layout (every number an unsigned LEB128 varint, every text its UTF-8 length then bytes):
///
///     0x01                                   format
///     T, T threat ids                        what mentions' threat numbers index
///     N                                      respondents
///     per respondent: id, line (0: unknown), flags (1 date, 2 comments, 4 answers),
///         [date], [comments], [count, per answer: question, value, line + 1 (0: none)],
///         M, per mention: threat number, flags (1 priority, 2 comment, 4 phrase, 8 line,
///         16 column, 32 negated, 64 cue, 128 prose), then the fields flagged, in that order
///
/// Reading damaged bytes never traps: it gives what was read before the damage, and says so
/// (``decode(_:delegation:cosignatories:)`` returns `complete: false`).
enum RespondentPack {
    /// The format byte written first.
    static let format: UInt8 = 1

    /// The pack of `respondents` (each a ``Response`` with ``Response/respondent`` set).
    ///
    /// - Complexity: O(total size of the answers).
    static func encode(_ respondents: [Response]) -> [UInt8] {
        var threats: [String] = []
        var number: [String: Int] = [:]
        for answer in respondents {
            for mention in answer.mentions where number[mention.threat] == nil {
                number[mention.threat] = threats.count
                threats.append(mention.threat)
            }
        }
        var body = PackedBytes()
        for answer in respondents {
            appendAnswer(answer, number: number, to: &body)
        }
        return header(threats: threats, count: respondents.count) + body.bytes
    }

    /// The pack's first bytes: format, threat ids and the number of respondents that follow.
    static func header(threats: [String], count: Int) -> [UInt8] {
        var out = PackedBytes()
        out.byte(format)
        out.varint(threats.count)
        for threat in threats { out.text(threat) }
        out.varint(count)
        return out.bytes
    }

    /// Appends one respondent's answer; `number` gives each threat its number in the header.
    static func appendAnswer(_ answer: Response, number: [String: Int], to out: inout PackedBytes) {
        out.text(answer.respondent ?? "")
        out.varint(answer.line)
        var flags: UInt8 = 0
        if answer.dated != nil { flags |= 1 }
        if answer.comments != nil { flags |= 2 }
        if !answer.answers.isEmpty { flags |= 4 }
        out.byte(flags)
        if let dated = answer.dated { out.text(dated.description) }
        if let comments = answer.comments { out.text(comments) }
        if !answer.answers.isEmpty {
            out.varint(answer.answers.count)
            for a in answer.answers {
                out.text(a.question)
                out.text(a.value)
                out.varint(a.line.map { $0 + 1 } ?? 0)
            }
        }
        out.varint(answer.mentions.count)
        for m in answer.mentions {
            out.varint(number[m.threat] ?? 0)
            var f: UInt8 = 0
            if m.priority != nil { f |= 1 }
            if m.comment != nil { f |= 2 }
            if m.phrase != nil { f |= 4 }
            if m.line != nil { f |= 8 }
            if m.column != nil { f |= 16 }
            if m.negated { f |= 32 }
            if m.cue != nil { f |= 64 }
            if m.origin == .prose { f |= 128 }
            out.byte(f)
            if let p = m.priority { out.varint(p) }
            if let c = m.comment { out.text(c) }
            if let p = m.phrase { out.text(p) }
            if let l = m.line { out.varint(l) }
            if let c = m.column { out.varint(c) }
            if let c = m.cue { out.text(c) }
        }
    }

    /// Appends a streamed respondent's answer: `priorities` per threat of the header's list
    /// (`SumsRow/notMentioned`, `SumsRow/noPriority` or the priority), the line its first row
    /// starts on, no text.
    static func appendAnswer(
        respondent: String, line: Int, priorities: UnsafeBufferPointer<Int32>,
        to out: inout PackedBytes
    ) {
        out.text(respondent)
        out.varint(line)
        out.byte(0)
        var count = 0
        for p in priorities where p >= 0 { count += 1 }
        out.varint(count)
        for (t, p) in priorities.enumerated() where p >= 0 {
            out.varint(t)
            if p > 0 {
                out.byte(1)
                out.varint(Int(p))
            } else {
                out.byte(0)
            }
        }
    }

    /// The respondents' answers in `bytes` (the first `limit` of them), each given
    /// `delegation` and `cosignatories`.
    ///
    /// - Returns: the answers read, and whether they were read without damage (`false`: the
    ///   pack is damaged, and the answers are those before the damage; a pack read whole must
    ///   also end where its last answer does).
    /// - Complexity: O(bytes read).
    static func decode(
        _ bytes: [UInt8], delegation: String, cosignatories: [String], limit: Int = .max
    )
        -> (answers: [Response], complete: Bool)
    {
        var reader = PackedBytes.Reader(bytes)
        guard reader.byte() == format, let threatCount = reader.varint(),
            threatCount <= bytes.count
        else { return ([], false) }
        var threats: [String] = []
        for _ in 0..<threatCount {
            guard let id = reader.text() else { return ([], false) }
            threats.append(id)
        }
        guard let count = reader.varint() else { return ([], false) }
        var answers: [Response] = []
        answers.reserveCapacity(min(count, bytes.count, limit))
        for _ in 0..<min(count, limit) {
            guard
                var answer = readAnswer(
                    &reader, threats: threats, delegation: delegation)
            else { return (answers, false) }
            answer.cosignatories = cosignatories
            answers.append(answer)
        }
        return (answers, count > limit || reader.atEnd)
    }

    /// One respondent's answer, or `nil` where the bytes are damaged.
    private static func readAnswer(
        _ reader: inout PackedBytes.Reader, threats: [String], delegation: String
    ) -> Response? {
        guard let respondent = reader.text(), let line = reader.varint(),
            let flags = reader.byte()
        else { return nil }
        var answer = Response(delegation: delegation, respondent: respondent, line: line)
        if flags & 1 != 0 {
            guard let dated = reader.text() else { return nil }
            answer.dated = CivilDate(iso: dated)
        }
        if flags & 2 != 0 {
            guard let comments = reader.text() else { return nil }
            answer.comments = comments
        }
        if flags & 4 != 0 {
            guard let count = reader.varint() else { return nil }
            for _ in 0..<count {
                guard let question = reader.text(), let value = reader.text(),
                    let line = reader.varint()
                else { return nil }
                answer.answers.append(
                    Response.Answer(
                        question: question, value: value, line: line == 0 ? nil : line - 1))
            }
        }
        guard let mentions = reader.varint() else { return nil }
        for _ in 0..<mentions {
            guard let t = reader.varint(), t < threats.count, let f = reader.byte() else {
                return nil
            }
            var m = Mention(threat: threats[t], origin: f & 128 != 0 ? .prose : .structured)
            if f & 1 != 0 { guard let p = reader.varint() else { return nil }; m.priority = p }
            if f & 2 != 0 { guard let c = reader.text() else { return nil }; m.comment = c }
            if f & 4 != 0 { guard let p = reader.text() else { return nil }; m.phrase = p }
            if f & 8 != 0 { guard let l = reader.varint() else { return nil }; m.line = l }
            if f & 16 != 0 { guard let c = reader.varint() else { return nil }; m.column = c }
            m.negated = f & 32 != 0
            if f & 64 != 0 { guard let c = reader.text() else { return nil }; m.cue = c }
            answer.mentions.append(m)
        }
        return answer
    }
}
