import Foundation
import Testing

@testable import ThreatSurvey

/// The phases of reading one line of prose (`ProseMatcher.read(line:…)`), each on its own:
/// words, priority phrases, boundaries, negation, kept phrases, alias matches, free phrases,
/// the list number, the readings, and a threat listed once per clause.
@Suite("Prose reading, phase by phase")
struct ProseMatcherPhaseTests {
    let questionnaire: Questionnaire
    let matcher: ProseMatcher

    init() throws {
        questionnaire = try TestSupport.questionnaire("9396/1/15")
        matcher = ProseMatcher(questionnaire: questionnaire)
    }

    /// The words of `line`.
    func tokens(_ line: Substring) -> [ProseMatcher.Token] {
        ProseMatcher.tokens(of: line)
    }

    @Test("tokens: folded words with their columns; punctuation is not a word")
    func words() {
        let line: Substring = "Drugs, NOT firearms."
        let tokens = tokens(line)
        #expect(tokens.map(\.key) == ["drugs", "not", "firearms"])
        #expect(tokens.map(\.column) == [1, 8, 12])
        #expect(String(line[tokens[2].start..<tokens[2].end]) == "firearms")
        #expect(self.tokens("  ;  ").isEmpty)
    }

    @Test("priorityPhrases: number after, ordinal before, and an ordinal's dot")
    func priorityPhrases() {
        let line: Substring = "priority 1 drugs; second priority firearms; 3. Priorität cash"
        let (phrases, ordinalDot) = ProseMatcher.priorityPhrases(tokens(line), line: line)
        #expect(phrases.map(\.value) == [1, 2, 3])
        #expect(phrases.map(\.label) == ["priority 1", "second priority", "3. Priorität"])
        #expect(phrases.map { [$0.first, $0.last] } == [[0, 1], [3, 4], [6, 7]])
        #expect(ordinalDot == [false, false, false, false, false, false, false, true, false])
    }

    @Test("boundaries: clauses, spans, segments, sentences and contrast words")
    func boundaries() {
        let line: Substring = "drugs; firearms, cash: waste but fraud"
        let tokens = tokens(line)
        let b = ProseMatcher.boundaries(
            tokens, line: line, ordinalDot: [Bool](repeating: false, count: tokens.count))
        #expect(b.clause == [0, 1, 1, 2, 3, 3])
        #expect(b.span == [0, 1, 1, 1, 2, 2])
        #expect(b.segment == [0, 1, 2, 2, 3, 3])
        #expect(b.sentence == [0, 1, 1, 1, 1, 1])
        #expect(b.isContrast == [false, false, false, false, true, false])

        // A dot between digits, or an ordinal's dot, does not cut.
        let date: Substring = "on 15.03.2026 drugs"
        let dateTokens = self.tokens(date)
        let d = ProseMatcher.boundaries(
            dateTokens, line: date, ordinalDot: [Bool](repeating: false, count: dateTokens.count))
        #expect(d.clause == [0, 0, 0, 0, 0])
        let ordinal: Substring = "drugs. 1. Priorität"
        let ordinalTokens = self.tokens(ordinal)
        let o = ProseMatcher.boundaries(
            ordinalTokens, line: ordinal, ordinalDot: [false, false, true])
        #expect(o.clause == [0, 1, 1])
    }

    @Test("negationScope: cues, predicates, the cue before a token and the qualified cue after")
    func negationScope() {
        let line: Substring = "not only drugs; firearms are not a priority"
        let tokens = tokens(line)
        let b = ProseMatcher.boundaries(
            tokens, line: line, ordinalDot: [Bool](repeating: false, count: tokens.count))
        let n = matcher.negationScope(tokens, line: line, boundaries: b)
        // "not only" does not negate; the second "not" does, and a predicate follows it.
        #expect(n.cue == [nil, nil, nil, nil, nil, "not", nil, nil])
        #expect(n.predicate[7])
        #expect(n.lastCue == [nil, nil, nil, nil, nil, nil, 5, 5])
        #expect(n.nextQualified[3] == 5)
        #expect(n.nextQualified[2] == nil)  // another clause
        #expect(n.nextQualified.count == tokens.count + 1)
        #expect(n.predicateAhead[6] && !n.predicateAhead[5])
    }

    @Test("cueLabel: n't, French ne … pas, and the words that only look like cues")
    func cueLabels() {
        func labels(_ line: Substring) -> [String?] {
            let tokens = tokens(line)
            let b = ProseMatcher.boundaries(
                tokens, line: line, ordinalDot: [Bool](repeating: false, count: tokens.count))
            return tokens.indices.map {
                matcher.cueLabel(at: $0, tokens: tokens, line: line, clause: b.clause)
            }
        }
        #expect(labels("drugs isn't one").compactMap { $0 } == ["isn't"])
        #expect(labels("ne constituent pas").first == "ne … pas")
        #expect(labels("non-EU drugs").compactMap { $0 }.isEmpty)
        #expect(labels("no. 1 drugs").compactMap { $0 }.isEmpty)
        #expect(labels("no drugs").first == "no")
    }

