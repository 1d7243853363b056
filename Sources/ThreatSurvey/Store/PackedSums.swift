/// How a submission keeps the sums of its respondents' answers (`submissions.sums`,
/// schema 12): derived from its pack when it is stored, so that ranking a million
/// respondents reads a few hundred bytes per delegation instead of their answers.
///
/// A cache, read only by the counted-answers module (`CountedAnswers`) and only where it gives
/// the same counts as the pack: it records the threat list it was summed over, and sums over
/// another list (the questionnaire changed since) are not used.
///
/// Layout: the format byte 1, a flags byte (1: some respondent answered the questionnaire's
/// questions, which sums do not hold: `tally` then reads the pack), the answers counted, the
/// number of threats, then per threat its id, mentions, priority sum, priority count, first
/// preferences and best priority (varints) and its Borda points (8 bytes, little-endian).
enum PackedSums {
    /// The format byte written first.
    static let format: UInt8 = 1

    /// The bytes of `sums`, summed over `threats`; `answersQuestions` when some respondent
    /// answered the questionnaire's questions.
    static func encode(
        _ sums: MentionAggregate.StateSums, threats: [String], answersQuestions: Bool = false
    ) -> [UInt8] {
        var out = PackedBytes()
        out.byte(format)
        out.byte(answersQuestions ? 1 : 0)
        out.varint(sums.answers)
        out.varint(threats.count)
        for (t, id) in threats.enumerated() where t < sums.mentions.count {
            out.text(id)
            out.varint(sums.mentions[t])
            out.varint(sums.prioritySum[t])
            out.varint(sums.priorityCount[t])
            out.varint(sums.firsts[t])
            out.varint(sums.bestPriority[t])
            out.double(sums.borda[t])
        }
        return out.bytes
    }

    /// The sums in `bytes`, or `nil` when they were summed over another threat list than
    /// `threats` (in order), are damaged, or cannot stand for the pack (its respondents
    /// answered questions): then the pack is read instead.
    static func decode(_ bytes: [UInt8], threats: [String]) -> MentionAggregate.StateSums? {
        var reader = PackedBytes.Reader(bytes)
        guard reader.byte() == format, reader.byte() == 0, let answers = reader.varint(),
            reader.varint() == threats.count
        else { return nil }
        var sums = MentionAggregate.StateSums(threats: threats.count)
        sums.answers = answers
        for (t, id) in threats.enumerated() {
            guard reader.text() == id, let mentions = reader.varint(),
                let sum = reader.varint(), let count = reader.varint(),
                let firsts = reader.varint(), let best = reader.varint(),
                let borda = reader.double()
            else { return nil }
            sums.mentions[t] = mentions
            sums.prioritySum[t] = sum
            sums.priorityCount[t] = count
            sums.firsts[t] = firsts
            sums.bestPriority[t] = best
            sums.borda[t] = borda
        }
        return reader.atEnd ? sums : nil
    }

    /// How many respondents' answers the sums in `bytes` say mention `threat` (0 when they
    /// do not name it or are damaged), whatever threat list they were summed over.
    static func mentions(of threat: String, in bytes: [UInt8]) -> Int {
        mentionCounts(in: bytes).first { $0.threat == threat }?.mentions ?? 0
    }

    /// The threats the sums in `bytes` count mentions of, in the order they were summed
    /// (empty when damaged).
    static func mentionedThreats(in bytes: [UInt8]) -> [String] {
        mentionCounts(in: bytes).filter { $0.mentions > 0 }.map(\.threat)
    }

    /// Each threat of the sums in `bytes` with its mentions, whatever threat list they were
    /// summed over (empty when damaged).
    private static func mentionCounts(in bytes: [UInt8]) -> [(threat: String, mentions: Int)] {
        var reader = PackedBytes.Reader(bytes)
        guard reader.byte() == format, reader.byte() != nil, reader.varint() != nil,
            let count = reader.varint()
        else {
            return []
        }
        var out: [(threat: String, mentions: Int)] = []
        for _ in 0..<min(count, bytes.count) {
            guard let id = reader.text(), let mentions = reader.varint(),
                reader.varint() != nil, reader.varint() != nil, reader.varint() != nil,
                reader.varint() != nil, reader.double() != nil
            else { return [] }
            out.append((id, mentions))
        }
        return out
    }
}
