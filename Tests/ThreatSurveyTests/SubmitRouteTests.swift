import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Routes: a large CSV that the fast reader takes says so on its receipt; one it declines,
/// or one the request keeps from it, is read by the general reader and the receipt (table and
/// JSON) and a `note:` say why, dry runs and `--each` included (issue 18).
///
/// The streaming threshold is lowered to 64 KiB for these tests
/// (``StreamingSubmitter/thresholdForTesting``), so that the files are kilobytes, not 8 MiB.
@Suite("Submit routes: which reader took a large file, and why")
struct SubmitRouteTests {
    let folder: String
    static let threshold = 64 << 10

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// A long CSV with respondents just over the lowered threshold: two rows per respondent
    /// over five Member States; `quoted` quotes every delegation, `apart` repeats respondent 1
    /// at the end, `extraColumn` adds a column the fast reader does not know.
    static func longCSV(quoted: Bool = false, apart: Bool = false, extraColumn: Bool = false)
        -> String
    {
        let states = ["FR", "DE", "IT", "PL", "ES"]
        var text = "delegation,respondent,threat,priority" + (extraColumn ? ",cosignatories" : "")
        text += "\n"
        var r = 1
        while text.utf8.count < threshold + 1024 {
            let id = "R" + String(repeating: "0", count: 7 - String(r).count) + String(r)
            let state = quoted ? "\"\(states[r % 5])\"" : states[r % 5]
            let extra = extraColumn ? "," : ""
            text += "\(state),\(id),drugs,1\(extra)\n\(state),\(id),firearms,2\(extra)\n"
            r += 1
        }
        if apart { text += "\(states[1]),R0000001,tobacco-smuggling,3\n" }
        return text
    }

    /// Runs `submit` with the lowered threshold.
    func submit(_ arguments: [String]) -> CLIResult {
        StreamingSubmitter.$thresholdForTesting.withValue(Self.threshold) {
            runCLI(
                ["submit"] + arguments + ["--questionnaire", "9396/1/15"],
                store: folder + "/s.sqlite")
        }
    }

    /// The JSON receipt's `routes`.
    func routes(_ result: CLIResult) throws -> [[String: Any]] {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        return try #require(object["routes"] as? [[String: Any]])
    }

