/// The column headers an answer table may carry, in the 24 official languages of the Union:
/// the one table that CSV, workbooks and Word tables are read by.
///
/// Delegations fill in the questionnaire in their own language, and a spreadsheet saved in
/// Dutch says "Lidstaat" where the template said "Member State". The contract ("Intake rules
/// added") asks for the delegation, threat, priority, comment and respondent columns, and a
/// matrix's first header, to be recognised in every official language, in CSV and in
/// workbooks alike; keeping one table here is what makes the readers agree.
///
/// Words are the Union's own terms where it has one (IATE: "Member State" is "Lidstaat",
/// "État membre", "Mitgliedstaat", "Państwo członkowskie", …), with common plurals and a few
/// synonyms an officer writes. Matching is on ``TextFolding/key(_:)``: any case, with or
/// without diacritics, any punctuation between words ("Estado-Membro", "État membre").
enum HeaderVocabulary {
    /// What a column holds.
    enum Role: String, CaseIterable, Sendable {
        case delegation, threat, priority, comment, respondent, questionnaire
        /// Extensions beyond the contract's columns (kept in English and the working
        /// languages only).
        case cosignatories, question, answer, mentioned
    }

    /// The words of each role, by language code (ISO 639-1; `xx` for the tool's own
    /// spellings such as `ms` or `threat id`).
    static let words: [Role: [String: [String]]] = [
        .delegation: [
            "bg": ["държава членка", "делегация", "държава"],
            "cs": ["členský stát", "delegace", "země"],
            "da": ["medlemsstat", "delegation", "land"],
            "de": ["Mitgliedstaat", "Mitgliedsstaat", "Delegation", "Land"],
            "el": ["κράτος μέλος", "αντιπροσωπία", "χώρα"],
            "en": ["member state", "delegation", "country"],
            "es": ["estado miembro", "delegación", "país"],
            "et": ["liikmesriik", "delegatsioon"],
            "fi": ["jäsenvaltio", "valtuuskunta"],
            "fr": ["État membre", "délégation", "pays"],
            "ga": ["Ballstát", "toscaireacht"],
            "hr": ["država članica", "delegacija", "država"],
            "hu": ["tagállam", "delegáció", "ország"],
            "it": ["Stato membro", "delegazione", "paese"],
            "lt": ["valstybė narė", "delegacija", "šalis"],
            "lv": ["dalībvalsts", "delegācija", "valsts"],
            "mt": ["Stat Membru", "delegazzjoni", "pajjiż"],
            "nl": ["lidstaat", "delegatie"],
            "pl": ["Państwo członkowskie", "delegacja", "kraj"],
            "pt": ["Estado-Membro", "delegação"],
            "ro": ["stat membru", "delegație", "țară"],
            "sk": ["členský štát", "delegácia", "krajina"],
            "sl": ["država članica", "delegacija"],
            "sv": ["medlemsstat", "delegation"],
            "xx": ["ms", "memberstate", "member state code", "delegation code", "eu ms"],
        ],
        .threat: [
            "bg": ["заплаха", "заплахи"],
            "cs": ["hrozba", "hrozby"],
            "da": ["trussel", "trusler"],
            "de": ["Bedrohung", "Bedrohungen"],
            "el": ["απειλή", "απειλές"],
            "en": ["threat", "threats"],
            "es": ["amenaza", "amenazas"],
            "et": ["oht", "ohud"],
            "fi": ["uhka", "uhat"],
            "fr": ["menace", "menaces"],
            "ga": ["bagairt", "bagairtí"],
            "hr": ["prijetnja", "prijetnje"],
            "hu": ["fenyegetés", "fenyegetések"],
            "it": ["minaccia", "minacce"],
            "lt": ["grėsmė", "grėsmės"],
            "lv": ["apdraudējums", "draudi"],
            "mt": ["theddida", "theddidiet"],
            "nl": ["dreiging", "dreigingen"],
            "pl": ["zagrożenie", "zagrożenia"],
            "pt": ["ameaça", "ameaças"],
            "ro": ["amenințare", "amenințări"],
            "sk": ["hrozba", "hrozby", "ohrozenie"],
            "sl": ["grožnja", "grožnje"],
            "sv": ["hot"],
            "xx": ["threat id"],
        ],
        .priority: [
            "bg": ["приоритет"],
            "cs": ["priorita"],
            "da": ["prioritet"],
            "de": ["Priorität"],
            "el": ["προτεραιότητα"],
            "en": ["priority", "rank"],
            "es": ["prioridad"],
            "et": ["prioriteet"],
            "fi": ["prioriteetti", "tärkeysjärjestys"],
            "fr": ["priorité"],
            "ga": ["tosaíocht"],
            "hr": ["prioritet"],
            "hu": ["prioritás"],
            "it": ["priorità"],
            "lt": ["prioritetas"],
            "lv": ["prioritāte"],
            "mt": ["prijorità"],
            "nl": ["prioriteit"],
            "pl": ["priorytet"],
            "pt": ["prioridade"],
            "ro": ["prioritate"],
            "sk": ["priorita"],
            "sl": ["prednost", "prioriteta"],
            "sv": ["prioritet"],
        ],
        .comment: [
            "bg": ["коментар", "коментари", "бележки"],
            "cs": ["komentář", "poznámka", "poznámky"],
            "da": ["kommentar", "kommentarer", "bemærkninger"],
            "de": ["Kommentar", "Kommentare", "Bemerkung", "Bemerkungen", "Anmerkungen"],
            "el": ["σχόλιο", "σχόλια", "παρατηρήσεις"],
            "en": ["comment", "comments", "remarks", "observations"],
            "es": ["comentario", "comentarios", "observaciones"],
            "et": ["kommentaar", "kommentaarid", "märkused"],
            "fi": ["kommentti", "kommentit", "huomautukset"],
            "fr": ["commentaire", "commentaires"],
            "ga": ["trácht", "tuairimí", "barúlacha"],
            "hr": ["komentar", "komentari", "napomene"],
            "hu": ["megjegyzés", "megjegyzések"],
            "it": ["commento", "commenti", "osservazioni"],
            "lt": ["komentaras", "komentarai", "pastabos"],
            "lv": ["komentārs", "komentāri", "piezīmes"],
            "mt": ["kumment", "kummenti"],
            "nl": ["opmerking", "opmerkingen", "commentaar"],
            "pl": ["komentarz", "komentarze", "uwagi"],
            "pt": ["comentário", "comentários", "observações"],
            "ro": ["comentariu", "comentarii", "observații"],
            "sk": ["komentár", "poznámka", "poznámky"],
            "sl": ["komentar", "pripombe"],
            "sv": ["kommentar", "kommentarer", "synpunkter"],
        ],
        .respondent: [
            "bg": ["респондент"],
            "cs": ["respondent"],
            "da": ["respondent"],
            "de": ["Befragter", "Befragte"],
            "el": ["ερωτώμενος"],
            "en": ["respondent", "respondent id"],
            "es": ["encuestado"],
            "et": ["vastaja"],
            "fi": ["vastaaja"],
            "fr": ["répondant"],
            "ga": ["freagróir"],
            "hr": ["ispitanik"],
            "hu": ["válaszadó"],
            "it": ["rispondente"],
            "lt": ["respondentas"],
            "lv": ["respondents"],
            "mt": ["rispondent"],
            "nl": ["respondent"],
            "pl": ["respondent"],
            "pt": ["inquirido"],
            "ro": ["respondent"],
            "sk": ["respondent"],
            "sl": ["anketiranec"],
            "sv": ["svarande"],
        ],
        .questionnaire: [
            "bg": ["въпросник"],
            "cs": ["dotazník"],
            "da": ["spørgeskema"],
            "de": ["Fragebogen"],
            "el": ["ερωτηματολόγιο"],
            "en": ["questionnaire", "document"],
            "es": ["cuestionario"],
            "et": ["küsimustik"],
            "fi": ["kyselylomake"],
            "ga": ["ceistneoir"],
            "hr": ["upitnik"],
            "hu": ["kérdőív"],
            "it": ["questionario"],
            "lt": ["klausimynas"],
            "lv": ["anketa"],
            "mt": ["kwestjonarju"],
            "nl": ["vragenlijst"],
            "pl": ["kwestionariusz"],
            "pt": ["questionário"],
            "ro": ["chestionar"],
            "sl": ["vprašalnik"],
            "sv": ["frågeformulär"],
        ],
        .cosignatories: ["en": ["cosignatories", "cosignatory", "joint with"]],
        .question: ["en": ["question", "question id"]],
        .answer: ["en": ["answer", "reply"], "fr": ["réponse"], "de": ["Antwort"]],
        .mentioned: [
            "en": ["mentioned", "mention", "selected"], "fr": ["mentionné"],
            "de": ["erwähnt", "genannt"], "es": ["mencionado"], "it": ["menzionato"],
            "nl": ["genoemd"], "pl": ["wymieniono"],
        ],
    ]

