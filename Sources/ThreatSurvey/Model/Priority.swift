/// The rule for a priority written in a file: plain ASCII decimal digits, 1 through
/// ``maximum``.
///
/// A priority is a rank (1 = highest), so anything but a small whole number is a mistake or
/// an attack: `0x10`, `1e3`, `+3` and `1.0` are not silently read as 16, 1000, 3 and 1, and a
/// value like 9223372036854775807 never reaches the sums, where it would overflow. Every
/// reader (long CSV, matrix CSV, JSON, the fast path) applies this one rule.
public enum Priority {
    /// The largest priority accepted: 1000.
    ///
    /// A questionnaire lists a few dozen threats, so a rank above 1000 cannot be meant; the
    /// bound also keeps every stored priority in the 16 bits the streaming path packs it in
    /// and keeps any sum over a million respondents far below `Int.max`.
    public static let maximum = 1000

    /// Why a written priority was refused.
    public enum Problem: Error, Sendable, Hashable {
        /// Digits only, but 0 or above ``Priority/maximum``.
        case outOfRange
        /// Not plain digits; `suggestion` is the plain-digit spelling when the text is a
        /// number in range written another way (`+3`, `1.0`, `1e3`).
        case notDigits(suggestion: String?)
    }

    /// Reads `text` (already trimmed) as a priority.
    ///
    /// - Complexity: O(n) in the length of `text`; at most ``maximum``'s digit count plus
    ///   the leading zeros are examined as a number, so no length can overflow.
    public static func parse(_ text: some StringProtocol) -> Result<Int, Problem> {
        var value = 0
        var sawDigit = false
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else {
                return .failure(.notDigits(suggestion: suggestion(for: text)))
            }
            sawDigit = true
            // Bounded before it grows: once above the maximum, stay there.
            if value <= maximum { value = value * 10 + Int(byte - 0x30) }
        }
        guard sawDigit else { return .failure(.notDigits(suggestion: nil)) }
        guard value >= 1, value <= maximum else { return .failure(.outOfRange) }
        return .success(value)
    }

    /// The plain-digit spelling of a number in range written another way, if any.
    private static func suggestion(for text: some StringProtocol) -> String? {
        guard text.utf8.count <= 32 else { return nil }
        let normalized = String(text).replacing(",", with: ".")
        guard let value = Double(normalized), value.isFinite, value >= 1, value <= Double(maximum),
            value == value.rounded()
        else { return nil }
        return String(Int(value))
    }

    /// The sentence every reader uses for a refused priority.
    public static func message(_ text: String, _ problem: Problem) -> String {
        switch problem {
        case .outOfRange where text.utf8.allSatisfy({ $0 == 0x30 }):
            "bad priority \"\(text)\"; a priority is a whole number from 1 (highest)"
        case .outOfRange:
            "bad priority \"\(text)\"; a priority is a whole number from 1 (highest) to \(maximum)"
        case .notDigits:
            "bad priority \"\(text)\"; a priority is a whole number from 1 (highest)"
        }
    }
}
