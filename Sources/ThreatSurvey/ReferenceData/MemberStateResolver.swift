/// Turns whatever a delegation wrote ("GR", "Ελλάδα", "hellas", "Czechia") into a Member State.
///
/// Resolution is exact on the folded text (``TextFolding/key(_:)``): a near miss is never
/// accepted silently, it becomes an error with a suggestion.
public struct MemberStateResolver: Sendable {
    private let byKey: [String: MemberState]
    private let candidates: [(key: String, display: String)]

    /// The resolver over every state that has ever been a member, built once.
    public static let shared = MemberStateResolver()

    /// A resolver over every state that has ever been a member.
    public init(states: [MemberState] = MemberState.all) {
        var map: [String: MemberState] = [:]
        var names: [(key: String, display: String)] = []
        for state in states {
            for name in state.allNames {
                let key = TextFolding.key(name)
                // Each folded name once: the many languages' names repeat ("Malta", "Italia").
                guard map[key] == nil else { continue }
                map[key] = state
                names.append((key, name.count <= 3 ? state.code : name))
            }
        }
        byKey = map
        candidates = names
    }

    /// The state `text` names, or `nil`.
    public func resolve(_ text: String) -> MemberState? {
        byKey[TextFolding.key(text)]
    }

    /// The closest known name to `text`, for a "did you mean" suggestion.
    public func suggestion(for text: String) -> String? {
        EditDistance.suggestion(for: text, among: candidates)
    }
}
