/// Suggestions for misspelt names ("fire arms" → "firearms").
///
/// A suggestion is only offered when it is close enough to be a typo; a wrong guess would
/// be worse than none in a politically sensitive document.
public enum EditDistance {
    /// The Levenshtein distance between two strings, compared by Unicode scalar.
    ///
    /// - Complexity: O(n·m) time, O(m) memory.
    public static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate closest to `input`, if it is within a typo's reach.
    ///
    /// Candidates are `(key, display)` pairs: the folded key is compared, the display text
    /// is returned. The threshold grows with length: 1 edit up to 4 characters, 2 up to 8,
    /// then a third of the length.
    public static func suggestion(
        for input: String, among candidates: [(key: String, display: String)]
    ) -> String? {
        let key = TextFolding.key(input)
        // Nothing a delegation means is longer than this; garbage gets no suggestion.
        guard !key.isEmpty, key.count <= 80 else { return nil }
        let compact = key.filter { $0 != " " }
        let limit = key.count <= 4 ? 1 : key.count <= 8 ? 2 : key.count / 3
        var best: (distance: Int, display: String)?
        for candidate in candidates {
            // The distance is at least the difference in length: skip hopeless candidates.
            let length = candidate.key.count
            if length - key.count > limit || key.count - length > limit,
                length - compact.count > limit || compact.count - length > limit
            {
                continue
            }
            let d = min(
                between(key, candidate.key),
                between(compact, candidate.key.filter { $0 != " " }))
            if d <= limit, d < (best?.distance ?? Int.max) {
                best = (d, candidate.display)
            }
        }
        return best?.display
    }
}