    @Test("keptPhrases: a number outside 1…threats is dropped with a note")
    func keptPhrases() {
        let line: Substring = "priority 1 drugs, priority 99 cash"
        let tokens = tokens(line)
        let (phrases, _) = ProseMatcher.priorityPhrases(tokens, line: line)
        var notes: [ProseMatcher.Note] = []
        let kept = matcher.keptPhrases(phrases, tokens: tokens, line: 4, offset: 2, notes: &notes)
        #expect(kept.map(\.label) == ["priority 1"])
        #expect(notes.count == 1)
        #expect(notes.first?.line == 4)
        #expect(notes.first?.column == 21)
        #expect(
            notes.first?.message.hasPrefix("priority 99 in \"priority 99\" is outside 1…") == true)
    }

    @Test("aliasMatches: whole aliases in reading order; a contrast word never matches")
    func aliasMatches() {
        let line: Substring = "drugs and firearms"
        let tokens = tokens(line)
        let matches = matcher.aliasMatches(tokens, isContrast: [false, false, false])
        #expect(
            matches.map { "\($0.first)-\($0.last) \($0.threat)" } == ["0-0 drugs", "2-2 firearms"])
        let none = matcher.aliasMatches(tokens, isContrast: [true, false, true])
        #expect(none.isEmpty)
    }

    @Test("freePhrases: the nearest unbound phrase before and after each token, in its segment")
    func freePhrases() {
        let line: Substring = "priority 1 drugs, firearms"
        let tokens = tokens(line)
        let b = ProseMatcher.boundaries(
            tokens, line: line, ordinalDot: [Bool](repeating: false, count: tokens.count))
        let (phrases, _) = ProseMatcher.priorityPhrases(tokens, line: line)
        let free = ProseMatcher.freePhrases(
            phrases, bound: [nil], segment: b.segment, count: tokens.count)
        #expect(free.previous == [nil, nil, 0, nil])
        #expect(free.next == [0, nil, nil, nil])
        // A phrase a match binds is no one else's.
        let claimed = ProseMatcher.freePhrases(
            phrases, bound: [0], segment: b.segment, count: tokens.count)
        #expect(claimed.previous == [nil, nil, nil, nil])
        #expect(claimed.next == [nil, nil, nil, nil])
    }

    @Test("listPriority: a leading list number, unless it is an ordinal or out of range")
    func listPriority() {
        var notes: [ProseMatcher.Note] = []
        func item(_ line: Substring, ordinalDot: [Bool]? = nil) -> (value: Int, label: String)? {
            let tokens = tokens(line)
            return matcher.listPriority(
                line, tokens: tokens,
                ordinalDot: ordinalDot ?? [Bool](repeating: false, count: tokens.count),
                number: 7, offset: 0, notes: &notes)
        }
        #expect(item("1. Firearms").map { "\($0.value) \($0.label)" } == "1 1.")
        #expect(item("(2) drugs").map { "\($0.value) \($0.label)" } == "2 (2)")
        #expect(item("drugs 1. firearms") == nil)
        #expect(item("1. Priorität drugs", ordinalDot: [false, true, false]) == nil)
        #expect(notes.isEmpty)
        #expect(item("99. drugs") == nil)
        #expect(notes.map(\.line) == [7])
        #expect(notes.first?.message.hasPrefix("list number 99 is outside 1…") == true)
    }

    @Test("readings: negated, bound or nearest phrase, else the list number")
    func readings() {
        func read(_ line: Substring) -> [String] {
            let tokens = tokens(line)
            let (phrases, ordinalDot) = ProseMatcher.priorityPhrases(tokens, line: line)
            let b = ProseMatcher.boundaries(tokens, line: line, ordinalDot: ordinalDot)
            let negation = matcher.negationScope(tokens, line: line, boundaries: b)
            var notes: [ProseMatcher.Note] = []
            let kept = matcher.keptPhrases(
                phrases, tokens: tokens, line: 1, offset: 0, notes: &notes)
            let matches = matcher.aliasMatches(tokens, isContrast: b.isContrast)
            let bound = ProseMatcher.boundPhrases(
                matches: matches, phrases: kept, tokens: tokens, line: line, segment: b.segment)
            let free = ProseMatcher.freePhrases(
                kept, bound: bound, segment: b.segment, count: tokens.count)
            let item = matcher.listPriority(
                line, tokens: tokens, ordinalDot: ordinalDot, number: 1, offset: 0,
                notes: &notes)
            return ProseMatcher.readings(
                matches, tokens: tokens, line: line, number: 1, offset: 0, boundaries: b,
                negation: negation, kept: kept, bound: bound, free: free, listItem: item
            ).map { r in
                let m = r.mention
                let how = m.negated ? "NOT(\(m.cue ?? ""))" : m.priority.map { "\($0)" } ?? "-"
                return "\(r.clause) \(m.threat) \(how) @\(m.column ?? 0)"
            }
        }
        #expect(
            read("no drugs; firearms priority 2") == ["0 drugs NOT(no) @4", "1 firearms 2 @11"])
        // The list number's dot ends a clause of its own: "drugs" is in clause 1.
        #expect(read("2. drugs") == ["1 drugs 2 @4"])
        #expect(
            read("drugs its second priority, firearms") == ["0 drugs 2 @1", "0 firearms - @28"])
    }

    @Test("listedOnce: a threat named again in its clause is one mention and a note")
    func listedOnce() {
        var notes: [ProseMatcher.Note] = []
        let read: [(mention: Mention, clause: Int)] = [
            (Mention(threat: "drugs", origin: .prose, phrase: "drugs", line: 1, column: 1), 0),
            (
                Mention(
                    threat: "drugs", priority: 2, origin: .prose, phrase: "narcotics", line: 1,
                    column: 12, cue: "priority 2"), 0
            ),
            (Mention(threat: "drugs", origin: .prose, phrase: "drugs", line: 1, column: 30), 1),
        ]
        let out = ProseMatcher.listedOnce(read, line: 1, notes: &notes)
        #expect(out.map(\.column) == [1, 30])
        #expect(out.first?.priority == 2)
        #expect(out.first?.cue == "priority 2")
        #expect(notes.count == 1)
        #expect(notes.first?.isWarning == false)
        #expect(notes.first?.column == 12)
        #expect(
            notes.first?.message
                == "\"narcotics\" names drugs again in the same clause: listed once")
    }
}
