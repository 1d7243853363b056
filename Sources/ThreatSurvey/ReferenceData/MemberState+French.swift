extension MemberState {
    /// The French short name (Interinstitutional Style Guide, French edition), for reminders
    /// written in English and French.
    public var frenchName: String {
        MemberState.frenchNames[code] ?? englishName
    }

    private static let frenchNames: [String: String] = [
        "BE": "Belgique", "BG": "Bulgarie", "CZ": "République tchèque", "DK": "Danemark",
        "DE": "Allemagne", "EE": "Estonie", "IE": "Irlande", "EL": "Grèce", "ES": "Espagne",
        "FR": "France", "HR": "Croatie", "IT": "Italie", "CY": "Chypre", "LV": "Lettonie",
        "LT": "Lituanie", "LU": "Luxembourg", "HU": "Hongrie", "MT": "Malte", "NL": "Pays-Bas",
        "AT": "Autriche", "PL": "Pologne", "PT": "Portugal", "RO": "Roumanie", "SI": "Slovénie",
        "SK": "Slovaquie", "FI": "Finlande", "SE": "Suède", "UK": "Royaume-Uni",
    ]
}
