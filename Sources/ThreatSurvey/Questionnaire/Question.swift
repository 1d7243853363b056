/// A closed or open question in a questionnaire ("Does your administration have a
/// specialised Internet crime unit?").
///
/// Closed questions (yes/no, choice) are tallied per region; open ones are kept as text.
public struct Question: Sendable, Hashable, Identifiable {
    /// The kind of answer a question takes.
    public enum Kind: Sendable, Hashable {
        /// `yes` or `no` (also `oui`/`non`, `ja`/`nein`, `true`/`false`).
        case yesNo
        /// One of a fixed list of options.
        case choice([String])
        /// Free text.
        case text

        /// The contract's spelling (`yes-no`, `choice`, `text`).
        public var name: String {
            switch self {
            case .yesNo: return "yes-no"
            case .choice: return "choice"
            case .text: return "text"
            }
        }
    }

    /// Kebab-case id (`cyber-unit`).
    public var id: String
    /// The kind of answer.
    public var kind: Kind
    /// The question as put to delegations.
    public var text: String

    /// Creates a question.
    public init(id: String, kind: Kind, text: String) {
        self.id = id
        self.kind = kind
        self.text = text
    }

    /// The canonical answer for `raw`, or `nil` when it is not a valid answer.
    ///
    /// Yes/no accepts the 24 official languages of the Union (`YesNo`); choices match an
    /// option folded.
    public func normalize(_ raw: String) -> String? {
        let key = TextFolding.key(raw)
        switch kind {
        case .yesNo:
            return YesNo.read(raw).map { $0 ? "yes" : "no" }
        case .choice(let options):
            return options.first { TextFolding.key($0) == key }
        case .text:
            let trimmed = raw.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// The valid answers, for an error's suggestion list.
    public var validAnswers: [String] {
        switch kind {
        case .yesNo: return ["yes", "no"]
        case .choice(let options): return options
        case .text: return []
        }
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line ends).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
