extension Grouping {
    /// The groupings every installation has, exactly as the contract lists them.
    ///
    /// Sources: EuroVoc microthesaurus 7206 (as issued 2021-06-04), UN M49, Frontex EB-RAN
    /// and the land-border lists in `../shared/reference/reference-data.md`.
    public static let builtIn: [Grouping] = [eurovoc, unM49, seaBasins, landBorders]

    /// The built-in grouping with this id.
    public static func builtIn(_ id: String) -> Grouping? {
        builtIn.first { $0.id == id }
    }

    /// EuroVoc 7206 "Europe": four regions, no outlier; the default.
    public static let eurovoc = Grouping(
        id: "eurovoc", title: "EuroVoc (EU thesaurus) regions of Europe",
        regions: [
            Region(id: "northern", title: "Northern Europe", members: codes("DK EE LV LT FI SE")),
            Region(
                id: "western", title: "Western Europe", members: codes("BE DE IE FR LU NL AT UK")),
            Region(id: "southern", title: "Southern Europe", members: codes("EL ES IT CY MT PT")),
            Region(
                id: "central-and-eastern", title: "Central and Eastern Europe",
                members: codes("BG CZ HR HU PL RO SI SK")),
        ])

    /// UN M49 sub-regions, with Cyprus (Western Asia in M49) placed in Southern Europe.
    public static let unM49 = Grouping(
        id: "un-m49", title: "UN M49 sub-regions of Europe",
        regions: [
            Region(
                id: "northern", title: "Northern Europe", members: codes("DK EE IE LV LT FI SE UK")
            ),
            Region(id: "western", title: "Western Europe", members: codes("BE DE FR LU NL AT")),
            Region(
                id: "southern", title: "Southern Europe", members: codes("EL ES HR IT CY MT PT SI")
            ),
            Region(id: "eastern", title: "Eastern Europe", members: codes("BG CZ HU PL RO SK")),
        ],
        notes: [
            "Cyprus is in Western Asia in UN M49; it is placed in Southern Europe here."
        ])

    /// Sea basins: overlapping; landlocked states (CZ LU HU AT SK) are in none.
    public static let seaBasins = Grouping(
        id: "sea-basins", title: "Sea basins (coastal Member States)",
        regions: [
            Region(id: "baltic", title: "Baltic Sea", members: codes("DK DE EE LV LT PL FI SE")),
            Region(id: "north-sea", title: "North Sea", members: codes("BE DK DE FR NL UK")),
            Region(id: "atlantic", title: "Atlantic", members: codes("IE ES FR PT UK")),
            Region(
                id: "mediterranean", title: "Mediterranean",
                members: codes("EL ES FR HR IT CY MT SI")),
            Region(id: "black-sea", title: "Black Sea", members: codes("BG RO")),
        ],
        notes: [
            "Sea basins overlap: a state with several coasts is counted in each.",
            "Landlocked states (CZ, LU, HU, AT, SK) are in no sea basin.",
            "North Sea follows the IHO limits: Sweden (Skagerrak, Kattegat) is not included.",
        ])

    /// External land borders: the eastern border, the south-eastern border, and the rest.
    public static let landBorders = Grouping(
        id: "land-borders", title: "External land borders",
        regions: [
            Region(
                id: "eastern-land-border", title: "Eastern land border",
                members: codes("FI EE LV LT PL SK HU RO")),
            Region(
                id: "south-eastern-land-border", title: "South-eastern land border",
                members: codes("BG EL HR HU RO")),
            Region(
                id: "no-external-land-border", title: "No external land border",
                members: MemberState.all.map(\.code).filter {
                    !codes("FI EE LV LT PL SK HU RO BG EL HR").contains($0)
                }),
        ],
        notes: [
            "Land-border regions overlap: HU and RO are on both the eastern and the south-eastern border."
        ])

    private static func codes(_ list: String) -> [String] {
        list.split(separator: " ").map(String.init)
    }
}
