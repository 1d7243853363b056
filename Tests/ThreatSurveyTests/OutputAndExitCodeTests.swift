import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Outputs fail cleanly, inputs that are not regular files are refused, and every row of the
/// exit-code table is reachable.
@Suite("Outputs and exit codes")
struct OutputAndExitCodeTests {
    let folder: String
    var store: String { folder + "/store.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// The built executable (swift test builds it with the tests).
    static var binary: String {
        get throws {
            let path = TestSupport.root + "/.build/debug/threatsurvey"
            try #require(
                FileManager.default.isExecutableFile(atPath: path),
                "build the package first: \(path)")
            return path
        }
    }

    /// Runs the executable with standard output sent to `stdout` (a path), returning the exit
    /// status and standard error.
    static func spawn(
        _ arguments: [String], stdout: String = "/dev/null", onStart: ((Process) -> Void)? = nil
    ) throws -> (status: Int32, err: String) {
        let output = try #require(FileHandle(forWritingAtPath: stdout), "\(stdout) opens")
        let child = try ChildProcess.start(try binary, arguments, stdout: .handle(output))
        onStart?(child.process)
        let result = child.wait()
        return (result.status, result.errText)
    }

    func mkfifo(_ path: String) throws {
        try #require(Foundation.mkfifo(path, 0o600) == 0)
    }

    // MARK: One test per row of the exit-code table

    @Test("0: success")
    func row0() {
        defer { TestSupport.cleanUp(folder) }
        #expect(runCLI(["--version"], addQuestionnaires: false).status.rawValue == 0)
    }

