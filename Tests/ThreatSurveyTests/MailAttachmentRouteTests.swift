import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// A large CSV attached to a mail is read whole by the general reader (a mail is read whole;
/// the fast reader streams files on disk): its route says so, in a `note:` and in the
/// receipt, dry run or not, refused or not.
///
/// The streaming threshold is lowered to 64 KiB (``StreamingSubmitter/thresholdForTesting``).
@Suite("Mail attachment routes: a large CSV in a mail says why it is read whole")
struct MailAttachmentRouteTests {
    let folder: String
    var store: String { folder + "/s.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// A mail with `csv` attached as `big.csv`, written to the folder.
    func mail(_ csv: String, name: String = "big.csv") throws -> String {
        let path = folder + "/answers.eml"
        try TestSupport.write(
            MailIntakeTests.eml(attachment: (name, "text/csv", csv)), to: path)
        return path
    }

    func submit(_ arguments: [String]) -> CLIResult {
        StreamingSubmitter.$thresholdForTesting.withValue(SubmitRouteTests.threshold) {
            runCLI(
                ["submit"] + arguments + ["--questionnaire", "9396/1/15"], store: store)
        }
    }

    static let why =
        "it is an attachment of a mail, which is read whole (the fast reader streams files on "
        + "disk only); save it and submit it on its own to stream it"

    @Test("Stored: the note and the receipt say the attachment was read whole, and why")
    func stored() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = try mail(SubmitRouteTests.longCSV())
        let run = submit([path])
        #expect(run.status == .success, "\(run.err)")
        let route =
            "\(path) » big.csv: read by the general reader (about 1 MB/s): \(Self.why); it is "
            + "stored the same way"
        #expect(run.err.contains("note: " + route))
        // The table wraps the note: compared with its line breaks as spaces.
        let out = run.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(out.contains(route))
    }

    @Test("Dry run, JSON: the route has code mailAttachment")
    func dryRunJSON() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = try mail(SubmitRouteTests.longCSV())
        let run = submit([path, "--dry-run", "--format", "json"])
        #expect(run.status == .success, "\(run.err)")
        #expect(
            run.err.contains(
                "note: \(path) » big.csv: read by the general reader (dry run); stored, it would "
                    + "be read by it too (about 1 MB/s): \(Self.why)"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let routes = try #require(object["routes"] as? [[String: Any]])
        #expect(routes.count == 1)
        #expect(routes.first?["code"] as? String == "mailAttachment")
        #expect(routes.first?["file"] as? String == "\(path) » big.csv")
    }

    @Test("Refused: the note is still said before the errors")
    func refused() throws {
        defer { TestSupport.cleanUp(folder) }
        let csv = SubmitRouteTests.longCSV() + "PL,R9999999,no-such-threat,1\n"
        let path = try mail(csv)
        let run = submit([path])
        #expect(run.status == .dataError, "\(run.err)")
        #expect(run.err.contains("note: \(path) » big.csv: read by the general reader"))
        #expect(run.err.contains("no-such-threat"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("A small attachment has no route")
    func small() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = try mail("delegation,threat,priority\nPL,drugs,1\n")
        let run = submit([path, "--dry-run"])
        #expect(run.status == .success, "\(run.err)")
        #expect(!run.err.contains("note: \(path) » big.csv"))
        #expect(!run.out.contains("general reader"))
    }
}
