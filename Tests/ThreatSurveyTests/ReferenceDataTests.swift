import Testing

@testable import ThreatSurvey

@Suite("Reference data")
struct ReferenceDataTests {
    let resolver = MemberStateResolver()

    @Test(
        "Member States resolve from codes, ISO codes, English and native names",
        arguments: [
            ("EL", "EL"), ("GR", "EL"), ("Greece", "EL"), ("Ελλάδα", "EL"), ("ελλαδα", "EL"),
            ("Hellas", "EL"),
            ("GRC", "EL"), ("UK", "UK"), ("GB", "UK"), ("United Kingdom", "UK"),
            ("great britain", "UK"),
            ("CZ", "CZ"), ("Czechia", "CZ"), ("Czech Republic", "CZ"), ("Česká republika", "CZ"),
            ("ceska republika", "CZ"), ("Česko", "CZ"), ("ÖSTERREICH", "AT"), ("osterreich", "AT"),
            ("the Netherlands", "NL"), ("Holland", "NL"), ("Belgique", "BE"), ("België", "BE"),
            ("Deutschland", "DE"), ("Allemagne", "DE"), ("Suomi", "FI"), ("România", "RO"),
        ])
    func resolvesMemberStates(written: String, code: String) {
        #expect(resolver.resolve(written)?.code == code)
    }

    @Test("Unknown names are not guessed, but a near miss is suggested")
    func unknownNames() {
        #expect(resolver.resolve("Cyprys") == nil)
        #expect(resolver.suggestion(for: "Cyprys") == "Cyprus")
        #expect(resolver.resolve("Norway") == nil)
        #expect(resolver.suggestion(for: "Qatar") == nil)
    }

    @Test("Protocol order is the EU-28 order of the Style Guide")
    func protocolOrder() {
        let order = MemberState.roster(on: CivilDate(year: 2015, month: 9, day: 7)!).map(\.code)
        #expect(
            order.joined(separator: " ")
                == "BE BG CZ DK DE EE IE EL ES FR HR IT CY LV LT LU HU MT NL AT PL PT RO SI SK FI SE UK"
        )
    }

    @Test(
        "Rosters are computed from membership dates",
        arguments: [
            ("1957-12-31", 0), ("1958-01-01", 6), ("1973-01-01", 9), ("1981-01-01", 10),
            ("1986-01-01", 12),
            ("1995-01-01", 15), ("2004-04-30", 15), ("2004-05-01", 25), ("2007-01-01", 27),
            ("2012-06-30", 27),
            ("2013-06-30", 27), ("2013-07-01", 28), ("2015-09-07", 28), ("2020-01-31", 28),
            ("2020-02-01", 27),
            ("2021-06-01", 27),
        ])
    func rosters(date: String, size: Int) throws {
        let day = try #require(CivilDate(iso: date))
        #expect(MemberState.roster(on: day).count == size)
    }

    @Test("HR is in from 1 July 2013 and UK out from 1 February 2020")
    func accessionAndWithdrawal() throws {
        let codes = { (d: String) in MemberState.roster(on: CivilDate(iso: d)!).map(\.code) }
        #expect(!codes("2013-06-30").contains("HR"))
        #expect(codes("2013-07-01").contains("HR"))
        #expect(codes("2020-01-31").contains("UK"))
        #expect(!codes("2020-02-01").contains("UK"))
    }

    @Test("Built-in groupings partition or overlap as the contract says")
    func groupings() throws {
        let all = Set(MemberState.roster(on: CivilDate(year: 2015, month: 1, day: 1)!).map(\.code))
        for id in ["eurovoc", "un-m49"] {
            let g = try #require(Grouping.builtIn(id))
            let members = g.regions.flatMap(\.members)
            #expect(Set(members) == all, "\(id) covers the EU-28")
            #expect(members.count == 28, "\(id) is a partition")
            #expect(!g.overlapping)
        }
        let eurovoc = try #require(Grouping.builtIn("eurovoc"))
        #expect(
            eurovoc.regions.map(\.id) == ["northern", "western", "southern", "central-and-eastern"])
        #expect(eurovoc.regions[3].members == ["BG", "CZ", "HR", "HU", "PL", "RO", "SI", "SK"])
        let m49 = try #require(Grouping.builtIn("un-m49"))
        #expect(m49.regions[2].members.contains("CY"))
        #expect(!m49.notes.isEmpty)
        let seas = try #require(Grouping.builtIn("sea-basins"))
        #expect(seas.overlapping)
        #expect(seas.unassigned(in: Array(all)).sorted() == ["AT", "CZ", "HU", "LU", "SK"])
        let borders = try #require(Grouping.builtIn("land-borders"))
        #expect(borders.overlapping)
        #expect(borders.regions[0].members == ["EE", "LV", "LT", "HU", "PL", "RO", "SK", "FI"])
        #expect(borders.unassigned(in: Array(all)).isEmpty)
    }

    @Test("Folding ignores case, diacritics and punctuation")
    func folding() {
        #expect(TextFolding.key("  Armes à  FEU ") == "armes a feu")
        #expect(TextFolding.key("e‑commerce") == "e commerce")
        #expect(TextFolding.key("Fälschungen") == TextFolding.key("falschungen"))
    }

    @Test("Edit distance suggestions stay within a typo's reach")
    func suggestions() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(
            EditDistance.suggestion(for: "fire arms", among: [("firearms", "firearms")])
                == "firearms")
        #expect(EditDistance.suggestion(for: "xyz", among: [("firearms", "firearms")]) == nil)
    }
}