    @Test("1: a check that failed (deadline --strict after the deadline, Member States missing)")
    func row1() {
        defer { TestSupport.cleanUp(folder) }
        #expect(
            runCLI(
                ["submit", TestSupport.fixture("hr.json"), "--received", "2015-08-28"], store: store
            ).status == .success)
        let result = runCLI(["deadline", "--strict", "--today", "2015-09-08"], store: store)
        #expect(result.status.rawValue == 1)
    }

    @Test("64: usage (a bad value, refused before the file is read)")
    func row64() throws {
        defer { TestSupport.cleanUp(folder) }
        let result = runCLI(["rank", "--from", TestSupport.fixture("hu.csv"), "--method", "best"])
        #expect(result.status.rawValue == 64)
    }

    @Test("65: bad data")
    func row65() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/bad.csv"
        try TestSupport.write("delegation,threat,priority\nXX,drugs,1\n", to: path)
        #expect(
            runCLI(["submit", path, "--questionnaire", "9396/1/15"], store: store).status.rawValue
                == 65)
    }

    @Test("66: input missing (no such file, a FIFO, a missing store, an unknown submission)")
    func row66() throws {
        defer { TestSupport.cleanUp(folder) }
        #expect(runCLI(["submit", folder + "/none.csv"], store: store).status.rawValue == 66)
        let fifo = folder + "/fifo.csv"
        try mkfifo(fifo)
        // Would block forever if the FIFO were opened: refused before any read.
        for arguments in [
            ["rank", "--from", fifo, "--questionnaire", "9396/1/15"],
            ["regions", "--from", fifo, "--questionnaire", "9396/1/15"],
            ["submit", fifo, "--questionnaire", "9396/1/15"], ["inspect", fifo],
        ] {
            let result = runCLI(arguments, store: arguments[0] == "inspect" ? nil : store)
            #expect(result.status.rawValue == 66, "\(arguments)")
            #expect(
                result.err
                    == "\(fifo): error: is a FIFO, not a regular file; refusing to read it\n",
                "\(arguments)")
        }
        #expect(runCLI(["inspect", "/dev/zero"]).status.rawValue == 66)
        #expect(runCLI(["history"], store: store).status.rawValue == 66)
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("70: an internal error (a trap) exits 70 with a message, not 132")
    func row70() throws {
        defer { TestSupport.cleanUp(folder) }
        let fifo = folder + "/out"
        try mkfifo(fifo)
        // A reader that never reads: the writer blocks; SIGILL is what a trap raises.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let result = try Self.spawn(["generate", "--respondents", "1000000"], stdout: fifo) {
            process in
            // Wait until the child has written to the FIFO: by then it runs its command, past
            // installing the trap handler (the first thing `main` does). No fixed delay.
            var ready = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
            #expect(poll(&ready, 1, 60_000) == 1, "the child writes within a minute")
            kill(process.processIdentifier, SIGILL)
        }
        #expect(result.status == 70)
        #expect(result.err.contains("internal error"))
    }

    @Test("73: cannot create output (a FIFO, a symbolic link or a device is never replaced)")
    func row73() throws {
        defer { TestSupport.cleanUp(folder) }
        let fifo = folder + "/fifo.csv"
        try mkfifo(fifo)
        let link = folder + "/link.csv"
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: folder + "/target.csv")
        for path in [fifo, link, "/dev/null"] {
            let result = runCLI(["generate", "--respondents", "2", "--out", path])
            #expect(result.status.rawValue == 73, "\(path)")
            #expect(result.err.hasPrefix("\(path): error: cannot create: is a"), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/target.csv"))
        #expect(
            runCLI(["generate", "--respondents", "2", "--out", folder + "/no/such/folder.csv"])
                .status.rawValue == 73)
    }

    @Test("74: an I/O error: standard output that cannot be written (an injected failing writer)")
    func row74() {
        defer { TestSupport.cleanUp(folder) }
        let err = MemoryWriter()
        let console = Console(out: FailingWriter(), err: err)
        let result = runCLI(["questionnaires"], console: console)
        #expect(result.status.rawValue == 74)
        #expect(
            String(decoding: err.bytes, as: UTF8.self)
                == "error: cannot write to standard output: No space left on device\n")
    }

    @Test("74: writing to /dev/full exits 74 with a message (the real binary)")
    func devFull() throws {
        defer { TestSupport.cleanUp(folder) }
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let result = try Self.spawn(["generate", "--respondents", "1000"], stdout: "/dev/full")
        #expect(result.status == 74)
        #expect(
            result.err.hasPrefix("error: cannot write to standard output: No space left on device"))
    }

    // MARK: --out files

    @Test("--out replaces a regular file whole, through a temporary file in the same folder")
    func atomicOut() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/load.csv"
        try TestSupport.write("old", to: path)
        #expect(runCLI(["generate", "--respondents", "5", "--out", path]).status == .success)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("delegation,respondent,threat,priority,comment\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["load.csv"])
    }

    @Test("A write failing part-way keeps the old file and leaves no temporary file")
    func failedWriteKeepsOld() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/report.html"
        try TestSupport.write("old report", to: path)
        #expect(throws: SurveyError.self) {
            try OutputFile.write(path) { (output) throws(SurveyError) in
                try output.write(Array("half a rep".utf8))
                throw SurveyError.io("cannot write to \(path): No space left on device")
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
    }

    @Test("report --out and deadline --reminders write through the same safe path")
    func reportAndReminders() throws {
        defer { TestSupport.cleanUp(folder) }
        #expect(
            runCLI(
                ["submit", TestSupport.fixture("hr.json"), "--received", "2015-08-28"], store: store
            ).status == .success)
        let fifo = folder + "/report.html"
        try mkfifo(fifo)
        #expect(
            runCLI(["report", "--out", fifo, "--today", "2015-09-08"], store: store).status
                == .cannotCreate)
        let report = folder + "/real.html"
        #expect(
            runCLI(["report", "--out", report, "--today", "2015-09-08"], store: store).status
                == .success)
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let drafts = folder + "/drafts"
        #expect(
            runCLI(["deadline", "--today", "2015-09-08", "--reminders", drafts], store: store)
                .status == .success)
        let names = try FileManager.default.contentsOfDirectory(atPath: drafts)
        #expect(names.count == 27)
        #expect(names.allSatisfy { $0.hasSuffix(".eml") })
    }
}
