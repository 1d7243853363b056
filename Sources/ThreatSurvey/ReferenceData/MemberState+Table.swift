extension MemberState {
    /// Every state that has been a member since 1958, in protocol order.
    ///
    /// Membership dates are the accession treaties' dates of entry into force; the UK's
    /// last day is 31 January 2020. Rosters for any date are computed from these
    /// (``roster(on:)``), never typed.
    public static let all: [MemberState] = table.enumerated().map { index, row in
        MemberState(
            code: row.0, iso2: row.1, iso3: row.2, englishName: row.3,
            englishNameToday: row.4, nativeNames: row.5, nativeNameToday: row.6,
            aliases: row.7, protocolIndex: index, joined: date(row.8),
            lastDay: row.9.map(date))
    }

    /// The members on `date`, in protocol order: EU-27 in 2012, EU-28 in 2015, EU-27 in 2021.
    public static func roster(on date: CivilDate) -> [MemberState] {
        all.filter { $0.isMember(on: date) }
    }

    /// The state with this EU code, exactly (`EL`, not `GR`).
    public static func withCode(_ code: String) -> MemberState? {
        byCode[code]
    }

    private static let byCode: [String: MemberState] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.code, $0) })

    private static func date(_ text: String) -> CivilDate {
        guard let d = CivilDate(iso: text) else { preconditionFailure("bad table date \(text)") }
        return d
    }

    private typealias Row = (
        String, String, String, String, String?, [String], String?, [String], String, String?
    )

    // code, ISO2, ISO3, English 2015, English today, native, native today,
    // French/German names and aliases, joined, last day.
    private static let table: [Row] = [
        (
            "BE", "BE", "BEL", "Belgium", nil, ["Belgique", "België"], nil,
            ["Belgien", "Belgie"], "1958-01-01", nil
        ),
        (
            "BG", "BG", "BGR", "Bulgaria", nil, ["България", "Bulgarija"], nil,
            ["Bulgarie", "Bulgarien"], "2007-01-01", nil
        ),
        (
            "CZ", "CZ", "CZE", "Czech Republic", "Czechia", ["Česká republika"], "Česko",
            ["République tchèque", "Tchéquie", "Tschechische Republik", "Tschechien"],
            "2004-05-01", nil
        ),
        (
            "DK", "DK", "DNK", "Denmark", nil, ["Danmark"], nil, ["Danemark", "Dänemark"],
            "1973-01-01", nil
        ),
        (
            "DE", "DE", "DEU", "Germany", nil, ["Deutschland"], nil, ["Allemagne"],
            "1958-01-01", nil
        ),
        (
            "EE", "EE", "EST", "Estonia", nil, ["Eesti"], nil, ["Estonie", "Estland"],
            "2004-05-01", nil
        ),
        (
            "IE", "IE", "IRL", "Ireland", nil, ["Éire"], nil, ["Irlande", "Irland"],
            "1973-01-01", nil
        ),
        (
            "EL", "GR", "GRC", "Greece", nil, ["Ελλάδα", "Elláda"], nil,
            ["Hellas", "Hellenic Republic", "Grèce", "Griechenland"], "1981-01-01", nil
        ),
        (
            "ES", "ES", "ESP", "Spain", nil, ["España"], nil, ["Espagne", "Spanien"],
            "1986-01-01", nil
        ),
        ("FR", "FR", "FRA", "France", nil, ["France"], nil, ["Frankreich"], "1958-01-01", nil),
        (
            "HR", "HR", "HRV", "Croatia", nil, ["Hrvatska"], nil, ["Croatie", "Kroatien"],
            "2013-07-01", nil
        ),
        (
            "IT", "IT", "ITA", "Italy", nil, ["Italia"], nil, ["Italie", "Italien"],
            "1958-01-01", nil
        ),
        (
            "CY", "CY", "CYP", "Cyprus", nil, ["Κύπρος", "Kýpros"], nil,
            ["Chypre", "Zypern", "Kıbrıs"], "2004-05-01", nil
        ),
        (
            "LV", "LV", "LVA", "Latvia", nil, ["Latvija"], nil, ["Lettonie", "Lettland"],
            "2004-05-01", nil
        ),
        (
            "LT", "LT", "LTU", "Lithuania", nil, ["Lietuva"], nil, ["Lituanie", "Litauen"],
            "2004-05-01", nil
        ),
        (
            "LU", "LU", "LUX", "Luxembourg", nil, ["Luxembourg", "Lëtzebuerg"], nil,
            ["Luxemburg"], "1958-01-01", nil
        ),
        (
            "HU", "HU", "HUN", "Hungary", nil, ["Magyarország"], nil, ["Hongrie", "Ungarn"],
            "2004-05-01", nil
        ),
        ("MT", "MT", "MLT", "Malta", nil, ["Malta"], nil, ["Malte"], "2004-05-01", nil),
        (
            "NL", "NL", "NLD", "Netherlands", nil, ["Nederland"], nil,
            ["The Netherlands", "Holland", "Pays-Bas", "Niederlande"], "1958-01-01", nil
        ),
        (
            "AT", "AT", "AUT", "Austria", nil, ["Österreich"], nil, ["Autriche"],
            "1995-01-01", nil
        ),
        (
            "PL", "PL", "POL", "Poland", nil, ["Polska"], nil, ["Pologne", "Polen"],
            "2004-05-01", nil
        ),
        ("PT", "PT", "PRT", "Portugal", nil, ["Portugal"], nil, [], "1986-01-01", nil),
        (
            "RO", "RO", "ROU", "Romania", nil, ["România"], nil, ["Roumanie", "Rumänien"],
            "2007-01-01", nil
        ),
        (
            "SI", "SI", "SVN", "Slovenia", nil, ["Slovenija"], nil, ["Slovénie", "Slowenien"],
            "2004-05-01", nil
        ),
        (
            "SK", "SK", "SVK", "Slovakia", nil, ["Slovensko"], nil,
            ["Slovak Republic", "Slovaquie", "Slowakei"], "2004-05-01", nil
        ),
        (
            "FI", "FI", "FIN", "Finland", nil, ["Suomi", "Finland"], nil,
            ["Finlande", "Finnland"], "1995-01-01", nil
        ),
        (
            "SE", "SE", "SWE", "Sweden", nil, ["Sverige"], nil, ["Suède", "Schweden"],
            "1995-01-01", nil
        ),
        (
            "UK", "GB", "GBR", "United Kingdom", nil, ["United Kingdom"], nil,
            ["Great Britain", "Britain", "Royaume-Uni", "Vereinigtes Königreich"],
            "1973-01-01", "2020-01-31"
        ),
    ]
}
