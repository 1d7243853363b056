/// A first draft of the paragraph the secretariat writes in an outcome of proceedings.
///
/// It is in the Council's non-attributing style ("Twenty delegations replied. Firearms … were
/// among the most frequently mentioned. Several Member States also indicated …").
///
/// Quantifiers follow one documented scale (`quantifier(_:of:)`). No Member State is named
/// unless asked (`attribute`).
public struct SummaryWriter: Sendable {
    /// The languages a summary is written in.
    public enum Language: String, Sendable, CaseIterable {
        case en
        case fr
    }

    /// The ranking summarised.
    public var ranking: Ranking
    /// The regional breakdown, for regional remarks (optional).
    public var breakdown: RegionalBreakdown?
    /// Answers received after the deadline and counted.
    public var lateCount: Int
    /// Whether to name the Member States in parentheses.
    public var attribute: Bool

    /// Creates a writer.
    public init(
        ranking: Ranking, breakdown: RegionalBreakdown? = nil, lateCount: Int = 0,
        attribute: Bool = false
    ) {
        self.ranking = ranking
        self.breakdown = breakdown
        self.lateCount = lateCount
        self.attribute = attribute
    }

    /// The scale: all; one; two; a few (3–4); then by share of those who replied: several
    /// (under 35%), a number of (under 50%), many (under 75%), a large majority (75% or more).
    public static func quantifier(_ count: Int, of total: Int, language: Language = .en) -> String {
        let en: String
        let fr: String
        let share = total == 0 ? 0 : Double(count) / Double(total)
        switch count {
        case _ where count == total && total > 2: (en, fr) = ("all", "tous les")
        case 1: (en, fr) = ("one", "un")
        case 2: (en, fr) = ("two", "deux")
        case 3...4: (en, fr) = ("a few", "quelques")
        case _ where share < 0.35: (en, fr) = ("several", "plusieurs")
        case _ where share < 0.5: (en, fr) = ("a number of", "un certain nombre d'")
        case _ where share < 0.75: (en, fr) = ("many", "de nombreux")
        default: (en, fr) = ("a large majority of", "une large majorité d'")
        }
        return language == .en ? en : fr
    }

    /// The threats summarised as the most frequently mentioned: those whose count is at least
    /// 90% of the highest (ties always together), at most three unless tied.
    public var mostFrequent: [RankedThreat] {
        guard let top = ranking.threats.first, top.memberStates > 1 else { return [] }
        let threshold = Int((Double(top.memberStates) * 0.9).rounded(.up))
        var chosen = ranking.threats.filter { $0.memberStates >= threshold }
        if chosen.count > 3, let cut = chosen.dropFirst(2).first {
            chosen = chosen.filter { $0.memberStates >= cut.memberStates }
        }
        return chosen
    }

