import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Dates as typed: one reading for `--received`, `--today` and `--as-of` (CONTRACT.md,
/// "Dates as typed").
@Suite("Dates as typed")
struct DateInputTests {
    static let zone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
    static let sweden = TestSupport.fixture("se-comments.txt")

    private func instant(_ text: String) throws -> String {
        Timestamp.iso(try DateTimeInput.parse(text).resolve(in: Self.zone), in: Self.zone)
    }

    @Test(
        "ISO 8601 and day-first forms, with or without a time",
        arguments: [
            ("2016-10-07", "2016-10-07T12:00:00+02:00"),
            ("2016-10-07T11:00", "2016-10-07T11:00:00+02:00"),
            ("2016-10-07 11:00:30", "2016-10-07T11:00:30+02:00"),
            ("2016-10-07T09:00Z", "2016-10-07T11:00:00+02:00"),
            ("2016-10-07T11:00+02:00", "2016-10-07T11:00:00+02:00"),
            ("07.10.2016", "2016-10-07T12:00:00+02:00"),
            ("7.10.2016 11:00", "2016-10-07T11:00:00+02:00"),
            ("13/10/2016", "2016-10-13T12:00:00+02:00"),
            ("13/10/2016 9:30", "2016-10-13T09:30:00+02:00"),
            ("10.03.2016", "2016-03-10T12:00:00+01:00"),
            ("10/10/2016", "2016-10-10T12:00:00+02:00"),
        ])
    func accepted(text: String, expected: String) throws {
        #expect(try instant(text) == expected)
    }

    @Test("A slash date that reads two ways is refused with both readings")
    func ambiguous() {
        let error = #expect(throws: DateInputError.self) { try DateTimeInput.parse("10/03/2016") }
        #expect(
            error?.reason
                == .ambiguous(
                    dayFirst: CivilDate(year: 2016, month: 3, day: 10)!,
                    monthFirst: CivilDate(year: 2016, month: 10, day: 3)!))
        let run = runCLI([
            "submit", Self.sweden, "--questionnaire", "9396/1/15", "--delegation", "SE",
            "--received", "10/03/2016",
        ])
        #expect(run.status == .usage)
        #expect(
            run.err.contains(
                "--received 10/03/2016: reads two ways: 2016-03-10 (day first) or 2016-10-03 "
                    + "(month first)"))
    }

    @Test("A month-first date gets its day-first spelling; nonsense gets every accepted form")
    func refusals() {
        let monthFirst = runCLI(["submit", Self.sweden, "--received", "10/13/2016"])
        #expect(monthFirst.status == .usage)
        #expect(monthFirst.err.contains("did you mean 13/10/2016 (2016-10-13)?"))
        let nonsense = runCLI(["rank", "--as-of", "next tuesday"])
        #expect(nonsense.status == .usage)
        #expect(
            nonsense.err.contains(
                "--as-of next tuesday: not a date; accepted: YYYY-MM-DD, "
                    + "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], or day first DD.MM.YYYY or DD/MM/YYYY"))
    }

    @Test("--today takes the same forms, and refuses a time or an ambiguous date")
    func today() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/s.sqlite"
        let submitted = runCLI(
            [
                "submit", Self.sweden, "--questionnaire", "9396/1/15", "--delegation", "SE",
                "--received", "06.09.2015 10:00",
            ],
            store: store)
        #expect(submitted.status == .success, "\(submitted.err)")
        let dotted = runCLI(
            ["deadline", "--today", "08.09.2015", "--format", "json"], store: store)
        let iso = runCLI(["deadline", "--today", "2015-09-08", "--format", "json"], store: store)
        #expect(dotted.status == .success, "\(dotted.err)")
        #expect(dotted.out == iso.out)
        #expect(dotted.out.contains("\"today\": \"2015-09-08\""))
        let timed = runCLI(["deadline", "--today", "2015-09-08T10:00"], store: store)
        #expect(timed.status == .usage)
        #expect(timed.err.contains("a day is expected here, without a time"))
        let twoWays = runCLI(["deadline", "--today", "08/09/2015"], store: store)
        #expect(twoWays.status == .usage)
        #expect(twoWays.err.contains("reads two ways"))
    }

    @Test("A received time before the questionnaire was issued is warned about on the receipt")
    func beforeIssue() {
        let run = runCLI([
            "submit", Self.sweden, "--questionnaire", "9396/1/15", "--delegation", "SE",
            "--received", "10.03.2015", "--dry-run",
        ])
        #expect(run.status == .success, "\(run.err)")
        #expect(
            (run.out + run.err).contains(
                "warning: received 2015-03-10T12:00:00+01:00 is before 9396/1/15 was issued "
                    + "(2015-07-09)"))
        let onTime = runCLI([
            "submit", Self.sweden, "--questionnaire", "9396/1/15", "--delegation", "SE",
            "--received", "06.09.2015", "--dry-run",
        ])
        #expect(onTime.status == .success)
        #expect(!(onTime.out + onTime.err).contains("was issued"))
    }

    @Test("An unquoted time after a date option is named in the \"no such file\" error")
    func unquotedTime() {
        let run = runCLI([
            "submit", Self.sweden, "--questionnaire", "9396/1/15", "--delegation", "SE",
            "--received", "07.09.2015", "11:00",
            "--dry-run",
        ])
        #expect(run.status == .noInput)
        #expect(
            run.err.contains(
                "11:00: error: no such file; quote the date and time together: "
                    + "--received \"07.09.2015 11:00\""))
        let timed = runCLI([
            "submit", Self.sweden, "--delegation", "SE", "--received=2015-09-07T10:00", "11:00",
        ])
        #expect(timed.status == .noInput)
        #expect(!timed.err.contains("quote the date"))
        let deadline = runCLI(["deadline", "--today", "07.09.2015", "11:00"])
        #expect(deadline.status == .usage)
        #expect(
            deadline.err.contains(
                "unexpected argument '11:00' for 'deadline' (see threatsurvey deadline --help); "
                    + "--today takes a day, without a time of day"))
        let asOf = runCLI(["rank", "--as-of", "07.09.2015", "11:00"])
        #expect(asOf.status == .usage)
        #expect(
            asOf.err.contains("quote the date and time together: --as-of \"07.09.2015 11:00\""))
    }
}
