/// The words that negate a clause, end a clause, or make a negated clause about a threat,
/// in the 24 official languages of the Union.
///
/// A careful officer does not count "les transferts de déchets ne constituent pas une
/// priorité" as a mention of waste. The prose matcher asks this lexicon three questions about
/// each word: is it a negation cue, does it end a clause (a contrast: "but", "mais",
/// "aber"), and is it a predicate that a negation makes about a threat ("priority",
/// "problem", "threat", "relevant")? Cues are compared folded (case and diacritics ignored,
/// because delegations type "nao" for "não"); contrast words are compared lower-cased with
/// their accents, because folding would make Spanish "más" (more) the Portuguese "mas" (but).
///
/// Words shared by two languages with different meanings are left out where a wrong reading
/// would negate a real mention: French "en"/"et" are not taken as Finnish negative verbs,
/// German "noch" (still) not as Dutch "noch" (nor), Italian "nei" (in the) not as Lithuanian
/// "nei" (nor), Polish "pole" (field) not as Estonian "pole" (is not), Hungarian "de" (but)
/// not as a boundary; Romanian "nu" counts only before a verb (``conditionalCues``), since
/// Dutch "nu" means now. Verb prefixes ("ne-" in Czech, Slovak, Latvian, Lithuanian) are not read: a
/// prefix cannot be told from the start of a word ("nebezpečí" is danger).
enum Negation {
    /// Negation cues, folded (``TextFolding/key(_:)``).
    static let cues: Set<String> = [
        // en
        "not", "no", "none", "neither", "nor", "never", "cannot", "nil",
        // fr (ne … pas/plus/jamais; n' before a vowel)
        "ne", "n", "pas", "aucun", "aucune", "aucuns", "aucunes", "jamais", "ni", "nul", "nulle",
        "non",
        // de
        "nicht", "kein", "keine", "keinen", "keiner", "keines", "keinem", "weder", "nie", "niemals",
        // es
        "ningun", "ninguno", "ninguna", "ningunos", "ningunas", "nunca", "tampoco",
        // it (non, né, nessun)
        "nessun", "nessuno", "nessuna", "neanche", "nemmeno", "neppure",
        // pt
        "nao", "nem", "nenhum", "nenhuma",
        // nl
        "niet", "geen", "nooit",
        // pl
        "zaden", "zadna", "zadne", "zadnych", "zadnego", "zadnej", "ani", "brak",
        // cs, sk
        "neni", "nejsou", "nema", "nemaji", "zadny", "ziadny", "ziadna", "ziadne", "ziadnych",
        "nijaky",
        // sl, hr
        "niso", "nima", "niti", "noben", "nobena", "nobene", "nobenih", "nije", "nisu", "nikakav",
        "nikakva", "nikakve", "nikakvih", "nijedan", "nijedna",
        // ro
        "nu", "nici", "niciun", "nicio", "niciunul", "niciodata",
        // da, sv
        "ikke", "ingen", "intet", "hverken", "aldrig", "inte", "ej", "inga", "inget", "varken",
        // fi, et
        "ei", "eivat", "emme", "eika", "mitte", "ega",
        // hu
        "nincs", "nincsenek", "sem", "semmi", "semmilyen",
        // lv, lt
        "nav", "nekads", "nekada", "nekadi", "nekadas", "neviens", "nedz", "nera", "jokio",
        "jokios", "jokiu", "jokia", "niekada",
        // el
        "δεν", "μην", "ουτε", "οχι", "κανενα", "κανενας", "καμια", "κανενος", "καθολου",
        // bg
        "не", "няма", "нито", "никакъв", "никаква", "никакво", "никакви",
        // mt (ma … -x is handled apart)
        "mhux", "mhix", "mhumiex", "ebda", "lanqas", "qatt",
        // ga
        "nior",
    ]

    /// Cues that are also common words of another language, with the words that must follow
    /// them for the cue to count: Romanian "nu" is Dutch "nu" (now), so only "nu este", "nu
    /// sunt", "nu reprezintă", … negate.
    static let conditionalCues: [String: Set<String>] = [
        "nu": [
            "este", "e", "sunt", "reprezinta", "constituie", "au", "a", "am", "avem", "exista",
            "se", "mai",
            "consideram", "considera", "prezinta", "ridica", "pune", "sint", "era", "erau", "s",
            "ne", "i",
        ]
    ]

