/// The shape of every identifier a user writes in a definition file: threat, question,
/// grouping and region ids.
///
/// One rule for all of them keeps ids usable unquoted on the command line and in URLs of the
/// report (`firearms`, `internet-crime`, `central-and-eastern`).
package enum KebabCase {
    /// Whether `id` is lower-case ASCII letters and digits joined by single hyphens.
    ///
    /// - Complexity: O(n) in the length of `id`.
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
    }
}
