/// Maps byte offsets of a file to 1-based line numbers, for errors and notes.
///
/// Built once per file in one pass; each lookup is a binary search, so locating every part
/// of a mail stays O(n + p log n).
struct LineIndex: Sendable {
    /// Offsets of every line feed, ascending.
    private let lineFeeds: [Int]

    /// Indexes the line feeds of `bytes`.
    ///
    /// - Complexity: O(n).
    init(_ bytes: [UInt8]) {
        var feeds: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { feeds.append(offset) }
        lineFeeds = feeds
    }

    /// The 1-based line holding the byte at `offset`.
    ///
    /// - Complexity: O(log n).
    func line(at offset: Int) -> Int {
        var low = 0
        var high = lineFeeds.count
        while low < high {
            let mid = low + (high - low) / 2
            if lineFeeds[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low + 1
    }
}