    /// The folded keys of each role.
    private static let keysByRole: [Role: Set<String>] = words.mapValues { languages in
        Set(languages.values.joined().map { TextFolding.key($0) })
    }

    /// The role of each folded key (the table gives each key one role; a test checks it).
    private static let roleByKey: [String: Role] = {
        var out: [String: Role] = [:]
        for role in Role.allCases {
            for key in keysByRole[role] ?? [] { out[key] = role }
        }
        return out
    }()

    /// Every header word with its display form, for suggestions.
    private static let candidates: [(key: String, display: String)] = {
        var seen: Set<String> = []
        var out: [(key: String, display: String)] = []
        for role in Role.allCases {
            for language in (words[role] ?? [:]).keys.sorted() {
                for word in words[role]?[language] ?? [] {
                    let key = TextFolding.key(word)
                    if seen.insert(key).inserted { out.append((key, word)) }
                }
            }
        }
        return out
    }()

    /// The folded keys of `role`, for the readers' `contains` checks.
    static func keys(_ role: Role) -> Set<String> { keysByRole[role] ?? [] }

    /// The role a header names, or `nil` when it is not a known header.
    static func role(of header: some StringProtocol) -> Role? {
        roleByKey[TextFolding.key(header)]
    }

    /// Whether `header` may stand at the corner of a matrix (above the delegations): empty, a
    /// delegation word ("Lidstaat"), or one followed by a threat word ("Member State / Threat").
    static func isCorner(_ header: some StringProtocol) -> Bool {
        let key = TextFolding.key(header)
        if key.isEmpty || keys(.delegation).contains(key) { return true }
        return keys(.delegation).contains { delegation in
            key.hasPrefix(delegation + " ")
                && keys(.threat).contains(String(key.dropFirst(delegation.count + 1)))
        }
    }

    /// The known header nearest to `header` (a typo's reach, ``EditDistance``), as written in
    /// the table, or `nil`.
    static func suggestion(for header: String) -> String? {
        guard role(of: header) == nil else { return nil }
        return EditDistance.suggestion(for: header, among: candidates)
    }

    /// The first suggestion for one of `headers` that names `role`: what an unrecognised
    /// header probably meant when that column is missing ("Bedrohng" → "Bedrohung").
    static func suggestion(among headers: [String], for role: Role) -> String? {
        for header in headers.prefix(100) {
            if let suggestion = suggestion(for: header), Self.role(of: suggestion) == role {
                return suggestion
            }
        }
        return nil
    }

    /// A few delegation header words, for messages saying what is expected.
    static let delegationExamples =
        "delegation, member state, ms, État membre or Lidstaat, in any official language of the Union"
    /// A few threat header words, for messages saying what is expected.
    static let threatExamples =
        "threat, menace or Bedrohung, in any official language of the Union"
}
