/// A threat a questionnaire asks about ("Illicit trafficking in firearms").
///
/// Delegations name threats in their own words and languages; the aliases, per language,
/// are what lets "armes à feu" and "Schusswaffen" count for `firearms`.
public struct Threat: Sendable, Hashable, Identifiable {
    /// Kebab-case id (`firearms`, `internet-crime`).
    public var id: String
    /// The title as the questionnaire prints it.
    public var title: String
    /// Aliases by language code (`en`, `fr`, `de`), in the file's order.
    public var aliases: [(language: String, terms: [String])]
    /// Short labels by language code (`"label": {"en": "Firearms", "fr": "Armes à feu"}`,
    /// optional): what the report, its charts and the summary print instead of the id.
    public var labels: [String: String] = [:]
    /// Where the threat is already worked on (`"otherFora": ["EMPACT Firearms"]`, optional):
    /// a plan's action on it says to coordinate with them, to avoid duplication (the 2015
    /// record: "the need to avoid duplications with activities taking place in other fora").
    public var otherFora: [String] = []

    /// Creates a threat.
    public init(id: String, title: String, aliases: [(language: String, terms: [String])] = []) {
        self.id = id
        self.title = title
        self.aliases = aliases
    }

    /// Every alias, all languages together.
    public var allAliases: [String] { aliases.flatMap(\.terms) }

    /// Compares id, title and aliases.
    public static func == (a: Threat, b: Threat) -> Bool {
        a.id == b.id && a.title == b.title
            && a.aliases.map(\.language) == b.aliases.map(\.language)
            && a.aliases.map(\.terms) == b.aliases.map(\.terms)
    }

    /// Hashes the id (ids are unique within a questionnaire).
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
