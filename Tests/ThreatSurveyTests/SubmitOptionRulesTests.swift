import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The rules between `submit`'s options (``Submitter/validate(_:)``): the ones refused are
/// refused before any answer file is read (a missing file among them is not even noticed),
/// the ones allowed do what their documentation says.
@Suite("Submit option rules: checked before any file is read")
struct SubmitOptionRulesTests {
    let folder: String
    var store: String { folder + "/s.sqlite" }
    /// A file that does not exist: reading it would fail with exit 66.
    var missing: String { folder + "/not-there.csv" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    func submit(_ arguments: [String]) -> CLIResult {
        runCLI(["submit"] + arguments, store: store)
    }

    /// The contacts file that makes ro-body.eml's sender Romania's.
    func contacts() throws -> String {
        let path = folder + "/contacts.csv"
        try TestSupport.write("delegation;email\nRO;ioana.popescu@ro-rep.example.org\n", to: path)
        return path
    }

    @Test("An unknown --questionnaire is a usage error before any file is read")
    func unknownQuestionnaire() {
        defer { TestSupport.cleanUp(folder) }
        let run = submit([missing, "--questionnaire", "1/1/99"])
        #expect(run.status == .usage, "\(run.err)")
        #expect(run.err.contains("unknown questionnaire \"1/1/99\""))
        #expect(!run.err.contains("not-there.csv"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("An unknown --delegation is a usage error before any file is read (library)")
    func unknownDelegation() throws {
        defer { TestSupport.cleanUp(folder) }
        let catalog = try QuestionnaireCatalog.load(folder: TestSupport.questionnaires)
        let request = SubmitRequest(paths: [missing], delegation: "Cyprys")
        do {
            try Submitter(catalog: catalog).validate(request)
            Issue.record("an unknown Member State was accepted")
        } catch {
            #expect(error.description.contains("unknown Member State \"Cyprys\""))
            #expect(error.exitStatus == .usage)
        }
    }

    @Test("--received later than now is refused before reading, streamed files included")
    func receivedInTheFuture() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = submit([missing, "--received", "2199-01-01", "--questionnaire", "9396/1/15"])
        #expect(run.status == .usage, "\(run.err)")
        #expect(run.err.contains("--received 2199-01-01T") && run.err.contains("later than now"))
        // A large CSV the fast reader would stream was not checked at all before.
        let big = folder + "/big.csv"
        try TestSupport.write(SubmitRouteTests.longCSV(), to: big)
        let streamed = StreamingSubmitter.$thresholdForTesting.withValue(SubmitRouteTests.threshold)
        {
            submit([big, "--received", "2199-01-01", "--questionnaire", "9396/1/15"])
        }
        #expect(streamed.status == .usage, "\(streamed.err)")
        #expect(streamed.err.contains("later than now"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("--contacts is read first: a missing one is exit 66 before any answer file is read")
    func contactsMissing() {
        defer { TestSupport.cleanUp(folder) }
        let run = submit([missing, "--contacts", folder + "/nobody.csv"])
        #expect(run.status == .noInput, "\(run.err)")
        #expect(run.err.contains("nobody.csv"))
        #expect(!run.err.contains("not-there.csv"))
    }

    @Test("--contacts malformed refuses the whole --each, with its places; nothing is stored")
    func contactsMalformedUnderEach() throws {
        defer { TestSupport.cleanUp(folder) }
        let bad = folder + "/contacts.csv"
        try TestSupport.write("delegation;email\nCyprys;x@y.cy\n", to: bad)
        let run = submit([
            TestSupport.fixture("pl.csv"), MailIntakeTests.inbox("ro-body.eml"), "--each",
            "--contacts", bad, "--questionnaire", "9396/1/15",
        ])
        #expect(run.status == .dataError, "\(run.err)")
        #expect(run.err.contains("\(bad):2:1: error: unknown Member State \"Cyprys\""))
        // Refused once for the command, not once per file with the good CSV stored.
        #expect(!run.err.contains("failed, nothing stored from"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("--contacts with no mail among the files is a note, not an error")
    func contactsWithoutMail() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = submit([
            TestSupport.fixture("pl.csv"), "--contacts", try contacts(), "--received",
            "2015-09-04",
        ])
        #expect(run.status == .success, "\(run.err)")
        #expect(
            run.err.contains(
                "note: --contacts contacts.csv was not used: none of the files is a mail"))
        #expect(run.err.contains("1 submission stored in"))
        // With a mail, the contacts are used and no note is said.
        let mail = submit([
            MailIntakeTests.inbox("ro-body.eml"), "--contacts", try contacts(), "--dry-run",
            "--questionnaire", "9396/1/15",
        ])
        #expect(mail.status == .success, "\(mail.err)")
        #expect(!mail.err.contains("was not used"))
    }

    @Test("--delegation with --contacts: the answer's own, else --delegation, else the sender's")
    func delegationOverContacts() throws {
        defer { TestSupport.cleanUp(folder) }
        let both = submit([
            MailIntakeTests.inbox("ro-body.eml"), "--contacts", try contacts(), "--delegation",
            "BG", "--dry-run", "--questionnaire", "9396/1/15",
        ])
        #expect(both.status == .success, "\(both.err)")
        #expect(both.out.contains("delegation BG: --delegation"))
        let own = submit([
            MailIntakeTests.inbox("pl-csv.eml"), "--contacts", try contacts(), "--delegation",
            "BG", "--dry-run", "--questionnaire", "9396/1/15",
        ])
        #expect(own.out.contains("from PL"))
        #expect(own.out.contains("delegation: named in the file"))
    }

    @Test("--again with --dry-run is a preview of storing the same bytes again")
    func againWithDryRun() {
        defer { TestSupport.cleanUp(folder) }
        let pl = TestSupport.fixture("pl.csv")
        #expect(submit([pl, "--received", "2015-09-04"]).status == .success)
        let plain = submit([pl, "--received", "2015-09-05", "--dry-run"])
        #expect(plain.out.contains("already stored as #1"))
        let preview = submit([pl, "--received", "2015-09-05", "--dry-run", "--again"])
        #expect(preview.status == .success, "\(preview.err)")
        #expect(preview.out.contains("(dry run, not stored)"))
        #expect(!preview.out.contains("already stored"))
        #expect(preview.err.contains("1 submission validated (dry run: nothing stored)"))
        // Nothing was stored by the preview.
        #expect(submit([pl, "--received", "2015-09-06"]).out.contains("already stored as #1"))
    }

    @Test("--each with one file: a refusal lists the file and exits 65")
    func eachWithOneFile() throws {
        defer { TestSupport.cleanUp(folder) }
        let bad = folder + "/bad.csv"
        try TestSupport.write("delegation,threat,priority\nPL,no-such-threat,1\n", to: bad)
        let run = submit([
            bad, "--each", "--questionnaire", "9396/1/15", "--received", "2015-09-04",
        ])
        #expect(run.status == .dataError, "\(run.err)")
        #expect(run.err.contains("1 of 1 file failed, nothing stored from it:"))
        #expect(run.err.contains("  \(bad)"))
    }

    @Test("--received before the questionnaire was issued is a warning, and the answer stored")
    func receivedBeforeIssue() {
        defer { TestSupport.cleanUp(folder) }
        let run = submit([TestSupport.fixture("pl.csv"), "--received", "2010-01-04"])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains("warning: received 2010-01-04T12:00:00"))
        #expect(run.out.contains("is before 9396/1/15 was issued"))
    }
}
