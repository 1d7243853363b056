import Foundation

/// Where a mail body stops being the delegation's answer: a signature or a quoted earlier mail.
///
/// A reply quotes the questionnaire's invitation (every threat named in it) and the sender's
/// signature names a ministry, so reading the whole body as prose would count threats the
/// delegation never chose. The body is cut at the first line that starts a signature (`-- `,
/// RFC 3676) or a quote: `-----Original Message-----`, Outlook's line of underscores,
/// `On … wrote:`, `Le … a écrit :`, `Am … schrieb …:`. What stays above is the answer; the
/// receipt says where it was cut.
package struct ReplyCut: Sendable, Hashable {
    /// The answer: the lines above the cut (the whole body when nothing is cut).
    public var text: String
    /// The 1-based line the cut was made at, if any.
    public var line: Int?
    /// The line that decided the cut, trimmed (shown in the receipt).
    public var marker: String?

    /// Longest line examined as a marker; longer lines are text, never a marker.
    public static let maximumMarkerLength = 400

    /// Cuts `body` at its first signature or quote marker.
    ///
    /// - Complexity: O(n) in the body's length.
    public static func cut(_ body: String) -> ReplyCut {
        var kept: [Substring] = []
        var number = 0
        // Split on any line break ("\r\n" is one Character in Swift, so not on "\n" alone).
        for plain in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            if plain.utf8.count <= maximumMarkerLength, isMarker(plain) {
                return ReplyCut(
                    text: kept.joined(separator: "\n"), line: number,
                    marker: plain.hasPrefix("--") && plain.count <= 3
                        ? String(plain) : String(plain).trimmingCharacters(in: .whitespaces))
            }
            kept.append(plain)
        }
        return ReplyCut(text: kept.joined(separator: "\n"), line: nil, marker: nil)
    }

    static func isMarker(_ line: Substring) -> Bool {
        if line == "-- " || line == "--" { return true }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("-----") && lower.hasSuffix("-----")
            && (lower.contains("original message") || lower.contains("message d'origine")
                || lower.contains("ursprüngliche nachricht") || lower.contains("forwarded message")
                || lower.contains("messaggio originale") || lower.contains("mensaje original")
                || lower.contains("oorspronkelijk bericht"))
        {
            return true
        }
        if trimmed.count >= 20 && trimmed.allSatisfy({ $0 == "_" }) { return true }
        if lower.hasPrefix("on ") && lower.hasSuffix("wrote:") { return true }
        if lower.hasPrefix("le ") && (lower.hasSuffix("a écrit :") || lower.hasSuffix("a écrit:")) {
            return true
        }
        if lower.hasPrefix("am ") && lower.contains("schrieb") && lower.hasSuffix(":") {
            return true
        }
        return false
    }
}