    @Test("A large file the fast reader takes is streamed, and its receipt says so")
    func fast() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/big.csv"
        try TestSupport.write(Self.longCSV(), to: path)
        let table = submit([path])
        #expect(table.status == .success, "\(table.err)")
        #expect(table.out.contains("route:         fast reader"))
        #expect(table.err.contains("by streaming"))
        #expect(!table.err.contains("general reader"))
        try TestSupport.write(Self.longCSV(), to: folder + "/big2.csv")
        let json = submit([folder + "/big2.csv", "--format", "json"])
        #expect(json.status == .success, "\(json.err)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let streamed = try #require(object["streamed"] as? [String: Any])
        #expect((streamed["route"] as? [String: Any])?["path"] as? String == "fast")
    }

    @Test(
        "A large file the fast reader declines is read by the general reader, which says why",
        arguments: [
            ("quoted", "a delegation, threat, priority or respondent value is quoted"),
            ("apart", "one respondent's rows are not together; sort the file by respondent"),
        ])
    func declined(kind: String, why: String) throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/big.csv"
        try TestSupport.write(
            Self.longCSV(quoted: kind == "quoted", apart: kind == "apart"), to: path)
        let result = submit([path, "--format", "json"])
        #expect(result.status == .success, "\(result.err)")
        #expect(
            result.err.contains(
                "note: \(path): read by the general reader (about 1 MB/s): \(why)"))
        #expect(result.err.contains("it is stored the same way"))
        let route = try #require(try routes(result).first)
        #expect(route["file"] as? String == path)
        #expect(route["path"] as? String == "general")
        #expect(route["code"] as? String == "declined")
        #expect((route["reason"] as? String)?.hasPrefix(why) == true)
    }

    @Test("The table receipt of a declined file carries the route as a note")
    func declinedTable() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/big.csv"
        try TestSupport.write(Self.longCSV(quoted: true), to: path)
        let result = submit([path])
        #expect(result.status == .success, "\(result.err)")
        #expect(result.out.contains("read by the general reader (about 1 MB/s)"))
    }

    @Test("A dry run says whether a real submit would stream the file, or why not")
    func dryRun() throws {
        defer { TestSupport.cleanUp(folder) }
        let good = folder + "/good.csv"
        let bad = folder + "/bad.csv"
        try TestSupport.write(Self.longCSV(), to: good)
        try TestSupport.write(Self.longCSV(apart: true), to: bad)
        let streams = submit([good, "--dry-run", "--format", "json"])
        #expect(streams.status == .success, "\(streams.err)")
        #expect(try routes(streams).first?["code"] as? String == "dryRun")
        #expect(streams.err.contains("stored, this file will be streamed by the fast reader"))
        let declines = submit([bad, "--dry-run", "--format", "json"])
        #expect(declines.status == .success, "\(declines.err)")
        #expect(try routes(declines).first?["code"] as? String == "declined")
        #expect(declines.err.contains("stored, it would be read by it too (about 1 MB/s)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/s.sqlite"))
    }

    @Test("A large file submitted with a small one, or with --each, says what keeps it slow")
    func requestReasons() throws {
        defer { TestSupport.cleanUp(folder) }
        let big = folder + "/big.csv"
        let small = folder + "/small.csv"
        try TestSupport.write(Self.longCSV(), to: big)
        try TestSupport.write("delegation,threat\nCY,drugs\n", to: small)
        let mixed = submit([big, small, "--dry-run", "--format", "json"])
        #expect(mixed.status == .success, "\(mixed.err)")
        let routes = try routes(mixed)
        #expect(routes.count == 1)
        #expect(routes.first?["code"] as? String == "mixedWithOtherFiles")
        #expect(mixed.err.contains("submit large CSV files on their own to stream them"))
        let each = submit([big, "--each", "--dry-run"])
        #expect(each.status == .success, "\(each.err)")
        #expect(each.err.contains("--each reads every file on its own"))
    }

    @Test("Two large files, one declined: both read by the general reader, each saying why")
    func withDeclinedFile() throws {
        defer { TestSupport.cleanUp(folder) }
        let good = folder + "/good.csv"
        let bad = folder + "/bad.csv"
        try TestSupport.write(Self.longCSV(), to: good)
        try TestSupport.write(Self.longCSV(quoted: true), to: bad)
        let result = submit([good, bad, "--format", "json"])
        #expect(result.status == .success, "\(result.err)")
        let routes = try routes(result)
        #expect(routes.map { $0["code"] as? String } == ["withDeclinedFile", "declined"])
        #expect(
            result.err.contains("it was submitted with bad.csv, which the fast reader declines"))
    }

    @Test(
        "Every decline of the fast reader is a typed reason",
        arguments: [
            ("delegation,firearms,drugs\nFR,1,2\n", FastPathDecline.notLongForm),
            ("sep=;\ndelegation;threat\nFR;drugs\n", .separatorLine),
            ("\"delegation\",threat\nFR,drugs\n", .quotedHeader),
            ("delegation,threat\nFR,fire arms\n", .unknownThreat("fire arms")),
            ("delegation,threat,priority\nFR,drugs,high\n", .priorityNotWholeNumber),
            ("delegation,threat,priority\nFR,drugs,0\n", .priorityOutOfRange),
            ("delegation,threat,comment\nFR,drugs,\"open\n", .unfinishedRecord),
            ("delegation,threat,comment\nFR,drugs\n", .raggedRow),
            ("delegation,threat,cosignatories\nFR,drugs,DE\n", .unknownColumn("cosignatories")),
            ("delegation,threat\nXX,drugs\n", .unknownMemberState("XX")),
        ])
    func typed(text: String, reason: FastPathDecline) throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/x.csv"
        try TestSupport.write(text, to: path)
        let outcome = try LongCSVAggregator.aggregate(
            path: path, questionnaire: try TestSupport.questionnaire())
        guard case .declined(let found) = outcome else {
            Issue.record("expected the fast path to decline")
            return
        }
        #expect(found == reason)
    }

    @Test("A file in UTF-16 or Windows-1252 is declined for its encoding")
    func encoding() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/x.csv"
        let q = try TestSupport.questionnaire()
        try TestSupport.write(
            bytes: [0xFF, 0xFE]
                + Array("delegation,threat\n".utf16).flatMap {
                    [UInt8($0 & 0xFF), UInt8($0 >> 8)]
                }, to: path)
        guard
            case .declined(.encoding) = try LongCSVAggregator.aggregate(
                path: path, questionnaire: q)
        else {
            Issue.record("UTF-16 not declined for its encoding")
            return
        }
        try TestSupport.write(
            bytes: Array("delegation,threat\nFR,drog".utf8) + [0xE9] + Array("s\n".utf8), to: path)
        guard
            case .declined(.encoding) = try LongCSVAggregator.aggregate(
                path: path, questionnaire: q)
        else {
            Issue.record("Windows-1252 not declined for its encoding")
            return
        }
    }
}
