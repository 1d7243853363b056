import Foundation

/// Folding of names and phrases so that "ÖSTERREICH", "Österreich" and "osterreich" meet.
///
/// Delegations type names with and without diacritics and in any case; every lookup in the
/// tool goes through this one function so that resolution and prose matching agree.
public enum TextFolding {
    /// Lower-cased, diacritics removed, every run of non-alphanumerics turned into one space,
    /// trimmed.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func key(_ text: some StringProtocol) -> String {
        // ASCII, by far the most common case, without Foundation's Unicode folding.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            var pendingSpace = false
            for byte in utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                let isWord = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
                if isWord {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        let folded = String(text).folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }
}
