/// Turns what a delegation wrote in a threat column ("Fire arms", "Schusswaffen",
/// "tobacco smuggling") into a threat of the questionnaire.
///
/// Exact on the folded text of an id, title or alias; anything else is an error carrying
/// the nearest name as a suggestion, never a silent guess.
public struct ThreatResolver: Sendable {
    private let byKey: [String: String]
    private let candidates: [(key: String, display: String)]

    /// A resolver for the threats of `questionnaire`.
    public init(questionnaire: Questionnaire) {
        var map: [String: String] = [:]
        var names: [(key: String, display: String)] = []
        for threat in questionnaire.threats {
            for name in [threat.id, threat.title] + threat.allAliases {
                let key = TextFolding.key(name)
                if map[key] == nil { map[key] = threat.id }
                names.append((key, name == threat.title ? threat.id : name))
            }
        }
        byKey = map
        candidates = names
    }

    /// The threat id `text` names, or `nil`.
    public func resolve(_ text: String) -> String? {
        byKey[TextFolding.key(text)]
    }

    /// The closest known name, for a "did you mean" suggestion.
    public func suggestion(for text: String) -> String? {
        EditDistance.suggestion(for: text, among: candidates)
    }
}
