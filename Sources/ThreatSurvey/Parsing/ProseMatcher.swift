/// Finds the threats named in written comments, in any language the questionnaire's
/// aliases cover, and reads each match as a careful officer would: negated or not, with a
/// priority or not.
///
/// Matching is whole-word and insensitive to case and diacritics. Where two aliases overlap
/// ("excise fraud" and "fraud"), the longest wins. Every match keeps its line, column and the
/// exact phrase, because the officer must be able to check each one.
///
/// **Clauses.** A line is cut into clauses at `.` `;` `:` `!` `?` `…` (a `.` or `:` between
/// two digits or letters, as in "15.03.2026" or "10:30", does not cut) and at contrast words
/// ("but", "mais", "aber", "pero", "ma", "maar", "ale", … see `Negation.contrasts`); a line
/// break always ends a clause. A comma does not: "no problems with waste, F-gases or drugs"
/// negates all three.
///
/// **Negation.** A match is `negated` (kept as evidence, never counted) when
/// - a negation cue (`Negation.cues`: "not", "no", "ne", "pas", "kein", "nicht", "no",
///   "non", "geen", "nie", "δεν", "не", …) comes before it in its clause — unless that cue
///   already had its own predicate before the match and the match has one after it
///   ("firearms are not a priority, drugs are our first priority": drugs counts); or
/// - after it in its clause (here a `:` does not cut: "Firearms: not relevant") comes a cue
///   followed within `Negation.predicateWindow` words by a predicate about a threat
///   ("is not a priority", "ne constituent pas une priorité", "sind keine Priorität", "no
///   significant problem"), with no other predicate between the match and the cue.
/// "not only", "no. 1", "non-EU", "no doubt" are not negations.
///
/// **Priorities.** A priority phrase (`ProsePriority`) gives its number to the matches of
/// its segment (a clause that commas also cut), the nearest phrase winning, the one before
/// on a tie: "en priorité 1 les armes à feu, en priorité 2 les drogues". A line starting
/// with a list number ("1. Firearms", "2) drugs", "(3) cash") gives it to the matches of
/// its first sentence that no phrase prioritises. A number outside 1…(number of threats) is
/// ignored with a note. A negated match has no priority.
public struct ProseMatcher: Sendable {
    /// A remark about the text that is not a mention (an ignored priority number).
    public struct Note: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
        /// What was noticed and what was done.
        public var message: String
        /// Whether the officer should check it (an ignored number), not only know it (a
        /// repeat listed once).
        public var isWarning = true
    }

    /// Alias token sequences by first token, longest first.
    private let index: [String: [(tokens: [String], threat: String)]]
    /// The largest priority a phrase may give: the questionnaire's number of threats.
    private let highestPriority: Int

    /// A matcher for the ids, titles and aliases of `questionnaire`'s threats.
    public init(questionnaire: Questionnaire) {
        var index: [String: [(tokens: [String], threat: String)]] = [:]
        var seen = Set<String>()
        for threat in questionnaire.threats {
            for name in [threat.id, threat.title] + threat.allAliases {
                let key = TextFolding.key(name)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                let tokens = key.split(separator: " ").map(String.init)
                index[tokens[0], default: []].append((tokens, threat.id))
            }
        }
        for key in index.keys { index[key]?.sort { $0.tokens.count > $1.tokens.count } }
        self.index = index
        self.highestPriority = max(1, questionnaire.threats.count)
    }

    /// Every alias found in `text`, as prose mentions, in reading order.
    ///
    /// - Parameters:
    ///   - text: the prose to read.
    ///   - firstLine: the file line on which `text` starts.
    ///   - firstColumn: the file column at which `text` starts (for its first line only).
    /// - Returns: the mentions found, in reading order.
    /// - Complexity: O(words × aliases sharing a first word).
    public func mentions(in text: String, firstLine: Int = 1, firstColumn: Int = 1) -> [Mention] {
        read(text, firstLine: firstLine, firstColumn: firstColumn).mentions
    }

    /// Every alias found in `text` with its reading (negated, priority), and notes on
    /// priority numbers that were ignored.
    ///
    /// Lines end at LF, CR or CRLF alike, so a file written on Windows has its matches on
    /// the right lines.
    ///
    /// - Complexity: O(words × aliases sharing a first word).
    public func read(_ text: String, firstLine: Int = 1, firstColumn: Int = 1) -> (
        mentions: [Mention], notes: [Note]
    ) {
        var mentions: [Mention] = []
        var notes: [Note] = []
        var lineNumber = firstLine
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let offset = lineNumber == firstLine ? firstColumn - 1 : 0
            read(line: line, number: lineNumber, offset: offset, into: &mentions, notes: &notes)
            lineNumber += 1
        }
        return (mentions, notes)
    }

    /// A word of a line: its folded key, where it stands, and the column it starts at.
    struct Token {
        var key: String
        /// The word lowercased but not folded, for the contrast words folding would merge.
        var lower: String
        var start: String.Index
        var end: String.Index
        var column: Int
    }

    /// A priority phrase: the tokens it spans, the number it gives, and its text.
    ///
    /// "priority 1", "second priority", "1. Priorität"; the text is the receipt's label.
    struct Phrase {
        var first: Int
        var last: Int
        var value: Int
        var label: String
    }

    /// An alias found in a line: the tokens it spans and the threat it names.
    typealias Match = (first: Int, last: Int, threat: String)

    /// Where a line's clauses, spans, segments and sentences start, per token.
    ///
    /// Each is a number per token, the same for the tokens of one unit: a clause (negation
    /// before a match) is cut by `.` `;` `:` `!` `?` `…` and contrast words; a span
    /// (negation after) as a clause but not at `:`; a segment (priorities) as a clause and
    /// at `,`; a sentence (list items) not at `:` nor at contrast words.
    struct Boundaries {
        var clause: [Int]
        var span: [Int]
        var segment: [Int]
        var sentence: [Int]
        /// Whether the token is a contrast word ("but", "mais"), which never matches.
        var isContrast: [Bool]
    }

    /// The negation cues of a line and, per token, what negation reaches it.
    struct NegationScope {
        /// The receipt label of the cue at each token, `nil` where the word does not negate.
        var cue: [String?]
        /// Whether the token is a predicate about a threat ("priority", "problem").
        var predicate: [Bool]
        /// The latest cue of the token's clause before it.
        var lastCue: [Int?]
        /// Whether a predicate came between that cue and the token.
        var predicateSinceCue: [Bool]
        /// The next qualified cue of the token's span with no predicate before it (one slot
        /// more than tokens).
        var nextQualified: [Int?]
        /// Whether a predicate comes, from the token on, before the next cue in the clause
        /// (one slot more than tokens).
        var predicateAhead: [Bool]
    }

    /// For each token, the priority phrases no match binds that are nearest on each side
    /// in its segment (indices into the kept phrases).
    struct FreePhrases {
        /// The nearest free phrase ending before the token.
        var previous: [Int?]
        /// The nearest free phrase starting at or after the token.
        var next: [Int?]
    }

    /// Reads one line: its words, priority phrases, boundaries, negation, alias matches and
    /// the phrase each takes, then each match's reading, a threat listed once per clause.
    private func read(
        line: Substring, number: Int, offset: Int, into mentions: inout [Mention],
        notes: inout [Note]
    ) {
        let tokens = Self.tokens(of: line)
        guard !tokens.isEmpty else { return }
        let (phrases, ordinalDot) = Self.priorityPhrases(tokens, line: line)
        let boundaries = Self.boundaries(tokens, line: line, ordinalDot: ordinalDot)
        let negation = negationScope(tokens, line: line, boundaries: boundaries)
        let kept = keptPhrases(phrases, tokens: tokens, line: number, offset: offset, notes: &notes)
        let matches = aliasMatches(tokens, isContrast: boundaries.isContrast)
        let bound = Self.boundPhrases(
            matches: matches, phrases: kept, tokens: tokens, line: line,
            segment: boundaries.segment)
        let free = Self.freePhrases(
            kept, bound: bound, segment: boundaries.segment, count: tokens.count)
        let listItem = listPriority(
            line, tokens: tokens, ordinalDot: ordinalDot, number: number, offset: offset,
            notes: &notes)
        let read = Self.readings(
            matches, tokens: tokens, line: line, number: number, offset: offset,
            boundaries: boundaries, negation: negation, kept: kept, bound: bound, free: free,
            listItem: listItem)
        mentions += Self.listedOnce(read, line: number, notes: &notes)
    }

    /// The text between token `k - 1` (or the line's start) and token `k`.
    static func gap(before k: Int, tokens: [Token], line: Substring) -> Substring {
        line[(k == 0 ? line.startIndex : tokens[k - 1].end)..<tokens[k].start]
    }

    /// The text of the line from token `a` to token `b`, both included.
    static func raw(_ a: Int, _ b: Int, tokens: [Token], line: Substring) -> String {
        String(line[tokens[a].start..<tokens[b].end])
    }

    /// The priority phrases of a line, and for each token whether the gap before it is an
    /// ordinal's dot.
    ///
    /// The dot of "1. Priorität" is an ordinal's.
    /// The first phase after the words, because an ordinal's "." must not cut a clause:
    /// the boundaries need to know which dots belong to a phrase.
    static func priorityPhrases(_ tokens: [Token], line: Substring) -> (
        phrases: [Phrase], ordinalDot: [Bool]
    ) {
        let count = tokens.count
        func gap(before k: Int) -> Substring { Self.gap(before: k, tokens: tokens, line: line) }
        func raw(_ a: Int, _ b: Int) -> String { Self.raw(a, b, tokens: tokens, line: line) }
        var phrases: [Phrase] = []
        var ordinalDot = [Bool](repeating: false, count: count)  // gap before k is an ordinal's "."
        for k in 0..<count where ProsePriority.isPriorityWord(tokens[k].key) {
            if k + 1 < count, let n = ProsePriority.number(tokens[k + 1].key),
                Self.isSpace(gap(before: k + 1))
            {
                phrases.append(Phrase(first: k, last: k + 1, value: n, label: raw(k, k + 1)))
            } else if k + 2 < count, Negation.numberWords.contains(tokens[k + 1].key),
                let n = ProsePriority.number(tokens[k + 2].key), Self.isSpace(gap(before: k + 1))
            {
                phrases.append(Phrase(first: k, last: k + 2, value: n, label: raw(k, k + 2)))
            } else if k > 0,
                let n = ProsePriority.ordinals[tokens[k - 1].key]
                    ?? ProsePriority.writtenOrdinal(tokens[k - 1].key),
                Self.isSpace(gap(before: k))
            {
                phrases.append(Phrase(first: k - 1, last: k, value: n, label: raw(k - 1, k)))
            } else if k > 0, let n = ProsePriority.number(tokens[k - 1].key),
                gap(before: k).filter({ !$0.isWhitespace }) == "."
            {
                ordinalDot[k] = true
                phrases.append(Phrase(first: k - 1, last: k, value: n, label: raw(k - 1, k)))
            }
        }
        return (phrases, ordinalDot)
    }

    /// The clause, span, segment and sentence of each token, and which tokens are contrast
    /// words.
    ///
    /// Its own phase because negation and priorities each reach over a different unit: a
    /// negation before a match stops at the clause, one after it at the span, a priority
    /// phrase at the segment, a list number at the sentence.
    static func boundaries(_ tokens: [Token], line: Substring, ordinalDot: [Bool]) -> Boundaries {
        let count = tokens.count
        var clause = [Int](repeating: 0, count: count)
        var span = [Int](repeating: 0, count: count)
        var segment = [Int](repeating: 0, count: count)
        var sentence = [Int](repeating: 0, count: count)
        var isContrast = [Bool](repeating: false, count: count)
        var (c, s, g, t) = (0, 0, 0, 0)
        for k in 0..<count {
            if k > 0 && !ordinalDot[k] {
                let between = gap(before: k, tokens: tokens, line: line)
                var stop = false
                var colon = false
                var comma = false
                let last = between.indices.last
                for i in between.indices {
                    switch between[i] {
                    case ";", "!", "?", "…": stop = true
                    case ".": if i != last { stop = true }
                    case ":": if i != last { colon = true }
                    case ",": comma = true
                    default: break
                    }
                }
                if stop {
                    (c, s, g, t) = (c + 1, s + 1, g + 1, t + 1)
                } else {
                    if colon { c += 1 }
                    if comma { g += 1 }
                }
            }
            let maltese =
                k + 1 < count && (tokens[k].key == "ma" || tokens[k].key == "m")
                && tokens[k + 1].key.hasSuffix("x")
            let pairStart =
                k + 1 < count
                && Negation.contrastPairs.contains(tokens[k].key + " " + tokens[k + 1].key)
            let pairEnd =
                k > 0 && isContrast[k - 1]
                && Negation.contrastPairs.contains(tokens[k - 1].key + " " + tokens[k].key)
            if pairStart {
                isContrast[k] = true
                (c, s, g) = (c + 1, s + 1, g + 1)
            } else if pairEnd {
                isContrast[k] = true
            } else if Negation.contrasts.contains(tokens[k].lower) && !maltese {
                isContrast[k] = true
                (c, s, g) = (c + 1, s + 1, g + 1)
            }
            (clause[k], span[k], segment[k], sentence[k]) = (c, s, g, t)
        }
        return Boundaries(
            clause: clause, span: span, segment: segment, sentence: sentence,
            isContrast: isContrast)
    }

    /// The cues and predicates of a line, and for each token the cue before it in its
    /// clause and the qualified cue after it in its span.
    ///
    /// Its own phase because both negation rules (a cue before the match; a cue after it
    /// followed by a predicate) are read from these arrays, built in one forward and one
    /// backward pass rather than a search per match.
    func negationScope(_ tokens: [Token], line: Substring, boundaries: Boundaries)
        -> NegationScope
    {
        let count = tokens.count
        let (clause, span) = (boundaries.clause, boundaries.span)
        var cue = [String?](repeating: nil, count: count)
        var predicate = [Bool](repeating: false, count: count)
        for k in 0..<count where !boundaries.isContrast[k] {
            predicate[k] = Negation.isPredicate(tokens[k].key)
            cue[k] = cueLabel(at: k, tokens: tokens, line: line, clause: clause)
        }
        var qualified = [Bool](repeating: false, count: count)
        for k in 0..<count where cue[k] != nil {
            var j = k + 1
            while j < count && j <= k + Negation.predicateWindow && span[j] == span[k] {
                if predicate[j] {
                    qualified[k] = true
                    break
                }
                j += 1
            }
        }
        // Forward: the latest cue of the clause, and whether a predicate followed it.
        var lastCue = [Int?](repeating: nil, count: count)
        var predicateSinceCue = [Bool](repeating: false, count: count)
        var current: Int?
        var seenPredicate = false
        for k in 0..<count {
            if k > 0 && clause[k] != clause[k - 1] {
                current = nil
                seenPredicate = false
            }
            lastCue[k] = current
            predicateSinceCue[k] = seenPredicate
            if cue[k] != nil {
                current = k
                seenPredicate = false
            } else if predicate[k] {
                seenPredicate = true
            }
        }
        // Backward: the next qualified cue of the span with no predicate before it, and
        // whether a predicate comes before the next cue in the clause.
        var nextQualified = [Int?](repeating: nil, count: count + 1)
        var predicateAhead = [Bool](repeating: false, count: count + 1)
        for k in stride(from: count - 1, through: 0, by: -1) {
            let sameSpan = k + 1 < count && span[k + 1] == span[k]
            if qualified[k] {
                nextQualified[k] = k
            } else if predicate[k] {
                nextQualified[k] = nil
            } else {
                nextQualified[k] = sameSpan ? nextQualified[k + 1] : nil
            }
            let sameClause = k + 1 < count && clause[k + 1] == clause[k]
            if cue[k] != nil {
                predicateAhead[k] = false
            } else {
                predicateAhead[k] = predicate[k] || (sameClause && predicateAhead[k + 1])
            }
        }
        return NegationScope(
            cue: cue, predicate: predicate, lastCue: lastCue, predicateSinceCue: predicateSinceCue,
            nextQualified: nextQualified, predicateAhead: predicateAhead)
    }

    /// The phrases whose number is a priority of the questionnaire (1…number of threats);
    /// each other one is dropped with a note.
    ///
    /// Its own phase because an out-of-range number ("priority 12" of 9 threats) must be
    /// said to the officer and must not take a match away from a valid phrase.
    func keptPhrases(
        _ phrases: [Phrase], tokens: [Token], line number: Int, offset: Int,
        notes: inout [Note]
    ) -> [Phrase] {
        var kept: [Phrase] = []
        for p in phrases {
            if p.value >= 1 && p.value <= highestPriority {
                kept.append(p)
            } else {
                notes.append(
                    Note(
                        line: number, column: tokens[p.first].column + offset,
                        message:
                            "priority \(p.value) in \"\(p.label)\" is outside 1…\(highestPriority) "
                            + "(the questionnaire's threats); ignored"))
            }
        }
        return kept
    }

    /// For each token, the nearest phrase before and after it in its segment that no match
    /// binds (``boundPhrases(matches:phrases:tokens:line:segment:)``).
    ///
    /// Its own phase because a match without a phrase of its own takes the nearest free
    /// one: found for every token in two passes, not searched per match.
    ///
    /// - Complexity: O(tokens + phrases).
    static func freePhrases(_ kept: [Phrase], bound: [Int?], segment: [Int], count: Int)
        -> FreePhrases
    {
        var claimed = [Bool](repeating: false, count: kept.count)
        for case let p? in bound { claimed[p] = true }
        // index into kept (phrases no match binds), ending before k
        var previousPhrase = [Int?](repeating: nil, count: count)
        var nextPhrase = [Int?](repeating: nil, count: count)  // starting at or after k
        var p = 0
        var latest: Int?
        for k in 0..<count {
            if k > 0 && segment[k] != segment[k - 1] { latest = nil }
            while p < kept.count && kept[p].last < k {
                if segment[kept[p].last] == segment[k] && !claimed[p] { latest = p }
                p += 1
            }
            previousPhrase[k] = latest
        }
        var q = kept.count - 1
        var upcoming: Int?
        for k in stride(from: count - 1, through: 0, by: -1) {
            if k + 1 < count && segment[k] != segment[k + 1] { upcoming = nil }
            while q >= 0 && kept[q].first >= k {
                if segment[kept[q].first] == segment[k] && !claimed[q] { upcoming = q }
                q -= 1
            }
            nextPhrase[k] = upcoming
        }
        return FreePhrases(previous: previousPhrase, next: nextPhrase)
    }

    /// The list number the line starts with, when it is a priority of the questionnaire.
    ///
    /// "1. Firearms", "2) drugs", "(3) cash"; an out-of-range number is dropped with a note.
    ///
    /// Its own phase because a list number is the last resort of a match's priority, and
    /// "1. Priorität" is a phrase, not a list number.
    func listPriority(
        _ line: Substring, tokens: [Token], ordinalDot: [Bool], number: Int, offset: Int,
        notes: inout [Note]
    ) -> (value: Int, label: String)? {
        guard let marker = Self.listMarker(line), !(tokens.count > 1 && ordinalDot[1]) else {
            return nil
        }
        if marker.value >= 1 && marker.value <= highestPriority { return marker }
        notes.append(
            Note(
                line: number, column: tokens[0].column + offset,
                message: "list number \(marker.value) is outside 1…\(highestPriority) "
                    + "(the questionnaire's threats); not read as a priority"))
        return nil
    }

    /// Each match as a mention with its clause: negated (by a cue before it in its clause,
    /// or a qualified cue after it in its span), else the phrase it binds, else the nearest
    /// free phrase (the one before on a tie), else the list number of its sentence.
    ///
    /// The last phase of reading: it only decides, from what the earlier phases found.
    static func readings(
        _ matches: [Match], tokens: [Token], line: Substring, number: Int, offset: Int,
        boundaries: Boundaries, negation: NegationScope, kept: [Phrase], bound: [Int?],
        free: FreePhrases, listItem: (value: Int, label: String)?
    ) -> [(mention: Mention, clause: Int)] {
        let count = tokens.count
        let (clause, span, sentence) = (boundaries.clause, boundaries.span, boundaries.sentence)
        let listSentence = count > 1 ? sentence[1] : sentence[0]
        var read: [(mention: Mention, clause: Int)] = []
        for (m, match) in matches.enumerated() {
            let (i, end) = (match.first, match.last)
            var mention = Mention(
                threat: match.threat, origin: .prose,
                phrase: raw(i, end, tokens: tokens, line: line), line: number,
                column: tokens[i].column + offset)
            if let c = negation.lastCue[i], let label = negation.cue[c],
                !(negation.predicateSinceCue[i] && end + 1 < count
                    && clause[end + 1] == clause[end] && negation.predicateAhead[end + 1])
            {
                mention.negated = true
                mention.cue = label
            } else if end + 1 < count, span[end + 1] == span[end],
                let q = negation.nextQualified[end + 1],
                let label = negation.cue[q]
            {
                mention.negated = true
                mention.cue = label
            } else {
                let before = free.previous[i].map { (p: $0, d: i - kept[$0].last) }
                let after = free.next[end].map { (p: $0, d: kept[$0].first - end) }
                let chosen: Int?
                switch (bound[m], before, after) {
                case (let own?, _, _): chosen = own
                case (nil, let b?, let a?): chosen = a.d < b.d ? a.p : b.p
                case (nil, let b?, nil): chosen = b.p
                case (nil, nil, let a?): chosen = a.p
                case (nil, nil, nil): chosen = nil
                }
                if let chosen {
                    mention.priority = kept[chosen].value
                    mention.cue = kept[chosen].label
                } else if let item = listItem, sentence[i] == listSentence {
                    mention.priority = item.value
                    mention.cue = item.label
                }
            }
            read.append((mention, clause[i]))
        }
        return read
    }

    /// The alias matches of a line, longest alias first at each word, never overlapping.
    ///
    /// - Complexity: O(words × aliases sharing a first word).
    func aliasMatches(_ tokens: [Token], isContrast: [Bool]) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            for candidate in isContrast[i] ? [] : index[tokens[i].key] ?? [] {
                let n = candidate.tokens.count
                guard i + n <= tokens.count,
                    zip(candidate.tokens, tokens[i..<(i + n)]).allSatisfy({ $0 == $1.key })
                else { continue }
                out.append((i, i + n - 1, candidate.threat))
                i += n
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return out
    }

    /// For each match, the priority phrase that follows it with only linking words between
    /// ("drugs its second priority", "firearms as first priority", "les drogues en deuxième
    /// priorité", "Drogen als zweite Priorität"): an ordinal after its threat is that threat's,
    /// never a neighbour's, whatever the distances.
    ///
    /// - Complexity: O(matches × ``linkingWindow``).
    static func boundPhrases(
        matches: [Match], phrases: [Phrase], tokens: [Token],
        line: Substring, segment: [Int]
    ) -> [Int?] {
        var startingAt: [Int: Int] = [:]
        for (index, phrase) in phrases.enumerated() { startingAt[phrase.first] = index }
        return matches.map { match in
            var k = match.last + 1
            while k < tokens.count, k <= match.last + 1 + linkingWindow,
                segment[k] == segment[match.last],
                line[tokens[k - 1].end..<tokens[k].start].allSatisfy(\.isWhitespace)
            {
                if let phrase = startingAt[k] { return phrase }
                guard linkingWords.contains(tokens[k].key) else { return nil }
                k += 1
            }
            return nil
        }
    }

    /// Most linking words between a threat and the priority phrase it binds.
    static let linkingWindow = 4

    /// Words that may stand between a threat and its own priority phrase, folded.
    ///
    /// Articles, possessives, "is/are", "as", in the languages ``ProsePriority`` reads
    /// ordinals in.
    /// Conjunctions are not among them: "firearms and second priority drugs" binds nothing.
    static let linkingWords: Set<String> = [
        "its", "it", "is", "our", "their", "the", "a", "an", "as", "are", "was", "remains",
        "comme", "en", "est", "sont", "notre", "nos", "sa", "son", "ses", "leur", "la", "le",
        "les", "une", "un", "constitue", "constituent", "reste", "als", "ist", "sind", "unsere",
        "unser", "unserer", "ihre", "ihr", "seine", "die", "der", "das", "eine", "ein", "bleibt",
        "como", "es", "son", "nuestra", "nuestro", "su", "sus", "el", "sono", "nostra",
        "nostro", "il", "sua", "suo", "zijn", "onze", "ons", "de", "het", "een", "haar", "jako",
        "jest", "sa", "naszym", "nasz", "nasza", "naszej", "sao", "nossa", "nosso", "o", "uma",
        "um", "seu",
    ]

    /// The mentions of a line with a threat named again in the same clause listed once
    /// ("firearms, above all illicit firearms, …"): the first counted match stands for the
    /// clause, taking the first priority any of them has; each repeat is said in a note, so
    /// every match is still shown.
    ///
    /// - Complexity: O(m) in the line's matches.
    static func listedOnce(
        _ read: [(mention: Mention, clause: Int)], line: Int, notes: inout [Note]
    ) -> [Mention] {
        var out: [Mention] = []
        var first: [String: Int] = [:]  // "clause threat" → index in out
        for (mention, clause) in read {
            let key = "\(clause) \(mention.threat)"
            guard let at = first[key] else {
                first[key] = out.count
                out.append(mention)
                continue
            }
            var kept = out[at]
            if kept.negated && !mention.negated {
                kept = mention
            } else if !mention.negated, kept.priority == nil, let priority = mention.priority {
                kept.priority = priority
                kept.cue = mention.cue
            }
            out[at] = kept
            notes.append(
                Note(
                    line: line, column: mention.column ?? 1,
                    message:
                        "\"\(mention.phrase ?? mention.threat)\" names \(mention.threat) again in "
                        + "the same clause: listed once", isWarning: false))
        }
        return out
    }

    /// The receipt's label for the negation cue at `k`, or `nil` when the word there does
    /// not negate (`not only`, `no. 1`, `non-EU`, `no doubt`).
    func cueLabel(at k: Int, tokens: [Token], line: Substring, clause: [Int]) -> String? {
        let token = tokens[k]
        let next = k + 1 < tokens.count ? tokens[k + 1] : nil
        let gapAfter = next.map { line[token.end..<$0.start] } ?? line[token.end...]
        let word = String(line[token.start..<token.end])
        // English "n't" (isn't, don't): the "t" after an apostrophe.
        if token.key == "t", k > 0, tokens[k - 1].key.hasSuffix("n"),
            Self.isApostrophe(line[tokens[k - 1].end..<token.start])
        {
            return String(line[tokens[k - 1].start..<token.end])
        }
        // Maltese "ma … -x" (ma jikkostitwixxix).
        if token.key == "ma" || token.key == "m", let next, next.key.hasSuffix("x") {
            return word + " … " + String(line[next.start..<next.end])
        }
        guard Negation.cues.contains(token.key) else { return nil }
        // "n" only as French "n'" (n'est, n'ont).
        if token.key == "n" && !Self.isApostrophe(gapAfter) { return nil }
        if let next {
            if Negation.undoing.contains(next.key) { return nil }  // "not only", "no doubt"
            if ProsePriority.number(next.key) != nil { return nil }  // "no. 1", "Mitte 2015"
            if gapAfter == "-" { return nil }  // "non-EU"
        }
        if let required = Negation.conditionalCues[token.key],
            !(next.map { required.contains($0.key) } ?? false)
        {
            return nil
        }
        if token.key == "ne" || token.key == "n" {
            var j = k + 1
            while j < tokens.count && j <= k + 4 && clause[j] == clause[k] {
                if Negation.frenchCompletions.contains(tokens[j].key) {
                    return word + (token.key == "n" ? "'" : "") + " … "
                        + String(line[tokens[j].start..<tokens[j].end])
                }
                j += 1
            }
        }
        return word
    }

    /// Whether the text between two words is blank (or "°", "#": "n° 1", "# 2").
    private static func isSpace(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isWhitespace || $0 == "°" || $0 == "#" || $0 == "º" }
    }

    private static func isApostrophe(_ text: Substring) -> Bool {
        text == "'" || text == "’" || text == "ʼ"
    }

    /// The list number a line starts with (`1. `, `2) `, `(3) `), with its label.
    static func listMarker(_ line: Substring) -> (value: Int, label: String)? {
        let body = line.drop { $0 == " " || $0 == "\t" }
        var rest = body
        let opened = rest.first == "("
        if opened { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        guard let close = rest.first, close == "." || close == ")", !(opened && close != ")") else {
            return nil
        }
        rest = rest.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        return (value, String(body[body.startIndex..<rest.startIndex]))
    }

    static func tokens(of line: Substring) -> [Token] {
        var out: [Token] = []
        var start: String.Index?
        var startColumn = 0
        var column = 1
        var index = line.startIndex
        func close(_ s: String.Index, _ e: String.Index) {
            let rawText = line[s..<e]
            let key = TextFolding.key(rawText)
            if !key.isEmpty && !key.contains(" ") {
                let lower = Negation.foldedContrasts.contains(key) ? rawText.lowercased() : key
                out.append(Token(key: key, lower: lower, start: s, end: e, column: startColumn))
            }
        }
        while index < line.endIndex {
            let character = line[index]
            let isWord = character.isLetter || character.isNumber
            if isWord && start == nil {
                start = index
                startColumn = column
            }
            if !isWord, let s = start {
                close(s, index)
                start = nil
            }
            index = line.index(after: index)
            column += 1
        }
        if let s = start { close(s, line.endIndex) }
        return out
    }
}
