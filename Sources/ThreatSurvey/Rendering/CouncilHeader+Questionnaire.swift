extension CouncilHeader {
    /// What the officer may set on a Council document's header (`--date`, `--reference`,
    /// `--from`, `--to`); what is left `nil` takes the contract's default.
    public struct Details: Sendable, Hashable {
        /// The document's date (default: today in the questionnaire's zone, given by the caller).
        public var date: CivilDate
        /// The document number, blank for the secretariat to fill in.
        public var reference: String
        /// The author; default "General Secretariat of the Council".
        public var from: String?
        /// The addressee; default the questionnaire's Working Party, else the CCWP.
        public var to: String?

        /// Creates the details.
        public init(date: CivilDate, reference: String = "", from: String? = nil, to: String? = nil)
        {
            self.date = date
            self.reference = reference
            self.from = from
            self.to = to
        }
    }

    /// "OUTCOME OF PROCEEDINGS": the kind of the `summary` document.
    public static let outcomeOfProceedings = "OUTCOME OF PROCEEDINGS"
    /// "NOTE": the kind of the `compile` and `plan` documents.
    public static let note = "NOTE"
    /// The author unless `--from` says otherwise (CONTRACT.md, "Council documents").
    public static let defaultFrom = "General Secretariat of the Council"
    /// The addressee when neither `--to` nor the questionnaire's `workingParty` names one: the
    /// Working Party the tool was built for.
    public static let defaultTo = "Customs Cooperation Working Party"

    /// The header of a document drawn from the answers to `questionnaire`.
    ///
    /// The place is Brussels, as on the Council's documents of the Working Party; the date is
    /// written as they write it ("7 September 2015").
    ///
    /// - Parameters:
    ///   - questionnaire: gives the default addressee (its `workingParty`).
    ///   - kind: ``outcomeOfProceedings`` or ``note``.
    ///   - subject: the subject line (the questionnaire's title, with what the document is).
    ///   - details: what the officer set.
    public init(
        questionnaire: Questionnaire, kind: String, subject: String, details: Details
    ) {
        self.init(
            placeAndDate: "Brussels, " + ReminderWriter.englishDate(details.date),
            reference: details.reference, kind: kind,
            from: details.from ?? CouncilHeader.defaultFrom,
            to: details.to ?? questionnaire.workingParty ?? CouncilHeader.defaultTo,
            subject: subject)
    }

    /// The header as `--format json` gives it, beside the document's own fields.
    public var json: JSONValue {
        .object([
            "institution": .string(institution), "placeAndDate": .string(placeAndDate),
            "originalLanguage": .string(originalLanguage), "reference": .string(reference),
            "kind": .string(kind), "from": .string(from), "to": .string(to),
            "subject": .string(subject),
        ])
    }

    /// `8th`, `1st`, `22nd`: how the Council numbers its Action Plans in titles.
    public static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
