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
