import ThreatSurvey

extension CLI {
    /// The options whose value is a typed date (``DateTimeInput/parse(_:)``).
    static let dateOptions: Set<String> = ["--received", "--today", "--as-of"]

    /// `error` with a hint drawn from the command line that produced it, where the command
    /// line explains the error better than the command could.
    ///
    /// `--received 07.10.2016 11:00` unquoted gives the shell two words: the date becomes the
    /// option's value and `11:00` a file to read, which then "does not exist". When the
    /// missing file looks like a time of day and follows a date option's date-only value, the
    /// error says to quote the two together.
    static func hinted(_ error: SurveyError, arguments: [String]) -> SurveyError {
        guard case .inputMissing(let path, let reason) = error, DateTimeInput.looksLikeTime(path)
        else { return error }
        for index in arguments.indices.dropFirst() where arguments[index] == path {
            let previous = arguments[index - 1]
            let option: String
            let value: String
            if index >= 2, dateOptions.contains(arguments[index - 2]) {
                option = arguments[index - 2]
                value = previous
            } else if let equals = previous.firstIndex(of: "="),
                dateOptions.contains(String(previous[..<equals]))
            {
                option = String(previous[..<equals])
                value = String(previous[previous.index(after: equals)...])
            } else {
                continue
            }
            guard DateTimeInput(value)?.isDateOnly == true else { continue }
            return .inputMissing(
                path: path,
                reason: reason + "; quote the date and time together: "
                    + "\(option) \"\(TerminalText.clipped(value)) \(path)\"")
        }
        return error
    }
}
