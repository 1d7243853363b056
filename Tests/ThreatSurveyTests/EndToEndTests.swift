import Foundation
import Testing

/// The built `threatsurvey` binary, run as a user would, through a real process.
@Suite("End to end")
struct EndToEndTests {
    /// The binary beside the test bundle (SwiftPM builds it for the tests).
    static var binary: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
                + "/threatsurvey",
            TestSupport.root + "/.build/debug/threatsurvey",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws
        -> Run
    {
        let binary = try #require(Self.binary, "the threatsurvey binary is built for the tests")
        let result = try ChildProcess.run(
            binary, arguments, in: folder, environment: environment)
        return Run(status: result.status, out: result.outText, err: result.errText)
    }

    @Test("submit, history, show through the binary, with $THREATSURVEY_STORE")
    func session() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        try FileManager.default.copyItem(
            atPath: TestSupport.questionnaires, toPath: folder + "/questionnaires")
        try FileManager.default.copyItem(
            atPath: TestSupport.fixtures + "/9396-1-15", toPath: folder + "/answers")
        let env = ["THREATSURVEY_STORE": folder + "/env.sqlite"]

        let bad = try run(["submit", "answers/manifest.json"], in: folder, environment: env)
        #expect(bad.status == 65)
        #expect(bad.err.contains("answers/manifest.json:1:1: error: missing \"delegation\""))

        let ok = try run(
            ["submit", "answers/pl.csv", "answers/hu.csv", "--received", "2015-09-07T23:30"],
            in: folder, environment: env)
        #expect(ok.status == 0)
        #expect(ok.out.contains("Submission #1 to 9396/1/15 from PL"))
        #expect(ok.out.contains("Submission #2 to 9396/1/15 from HU"))
        #expect(ok.out.contains("9396/1/15 inferred, the only one whose threats all match"))
        #expect(ok.err.contains("2 submissions stored in \(folder)/env.sqlite"))

        let late = try run(
            ["submit", "answers/pl.csv", "--received", "2015-09-08T00:10", "--again"], in: folder,
            environment: env)
        #expect(late.out.contains("LATE"))
        #expect(late.out.contains("supersedes #1 for PL"))

        let history = try run(["history", "--format", "json"], in: folder, environment: env)
        #expect(history.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [String: Any])
        #expect((object["submissions"] as? [Any])?.count == 3)

        let original = try run(["show", "2", "--original"], in: folder, environment: env)
        #expect(
            original.out
                == String(
                    decoding: try TestSupport.bytes(folder + "/answers/hu.csv"), as: UTF8.self))

        let missing = try run(["submit", "answers/nothing.csv"], in: folder, environment: env)
        #expect(missing.status == 66)
    }

    @Test("demo runs from any folder and leaves nothing behind")
    func demo() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let result = try run(["demo"], in: folder)
        #expect(result.status == 0)
        #expect(result.out.contains("20 of 28 Member States answered"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
