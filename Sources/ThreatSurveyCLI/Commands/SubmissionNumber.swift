import ThreatSurvey

/// A submission's number as `history` shows it: `3` or `#3`.
struct SubmissionNumber: ExpressibleByArgument, Sendable {
    /// The store's id, at least 1.
    var id: Int64

    init?(argument text: String) {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let number = Int(argument: digits), number > 0 else { return nil }
        id = Int64(number)
    }

    static var expectation: String { "a number as shown by 'history' (e.g. 3 or #3)" }
    var argumentText: String { "#\(id)" }
}
