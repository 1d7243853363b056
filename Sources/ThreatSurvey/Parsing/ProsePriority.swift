/// Priorities written in prose: "priorité 1", "Priorität Nr. 2", "first priority", "erste
/// Priorität", "1st priority", "2e priorité", and numbered list items ("1. Firearms").
///
/// Recognised phrases are a priority word (any word starting "prior" — priority, priorité,
/// Priorität, prioridad, priorità, prioriteit, priorytet, prioridade, prioritate, priorita,
/// prioritet, prioriteetti, prioritás, … — or Greek προτεραιότητα, Bulgarian приоритет,
/// Maltese prijorità, Irish tosaíocht) next to a number (after it, optionally with "no",
/// "Nr.", "n°", "number" between; or before it: "1. Priorität", "1st priority") or after an
/// ordinal word ("first", "première", "erste", "primera", "prima", "eerste", "pierwszy",
/// "primeiro", up to the fifth).
enum ProsePriority {
    /// Folded prefixes of the word "priority" in the 24 languages.
    static let wordPrefixes = ["prior", "prijor", "приорит", "προτεραιοτ", "tosaiocht"]

    /// Whether a folded word is the word "priority" in some language.
    static func isPriorityWord(_ key: String) -> Bool {
        key.count >= 5 && wordPrefixes.contains { key.hasPrefix($0) }
    }

    /// Ordinal words, folded, with their value (en, fr, de, es, it, nl, pl, pt).
    static let ordinals: [String: Int] = {
        var table: [String: Int] = [:]
        let words: [(Int, [String])] = [
            (
                1,
                [
                    "first", "premiere", "premier", "erste", "ersten", "erster", "erstes",
                    "primera", "primer",
                    "primero", "prima", "primo", "eerste", "pierwszy", "pierwsza", "pierwsze",
                    "pierwszym",
                    "pierwszego", "primeira", "primeiro",
                ]
            ),
            (
                2,
                [
                    "second", "deuxieme", "seconde", "zweite", "zweiten", "zweiter", "zweites",
                    "segunda",
                    "segundo", "seconda", "secondo", "tweede", "drugi", "druga", "drugie", "drugim",
                    "drugiego",
                ]
            ),
            (
                3,
                [
                    "third", "troisieme", "dritte", "dritten", "dritter", "drittes", "tercera",
                    "tercer",
                    "tercero", "terza", "terzo", "derde", "trzeci", "trzecia", "trzecie", "trzecim",
                    "terceira", "terceiro",
                ]
            ),
            (
                4,
                [
                    "fourth", "quatrieme", "vierte", "vierten", "vierter", "viertes", "cuarta",
                    "cuarto",
                    "quarta", "quarto", "vierde", "czwarty", "czwarta", "czwarte", "czwartym",
                ]
            ),
            (
                5,
                [
                    "fifth", "cinquieme", "funfte", "funften", "funfter", "quinta", "quinto",
                    "vijfde", "piaty",
                    "piata", "piate", "piatym",
                ]
            ),
        ]
        for (value, list) in words {
            for word in list { table[word] = value }
        }
        return table
    }()

    /// Suffixes of written ordinals ("1st", "2nd", "3rd", "4th", "1re", "1ere", "2e", "2eme",
    /// "1a", "1o"), folded.
    static let ordinalSuffixes: Set<String> = [
        "st", "nd", "rd", "th", "re", "ere", "er", "e", "eme", "a", "o",
    ]

    /// The value of a folded word that is a written ordinal ("2nd", "1ère" → 2, 1), or `nil`.
    static func writtenOrdinal(_ key: String) -> Int? {
        let digits = key.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4,
            ordinalSuffixes.contains(String(key.dropFirst(digits.count)))
        else { return nil }
        return Int(digits)
    }

    /// The value of a folded word made of digits only (at most 9, so no overflow), or `nil`.
    static func number(_ key: String) -> Int? {
        guard !key.isEmpty, key.count <= 9, key.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return Int(key)
    }
}
