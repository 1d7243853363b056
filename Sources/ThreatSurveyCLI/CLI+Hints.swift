import ThreatSurvey

extension CLI {
    /// The options whose value is a typed date (``DateTimeInput/parse(_:)``).
    static let dateOptions: Set<String> = ["--received", "--today", "--as-of"]

    /// `error` with a hint drawn from the command line that produced it, where the command
    /// line explains the error better than the command could.
    ///
    /// `--received 07.10.2016 11:00` unquoted gives the shell two words: the date becomes the
    /// option's value and `11:00` a file to read, which then "does not exist" (or, for a
    /// command without files, an unexpected argument). When that word looks like a time of
    /// day and follows a date option's date-only value, the error says to quote the two
    /// together.
    static func hinted(_ error: SurveyError, arguments: [String]) -> SurveyError {
        switch error {
        case .inputMissing(let path, let reason):
            guard let hint = timeHint(for: path, arguments: arguments) else { return error }
            return .inputMissing(path: path, reason: reason + "; " + hint)
        case .usage(let message):
            guard message.hasPrefix("unexpected argument '"),
                let word = message.dropFirst("unexpected argument '".count).split(
                    separator: "'", maxSplits: 1
                ).first,
                let hint = timeHint(for: String(word), arguments: arguments)
            else { return error }
            return .usage(message + "; " + hint)
        default:
            return error
        }
    }

    /// "quote the date and time together: …" when `word` is a time of day that follows a
    /// date option's date-only value in `arguments`, else `nil`.
    static func timeHint(for word: String, arguments: [String]) -> String? {
        guard DateTimeInput.looksLikeTime(word) else { return nil }
        for index in arguments.indices.dropFirst() where arguments[index] == word {
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
            // `--today` is a day: the check as it stood at its end; a time has no place there.
            if option == "--today" { return "--today takes a day, without a time of day" }
            return "quote the date and time together: "
                + "\(option) \"\(TerminalText.clipped(value)) \(word)\""
        }
        return nil
    }
}
