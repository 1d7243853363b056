/// Finds the threats named in written comments, in any language the questionnaire's
/// aliases cover.
///
/// Matching is whole-word and insensitive to case and diacritics. Where two aliases overlap
/// ("excise fraud" and "fraud"), the longest wins. Every match keeps its line, column and the
/// exact phrase, because the officer must be able to check each one: prose matching is
/// evidence to review, not a verdict (a sentence saying a threat is *not* a priority still
/// names it).
public struct ProseMatcher: Sendable {
    /// Alias token sequences by first token, longest first.
    private let index: [String: [(tokens: [String], threat: String)]]

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
    }

    /// Every alias found in `text`, as prose mentions, in reading order.
    ///
    /// - Parameters:
    ///   - firstLine: the file line on which `text` starts.
    ///   - firstColumn: the file column at which `text` starts (for its first line only).
    /// - Complexity: O(words × aliases sharing a first word).
    public func mentions(in text: String, firstLine: Int = 1, firstColumn: Int = 1) -> [Mention] {
        var result: [Mention] = []
        var lineNumber = firstLine
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let offset = lineNumber == firstLine ? firstColumn - 1 : 0
            let tokens = Self.tokens(of: line)
            var i = 0
            while i < tokens.count {
                var matched = false
                for candidate in index[tokens[i].key] ?? [] {
                    let n = candidate.tokens.count
                    guard i + n <= tokens.count,
                        zip(candidate.tokens, tokens[i..<(i + n)]).allSatisfy({ $0 == $1.key })
                    else { continue }
                    let start = tokens[i].start
                    let end = tokens[i + n - 1].end
                    let phrase = String(line[start..<end])
                    let column = line.distance(from: line.startIndex, to: start) + 1 + offset
                    result.append(
                        Mention(
                            threat: candidate.threat, origin: .prose, phrase: phrase,
                            line: lineNumber, column: column))
                    i += n
                    matched = true
                    break
                }
                if !matched { i += 1 }
            }
            lineNumber += 1
        }
        return result
    }

    private static func tokens(of line: Substring) -> [(key: String, start: String.Index, end: String.Index)] {
        var out: [(key: String, start: String.Index, end: String.Index)] = []
        var start: String.Index?
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let isWord = character.isLetter || character.isNumber
            if isWord && start == nil { start = index }
            if !isWord, let s = start {
                out.append((TextFolding.key(line[s..<index]), s, index))
                start = nil
            }
            index = line.index(after: index)
        }
        if let s = start { out.append((TextFolding.key(line[s..<line.endIndex]), s, line.endIndex)) }
        return out.filter { !$0.key.isEmpty && !$0.key.contains(" ") }
    }
}