    /// The paragraph.
    public func paragraph(_ language: Language = .en) -> String {
        let n = ranking.responded.count
        guard n > 0 else {
            return language == .en
                ? "No Member State has replied to \(ranking.questionnaire.id) yet."
                : "Aucun État membre n'a encore répondu au document \(ranking.questionnaire.id)."
        }
        var sentences: [String] = []
        let number = Self.number(n, language)
        if language == .en {
            var s =
                "\(number.capitalizedFirst) Member State\(n == 1 ? "" : "s") replied to \(ranking.questionnaire.id)"
            if lateCount > 0 { s += " (\(Self.number(lateCount, .en)) after the deadline)" }
            sentences.append(s + ".")
        } else {
            var s =
                "\(number.capitalizedFirst) État\(n == 1 ? "" : "s") membre\(n == 1 ? " a" : "s ont") répondu au document \(ranking.questionnaire.id)"
            if lateCount > 0 { s += " (dont \(Self.number(lateCount, .fr)) après le délai)" }
            sentences.append(s + ".")
        }
        let top = mostFrequent
        if !top.isEmpty {
            let names = Self.list(top.map { name($0, language) }, language).capitalizedFirst
            sentences.append(
                language == .en
                    ? "\(names) \(top.count == 1 ? "was" : "were") among the most frequently mentioned threats."
                    : "\(names) \(top.count == 1 ? "figurait" : "figuraient") parmi les menaces les plus fréquemment citées."
            )
        }
        let shown = Set(top.map(\.id))
        let others = ranking.threats.filter { !shown.contains($0.id) && $0.memberStates >= 3 }
        var groups: [(String, [RankedThreat])] = []
        for t in others {
            let q = Self.quantifier(t.memberStates, of: n, language: language)
            if let i = groups.firstIndex(where: { $0.0 == q }) {
                groups[i].1.append(t)
            } else {
                groups.append((q, [t]))
            }
        }
        for (i, (q, threats)) in groups.enumerated() {
            let names = Self.list(threats.map { name($0, language) }, language)
            if language == .en {
                sentences.append(
                    i == 0
                        ? "\(q.capitalizedFirst) Member States also indicated \(names)."
                        : "\(q.capitalizedFirst) Member States mentioned \(names).")
            } else {
                let subject = q.hasSuffix("'") ? "\(q)États membres" : "\(q) États membres"
                sentences.append(
                    i == 0
                        ? "\(subject.capitalizedFirst) ont également indiqué \(names)."
                        : "\(subject.capitalizedFirst) ont cité \(names).")
            }
        }
        if let breakdown {
            var parts: [String] = []
            for region in breakdown.regions where !region.signals.isEmpty {
                let names = Self.list(
                    region.signals.compactMap { s in
                        ranking.threats.first { $0.id == s.id }.map {
                            name($0, language, attributed: false)
                        }
                    },
                    language)
                let title =
                    language == .fr ? Self.frenchRegion(region.region.title) : region.region.title
                parts.append("\(names) (\(title))")
            }
            if !parts.isEmpty {
                sentences.append(
                    language == .en
                        ? "Some threats were mentioned mainly in one region, which may call for a regional approach: \(Self.list(parts, language))."
                        : "Certaines menaces ont été citées principalement dans une région, ce qui pourrait justifier une approche régionale : \(Self.list(parts, language))."
                )
            }
        }
        return sentences.joined(separator: " ")
    }

    func name(_ t: RankedThreat, _ language: Language, attributed: Bool = true) -> String {
        let threat = ranking.questionnaire.threat(t.id)
        var text: String
        if let label = threat?.labels[language.rawValue] {
            text = language == .fr ? "« \(label) »" : label
        } else if language == .fr,
            let french = threat?.aliases.first(where: { $0.language == "fr" })?.terms.first
        {
            text = "« \(french) »"
        } else if language == .en,
            let english = threat?.aliases.first(where: { $0.language == "en" })?.terms.first
        {
            // The shortest common name ("firearms", "VAT fraud") reads as the Council writes.
            text = english
        } else {
            text = Self.plainTitle(t.title)
        }
        if attribute && attributed { text += " (\(t.mentionedBy.joined(separator: ", ")))" }
        return text
    }

    /// A title without its parenthesis, first letter lower-cased unless an acronym.
    static func plainTitle(_ title: String) -> String {
        var text = title
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]).trimmingWhitespace() }
        if let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon]).trimmingWhitespace()
        }
        guard let first = text.first, text.count > 1 else { return text }
        let second = text[text.index(after: text.startIndex)]
        return second.isUppercase ? text : first.lowercased() + text.dropFirst()
    }

    /// EuroVoc's French labels for the built-in regions' titles.
    static func frenchRegion(_ title: String) -> String {
        [
            "Northern Europe": "Europe du Nord", "Western Europe": "Europe occidentale",
            "Southern Europe": "Europe méridionale",
            "Central and Eastern Europe": "Europe centrale et orientale",
            "Eastern Europe": "Europe orientale",
        ][title] ?? title
    }

    static func list(_ items: [String], _ language: Language) -> String {
        let and = language == .en ? "and" : "et"
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(and) " + (items.last ?? "")
        }
    }

    static func number(_ n: Int, _ language: Language) -> String {
        let en = [
            "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty",
            "twenty-one", "twenty-two", "twenty-three", "twenty-four", "twenty-five", "twenty-six",
            "twenty-seven",
            "twenty-eight",
        ]
        let fr = [
            "aucun", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze",
            "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt",
            "vingt et un",
            "vingt-deux", "vingt-trois", "vingt-quatre", "vingt-cinq", "vingt-six", "vingt-sept",
            "vingt-huit",
        ]
        let words = language == .en ? en : fr
        return n < words.count ? words[n] : String(n)
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String {
        if hasPrefix("« ") { return "« " + String(dropFirst(2)).capitalizedFirst }
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
