/// A Member State of the European Union, as the Council's documents name it.
///
/// Council documents use the EU institutions' codes (EL, not GR; UK, not GB) and list states
/// in protocol order (alphabetical by native name). Delegations' own files use any of the
/// ISO codes, English or native names, so every one of them is kept for resolution.
/// Source: Interinstitutional Style Guide §7.1.1–7.1.2 (see `../shared/reference`).
public struct MemberState: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// The EU code (`EL`, `UK`): the identifier used everywhere in the tool's output.
    public let code: String
    /// ISO 3166-1 alpha-2 (`GR`, `GB`).
    public let iso2: String
    /// ISO 3166-1 alpha-3 (`GRC`).
    public let iso3: String
    /// The English short name in 2015 (`Czech Republic`).
    public let englishName: String
    /// The English short name today where it changed (`Czechia`).
    public let englishNameToday: String?
    /// The native short names, each official language's where several (`Belgique`, `België`).
    public let nativeNames: [String]
    /// The native short name today where it changed (`Česko`).
    public let nativeNameToday: String?
    /// French and German names, and common aliases (`Hellas`, `Holland`, `Great Britain`).
    public let aliases: [String]
    /// Position in protocol order, 0-based, among all states that were ever members.
    public let protocolIndex: Int
    /// The first day of membership.
    public let joined: CivilDate
    /// The last day of membership, for a state that left (UK: 2020-01-31).
    public let lastDay: CivilDate?

    /// The EU code, so that sets and maps key naturally.
    public var id: String { code }
    /// The EU code.
    public var description: String { code }

    /// Whether the state was a member on `date`.
    public func isMember(on date: CivilDate) -> Bool {
        joined <= date && (lastDay.map { date <= $0 } ?? true)
    }

    /// Every name the state may be written as, for resolution: codes, names old and new.
    public var allNames: [String] {
        [code, iso2, iso3, englishName] + (englishNameToday.map { [$0] } ?? []) + nativeNames
            + (nativeNameToday.map { [$0] } ?? []) + aliases
            + (MemberState.namesInLanguages[code] ?? [])
    }
}
