/// The CSV dialect of a file, detected from its first lines, never asked for.
///
/// Excel writes `;` where the decimal separator is a comma (most of continental Europe), `,`
/// elsewhere, and tab for "Unicode text"; a secretariat officer cannot be expected to know
/// which one a delegation's Excel used.
public struct CSVDialect: Sendable, Hashable {
    /// The delimiter byte.
    public var delimiter: UInt8

    /// The delimiter as shown to people: `,`, `;` or `tab`.
    public var delimiterName: String {
        delimiter == 0x09 ? "tab" : String(Character(Unicode.Scalar(delimiter)))
    }

    /// The candidates, in order of preference when the evidence ties.
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

    /// Detects the delimiter from up to the first 20 records of `utf8`.
    ///
    /// The delimiter is the candidate that appears (outside quotes) on the first line and
    /// splits the most of the following lines into the same number of fields; ties go to the
    /// candidate with more fields on the first line, then to `,` `;` tab in that order. A file
    /// with none of them is one column, read with `,`.
    ///
    /// - Complexity: O(size of the first 20 records).
    public static func detect(_ utf8: [UInt8]) -> CSVDialect {
        var counts: [[Int]] = []  // per line, per candidate
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var index = 0
        while index < utf8.count && counts.count < 20 {
            let b = utf8[index]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (b == 0x0A || b == 0x0D) {
                if current.contains(where: { $0 > 0 }) || !counts.isEmpty { counts.append(current) }
                current = [Int](repeating: 0, count: candidates.count)
                if b == 0x0D, index + 1 < utf8.count, utf8[index + 1] == 0x0A { index += 1 }
            } else if !inQuotes, let c = candidates.firstIndex(of: b) {
                current[c] += 1
            }
            index += 1
        }
        if counts.count < 20 && current.contains(where: { $0 > 0 }) { counts.append(current) }
        guard let first = counts.first else { return CSVDialect(delimiter: candidates[0]) }
        var best: (candidate: Int, consistent: Int, width: Int)?
        for c in candidates.indices where first[c] > 0 {
            let consistent = counts.dropFirst().filter { $0[c] == first[c] }.count
            if let b = best,
                (consistent, first[c]) <= (b.consistent, b.width)
            {
                continue
            }
            best = (c, consistent, first[c])
        }
        return CSVDialect(delimiter: candidates[best?.candidate ?? 0])
    }
}