    /// Words that, right after a cue, undo it: "not only", "non seulement", "nicht nur",
    /// "no doubt", "sans doute".
    static let undoing: Set<String> = [
        "only", "seulement", "nur", "solo", "alleen", "tylko", "numai", "samo", "tikai", "tik",
        "vain",
        "kun", "bara", "bare", "ainult", "μονο", "само", "biss", "csak", "len", "jen", "least",
        "doubt", "doute", "duda", "dubbio", "zweifel", "twijfel",
    ]

    /// Folded filler words meaning "number" ("no. 1", "Nr. 2"): a cue followed by a number or
    /// by one of these is an abbreviation, not a negation.
    static let numberWords: Set<String> = [
        "nr", "n", "no", "number", "numero", "nummer", "num", "numer",
    ]

    /// Contrast words that end a clause, lower-cased with their accents.
    static let contrasts: Set<String> = [
        "but", "however", "although", "though", "whereas", "mais", "cependant", "toutefois",
        "pourtant",
        "tandis", "aber", "jedoch", "sondern", "pero", "sino", "aunque", "però", "ma", "tuttavia",
        "maar",
        "ale", "lecz", "jednak", "mas", "porém", "contudo", "dar", "însă", "insă", "men", "mutta",
        "vaan",
        "kuid", "aga", "viszont", "bet", "tačiau", "ali", "ampak", "vendar", "avšak", "αλλά",
        "όμως", "но",
        "обаче", "iżda", "imma", "ach",
    ]

    /// Two-word contrasts, folded: they end a clause, and their words are neither cues nor
    /// threats ("sin embargo" is "however", not an embargo; "no obstante" is not a negation).
    static let contrastPairs: Set<String> = [
        "sin embargo", "no obstante", "par contre", "en revanche", "en cambio", "al contrario",
        "in contrast",
        "niemniej jednak", "no entanto",
    ]

    /// Folded prefixes of predicates a negation makes about a threat: priority, problem,
    /// threat, risk, concern, relevance, significance, observation — in the 24 languages.
    static let predicatePrefixes: [String] = [
        // priority
        "prior", "prijor", "приорит", "προτεραιοτ", "tosaiocht", "schwerpunkt", "focus",
        // problem, issue, concern
        "proble", "προβλημ", "проблем", "ongelm", "fadhb", "issue", "concern", "preoccup", "sorge",
        "enjeu", "kwesti", "zorg",
        // threat, danger, risk
        "threat", "menac", "bedroh", "gefahr", "amenaz", "minacc", "bedreig", "zagroz", "ameac",
        "amenint",
        "hrozb", "ohroz", "prijetn", "grozn", "trusel", "trussel", "fenyeget", "veszely", "uhka",
        "draud",
        "gresm", "απειλ", "заплах", "theddid", "bagairt", "risk", "risque", "riesgo", "rischi",
        "risico",
        "ryzyk", "risco", "κινδυν", "риск", "danger",
        // relevant, significant, important
        "relevan", "rilevan", "pertinen", "signific", "signifik", "importan", "wichtig",
        "belangrijk",
        "istotn", "bedeut", "erheblich", "zasadni",
        // observed, detected, found
        "observ", "detect", "constat", "festgestellt", "beobacht", "waargenom", "zaobserw",
        "stwierdz",
        "rilev", "detectad",
    ]

    /// Exact short predicates (too short to be prefixes): Swedish "hot", Estonian "oht".
    static let predicateWords: Set<String> = ["hot", "oht", "ohu", "ohud"]

    /// Words after "ne"/"n'" that complete the French negation, for the receipt's label.
    static let frenchCompletions: Set<String> = [
        "pas", "plus", "jamais", "aucun", "aucune", "rien", "guere", "point",
    ]

    /// How many words after a cue may hold the predicate it negates ("ne constituent pas une
    /// priorité": four). Bounded so that a long sentence does not turn an unrelated
    /// negation into one about a threat.
    static let predicateWindow = 6

    /// Whether a folded word is a predicate a negation can make about a threat.
    ///
    /// - Complexity: O(prefixes sharing the word's first three characters).
    static func isPredicate(_ key: String) -> Bool {
        if predicateWords.contains(key) { return true }
        guard key.count >= 4, let candidates = prefixesByStart[String(key.prefix(3))] else {
            return false
        }
        return candidates.contains { key.hasPrefix($0) }
    }

    /// The predicate prefixes by their first three characters, so that a word is compared
    /// with the few that could match.
    private static let prefixesByStart: [String: [String]] = Dictionary(
        grouping: predicatePrefixes, by: { String($0.prefix(3)) })

    /// ``contrasts`` folded: a word whose folded form is not here is no contrast, and its
    /// accented lower-case form need not be computed.
    static let foldedContrasts: Set<String> = Set(contrasts.map { TextFolding.key($0) })
}
