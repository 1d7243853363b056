import Foundation
import Testing

@testable import ThreatSurvey

/// Issue 11: values in range at input, terminal-safe output, bounded warnings, JSON edge
/// cases, dates at the edge of the calendar, the store's privacy.
@Suite("Hostile input")
struct HostileInputTests {
    func messagesOf(_ text: String, name: String = "answer.csv") -> [String] {
        ((try? TestSupport.questionnaire()).map {
            TestSupport.problems(text, name: name, questionnaire: $0)
        } ?? [])
        .map(\.description)
    }

    func messages(_ text: String, name: String = "answer.csv") throws -> [String] {
        TestSupport.problems(text, name: name, questionnaire: try TestSupport.questionnaire()).map(
            \.description)
    }

    @Test("A priority beyond the maximum is refused in long CSV, matrix CSV and JSON")
    func hugePriority() throws {
        let big = "9223372036854775807"
        #expect(
            messagesOf("delegation,threat,priority\nAT,firearms,\(big)\nBE,firearms,1001\n") == [
                "answer.csv:2:13: error: bad priority \"\(big)\"; a priority is a whole number from 1 (highest) to 1000",
                "answer.csv:3:13: error: bad priority \"1001\"; a priority is a whole number from 1 (highest) to 1000",
            ])
        #expect(
            messagesOf("delegation,firearms,drugs\nAT,\(big),2\n") == [
                "answer.csv:2:4: error: bad priority \"\(big)\"; a priority is a whole number from 1 (highest) to 1000"
            ])
        let json =
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":[{"threat":"firearms","priority":99999999999999999999999}]}"#
        #expect(
            messagesOf(json, name: "p.json") == [
                "p.json:1:91: error: bad priority \"99999999999999999999999\"; a priority is a whole number from 1 (highest) to 1000"
            ])
        // The maximum itself is taken.
        let ok = try TestSupport.parse(
            "delegation,threat,priority\nAT,firearms,1000\n",
            questionnaire: try TestSupport.questionnaire())
        #expect(ok.responses.first?.mentions.first?.priority == Priority.maximum)
    }

    @Test("0x10, 1e3, +3 and 1.0 are not priorities; the plain spelling is suggested")
    func notPlainDigits() throws {
        #expect(
            messagesOf(
                "delegation,threat,priority\nAT,firearms,0x10\nAT,drugs,1e3\nBE,drugs,+3\nCY,drugs,1.0\n"
            ) == [
                "answer.csv:2:13: error: bad priority \"0x10\"; a priority is a whole number from 1 (highest); did you mean \"16\"?",
                "answer.csv:3:10: error: bad priority \"1e3\"; a priority is a whole number from 1 (highest); did you mean \"1000\"?",
                "answer.csv:4:10: error: bad priority \"+3\"; a priority is a whole number from 1 (highest); did you mean \"3\"?",
                "answer.csv:5:10: error: bad priority \"1.0\"; a priority is a whole number from 1 (highest); did you mean \"1\"?",
            ])
        #expect(
            messagesOf("delegation,firearms,drugs\nAT,+3,1e3\n") == [
                "answer.csv:2: warning: AT marks no threat",
                "answer.csv:2:4: error: bad priority \"+3\"; a priority is a whole number from 1 (highest); did you mean \"3\"?",
                "answer.csv:2:7: error: bad priority \"1e3\"; a priority is a whole number from 1 (highest); did you mean \"1000\"?",
            ])
        let json =
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":[{"threat":"firearms","priority":1e3},{"threat":"drugs","priority":-1}]}"#
        #expect(
            messagesOf(json, name: "p.json") == [
                "p.json:1:91: error: bad priority \"1e3\"; a priority is a whole number from 1 (highest); did you mean \"1000\"?",
                "p.json:1:125: error: bad priority \"-1\"; a priority is a whole number from 1 (highest)",
            ])
    }

    @Test("An unknown threat does not hide a bad priority beside it")
    func everyProblemOfARow() throws {
        let found = try messages("delegation,threat,priority\nAT,fireams,0x10\n")
        #expect(found.count == 2)
        #expect(found.first?.hasPrefix("answer.csv:2:4: error: unknown threat \"fireams\"") == true)
        #expect(found.last?.hasPrefix("answer.csv:2:12: error: bad priority \"0x10\"") == true)
    }

    @Test("ESC, BEL, CR and bidi controls from a file or its name never reach the terminal raw")
    func terminalInjection() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let esc = folder + "/esc.json"
        try TestSupport.write(
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":["\u001b[2J\u001b]0;pwned\u0007fire\r0 errors, file accepted\u202e"]}"#,
            to: esc)
        let bad = runCLI(["submit", esc, "--received", "2015-09-03"], store: folder + "/s.sqlite")
        #expect(bad.status == .dataError)
        let line = try #require(
            bad.err.split(separator: "\n").map(String.init).first { $0.contains("unknown threat") })
        #expect(
            line.contains(#"unknown threat "␛[2J␛]0;pwned␇fire␍0 errors, file accepted<U+202E>""#))
        let named = folder + "/x\u{1B}]0;t\u{07}\u{9B}.csv"
        try TestSupport.write("delegation,threat\nAT,nothing\n", to: named)
        let byName = runCLI(
            ["submit", named, "--questionnaire", "9396/1/15"], store: folder + "/s.sqlite")
        #expect(byName.err.contains("/x␛]0;t␇<U+009B>.csv:2:4: error: unknown threat"))
        for text in [bad.err, bad.out, byName.err, byName.out] {
            #expect(
                !text.unicodeScalars.contains {
                    $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value)
                })
        }
        // A stored comment with controls is shown safely in receipts and `show`.
        let ok = folder + "/ok.json"
        try TestSupport.write(
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":[{"threat":"firearms","comment":"a\u001b[31mred\u202e"}]}"#,
            to: ok)
        let stored = runCLI(
            ["submit", ok, "--questionnaire", "9396/1/15", "--received", "2015-09-03"],
            store: folder + "/s.sqlite")
        #expect(stored.status == .success, "\(stored.err)")
        let shown = runCLI(["show", "1"], store: folder + "/s.sqlite")
        #expect(shown.out.contains("a␛[31mred<U+202E>"))
        #expect(!shown.out.contains("\u{1B}"))
    }

    @Test("TerminalText.safe shows every control and clips long quotes")
    func terminalText() {
        #expect(
            TerminalText.safe("a\u{0}b\u{7F}c\u{85}d\u{2028}e\u{2066}f\tg\nh")
                == "a␀b␡c<U+0085>d<U+2028>e<U+2066>f g␊h")
        #expect(TerminalText.safe("one\r\ntwo\rthree", keepingLineBreaks: true) == "one\ntwo␍three")
        #expect(
            TerminalText.clipped(String(repeating: "x", count: 1000))
                == String(repeating: "x", count: TerminalText.quotedLimit)
                + "… (800 more characters)")
    }

    @Test("A dangling symlink as --store is refused; a new store is 0600 whatever the umask")
    func storePrivacy() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let answer = folder + "/a.csv"
        try TestSupport.write("delegation,threat\nAT,firearms\n", to: answer)
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/d.sqlite", withDestinationPath: folder + "/new.sqlite")
        let linked = runCLI(
            ["submit", answer, "--questionnaire", "9396/1/15"], store: folder + "/d.sqlite")
        #expect(linked.status == .cannotCreate)
        #expect(linked.err.contains("symbolic link to a file that does not exist"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/new.sqlite"))

        let old = umask(0)
        defer { umask(old) }
        let plain = runCLI(
            ["submit", answer, "--questionnaire", "9396/1/15"], store: folder + "/p.sqlite")
        #expect(plain.status == .success)
        let mode =
            try FileManager.default.attributesOfItem(atPath: folder + "/p.sqlite")[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!plain.err.contains("readable or writable by others"))

        #expect(chmod(folder + "/p.sqlite", 0o644) == 0)
        let exposed = runCLI(["rank"], store: folder + "/p.sqlite")
        #expect(exposed.status == .success)
        #expect(
            exposed.err.contains("warning: the store is readable or writable by others (mode 644)"))
    }

    @Test("A store already holding an absurd priority is read with one warning, not a trap")
    func absurdStoredPriority() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/s.sqlite"
        let answer = folder + "/a.csv"
        try TestSupport.write(
            "delegation,threat,priority\nAT,firearms,1\nAT,drugs,2\nBE,firearms,1\n", to: answer)
        #expect(
            runCLI(
                ["submit", answer, "--questionnaire", "9396/1/15", "--received", "2015-09-03"],
                store: path
            ).status == .success)
        do {
            // What an older tool could store: the schema only checks priority >= 1.
            let db = try Connection(path: path)
            try db.execute("UPDATE mentions SET priority = 9223372036854775807")
        }
        for command in [["rank"], ["regions"], ["summary"], ["tally"], ["show", "1"]] {
            let run = runCLI(command, store: path)
            #expect(run.status == .success, "\(command): \(run.err)")
            let warnings =
                run.err.components(separatedBy: "holds priority 9223372036854775807").count - 1
            #expect(warnings == 1, "\(command): \(run.err)")
        }
    }

    @Test("A file's warnings are listed and stored once, not under each of its submissions")
    func warningsOncePerFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let states = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES"]
        var text = "delegation,respondent,threat,priority\n"
        for i in 0..<200 {
            let s = states[i % states.count]
            text += "\(s),R\(i),firearms,1\n\(s),R\(i),firearms,2\n\(s),R\(i),drugs,3\n"
        }
        let path = folder + "/r.csv"
        try TestSupport.write(text, to: path)
        let store = folder + "/s.sqlite"
        let run = runCLI(
            ["submit", path, "--questionnaire", "9396/1/15", "--received", "2015-09-03"],
            store: store)
        #expect(run.status == .success, "\(run.err)")
        // 200 repeated rows: the first 100 listed, then one line for the rest, once.
        #expect(
            run.out.components(separatedBy: "is listed again").count - 1 == Diagnostic.listedPerFile
        )
        #expect(
            run.out.components(
                separatedBy: "and 100 more problems in this file (the first 100 are listed)"
            ).count - 1 == 1)
        let db = try Connection(path: store)
        let stored = try db.query("SELECT COUNT(*) FROM submissions WHERE warnings != ''") {
            $0.int(0)
        }
        #expect(stored == [1])
    }

    @Test("A line of millions of bad names is reported in bounded memory and output")
    func millionsOfProblems() throws {
        // Under the per-record limit: every bad name counted, the first 100 listed.
        let text =
            "delegation," + Array(repeating: "a", count: 9_000).joined(separator: ",") + "\nAT\n"
        let found = messagesOf(text)
        #expect(found.count == Diagnostic.listedPerFile + 1)
        #expect(
            found.last?.hasSuffix(
                "error: and 8900 more problems in this file (the first 100 are listed)") == true)
        // Past it (CSVReader.maximumFieldsPerRecord): one error, the rest of the line unread.
        let wide =
            "delegation," + Array(repeating: "a", count: 200_000).joined(separator: ",") + "\nAT\n"
        #expect(
            messagesOf(wide) == [
                "answer.csv:1:20010: error: more than 10000 fields in one record; the rest of the line is ignored "
                    + "(an answer has one column per threat or question)"
            ])
    }

    @Test("A JSON object with a key twice is an error naming both places")
    func duplicateKey() throws {
        let json =
            "{\"questionnaire\":\"9396/1/15\",\"delegation\":\"AT\",\n \"delegation\":\"BE\",\"threats\":[\"firearms\"]}"
        #expect(
            messagesOf(json, name: "d.json") == [
                "d.json:2:2: error: key \"delegation\" appears twice in this object (first at line 1, column 30); keep one"
            ])
    }

    @Test("A U+0000 inside a JSON string is stored whole, not cut at the NUL")
    func nulInString() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/n.json"
        try TestSupport.write(
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":[{"threat":"firearms","comment":"before\u0000after"}]}"#,
            to: path)
        let store = try Store(path: folder + "/s.sqlite")
        _ = try Submitter(catalog: try TestSupport.catalog()).submit(
            SubmitRequest(paths: [path]), into: store)
        #expect(
            try store.submissions().first?.response.mentions.first?.comment == "before\u{0}after")
        let shown = runCLI(["show", "1"], store: folder + "/s.sqlite")
        #expect(shown.out.contains("before␀after"))
    }

    @Test("--as-of 9999-12-31, the last day of the calendar, is shown as that day")
    func lastDay() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let answer = folder + "/a.csv"
        try TestSupport.write("delegation,threat\nAT,firearms\n", to: answer)
        #expect(
            runCLI(
                ["submit", answer, "--questionnaire", "9396/1/15", "--received", "2015-09-03"],
                store: folder + "/s.sqlite"
            ).status == .success)
        let run = runCLI(["rank", "--as-of", "9999-12-31"], store: folder + "/s.sqlite")
        #expect(run.out.contains("as of 9999-12-31T23:59:59"), "\(run.out)")
        #expect(CivilDate(iso: "10000-01-01") == nil)
    }

    @Test("show's status, asked of the store, agrees with history for every submission")
    func showStatusAgreesWithHistory() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        let submitter = Submitter(catalog: try TestSupport.catalog())
        let files = [
            (
                "a.csv",
                "delegation,respondent,threat,cosignatories\nBE,,drugs,LU\nAT,R1,firearms,\nAT,R2,drugs,\n",
                "2015-09-01"
            ),
            ("b.csv", "delegation,respondent,threat\nLU,,firearms\nAT,R1,drugs\n", "2015-09-02"),
            ("c.csv", "delegation,respondent,threat\nAT,R1,vat\n", "2015-09-03"),
        ]
        for (name, text, day) in files {
            try TestSupport.write(text, to: folder + "/" + name)
            _ = try submitter.submit(
                SubmitRequest(
                    paths: [folder + "/" + name], questionnaire: "9396/1/15",
                    received: DateTimeInput(day)),
                into: store)
        }
        // One submission per delegation and file: AT's respondents are gathered in each file.
        let all = try store.submissions()
        #expect(all.count == 5)
        let questionnaire = try TestSupport.questionnaire()
        let history = HistoryEntry.history(of: all, questionnaire: questionnaire)
        for entry in history {
            let alone = try HistoryEntry.entry(
                of: entry.submission, in: store, questionnaire: questionnaire)
            #expect(alone.status == entry.status, "#\(entry.submission.id)")
        }
        // The deadline check asked of the store agrees with the one over every submission.
        for day in ["2015-09-01", "2015-09-02", "2015-09-03", "2015-09-20"] {
            let today = try #require(CivilDate(iso: day))
            let cutoff = DeadlineCheck.cutoff(today: today, questionnaire: questionnaire)
            let fromStore = DeadlineCheck(
                questionnaire: questionnaire,
                answers: try store.firstAndLastAnswers(
                    questionnaire: questionnaire.id, before: cutoff), today: today)
            let fromAll = DeadlineCheck(
                questionnaire: questionnaire, submissions: all, today: today)
            #expect(fromStore.onTime == fromAll.onTime && fromStore.late == fromAll.late, "\(day)")
            #expect(
                fromStore.resubmittedLate == fromAll.resubmittedLate
                    && fromStore.missing == fromAll.missing, "\(day)")
        }
        // history --limit N reads only the last N, with the same statuses.
        for n in 1...6 {
            let latest = try HistoryEntry.latest(n, in: store, questionnaire: "9396/1/15") { _ in
                questionnaire
            }
            #expect(latest.map(\.submission.id) == history.suffix(n).map(\.submission.id))
            #expect(latest.map(\.status) == history.suffix(n).map(\.status))
        }
        let cli = runCLI(
            ["history", "--limit", "2", "--format", "json"], store: folder + "/s.sqlite")
        #expect(cli.status == .success)
        #expect(cli.out.contains("\"id\" : 5") || cli.out.contains("\"id\": 5"), "\(cli.out)")
        #expect(!cli.out.contains("\"id\" : 3") && !cli.out.contains("\"id\": 3"))
        #expect(
            history.map(\.status) == [
                "current for BE; superseded for LU by #3",
                "current for AT: 1 of 2 respondents' answers count; the others superseded by #5",
                "current", "superseded by #5", "current",
            ])
    }

    @Test("A file growing during a streamed submit is stored with the checksum of the bytes stored")
    func growingFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/gen.csv"
        var text = ""
        var generator = ConsultationGenerator(respondents: 40_000, seed: 3)
        _ = generator.generate { text += $0 }
        #expect(text.utf8.count > 5 << 20)  // more than one 4 MiB chunk
        try TestSupport.write(text, to: path)
        let lines = text.split(separator: "\n", maxSplits: 2)
        let row = try #require(lines.dropFirst().first)
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        let extra = ([fields[0], "R9999999"] + fields.dropFirst(2)).joined(separator: ",") + "\n"
        let store = try Store(path: folder + "/s.sqlite")
        store.afterStoredChunk = { seq in
            guard seq == 1, let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.seekToEndOfFile()
            handle.write(Data(String(repeating: extra, count: 1000).utf8))
            handle.closeFile()
        }
        let q = try FastPathTests.benchQuestionnaire()
        let receipt = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: path, name: "gen.csv", questionnaire: q,
                received: Date(timeIntervalSince1970: 1.7e9)))
        let stored = try store.originalBytes(fileID: receipt.fileID)
        #expect(stored.count > text.utf8.count)  // the growth was read and stored
        #expect(receipt.checksum == SHA256.hex(of: stored))
        let db = try Connection(path: folder + "/s.sqlite")
        #expect(
            try db.query("SELECT sha256, size FROM files") {
                [$0.text("sha256"), String($0.int("size"))]
            }.first == [SHA256.hex(of: stored), String(stored.count)])
    }

    @Test("Read-only commands work on a read-only store in a read-only folder")
    func readOnlyStore() throws {
        let folder = try TestSupport.temporaryFolder()
        defer {
            chmod(folder + "/ro", 0o700)
            TestSupport.cleanUp(folder)
        }
        let ro = folder + "/ro"
        try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: true)
        try TestSupport.write("delegation,threat\nAT,firearms\n", to: folder + "/a.csv")
        #expect(
            runCLI(
                ["submit", folder + "/a.csv", "--questionnaire", "9396/1/15"],
                store: ro + "/s.sqlite"
            ).status == .success)
        // The binary and the questionnaires are copied beside the store: the user who runs
        // them below must reach them wherever the checkout lives (a private 0700 folder too).
        let binary = folder + "/threatsurvey"
        try FileManager.default.copyItem(atPath: try #require(EndToEndTests.binary), toPath: binary)
        let questionnaires = folder + "/questionnaires"
        try FileManager.default.copyItem(
            atPath: TestSupport.questionnaires, toPath: questionnaires)
        // As root, permissions do not bind: run the binary as nobody (setpriv), for whom
        // the store is read-only and the folder cannot be written.
        let asRoot = getuid() == 0
        if asRoot {
            #expect(
                chown(folder, 65534, 65534) == 0 && chown(ro, 65534, 65534) == 0
                    && chown(ro + "/s.sqlite", 65534, 65534) == 0)
        }
        #expect(chmod(folder, 0o755) == 0)
        #expect(chmod(ro + "/s.sqlite", 0o400) == 0)
        #expect(chmod(ro, 0o500) == 0)
        // The test means something only if the store cannot be written by whoever runs the
        // commands: check that first, as that user.
        let writer = asRoot ? "/usr/bin/setpriv" : "/bin/sh"
        let probe =
            (asRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh"] : [])
            + ["-c", "echo x >> '\(ro)/s.sqlite' || echo x > '\(ro)/new'"]
        #expect(try ChildProcess.run(writer, probe).status != 0, "the store is read-only")
        for command in [["rank"], ["history"], ["show", "1"], ["tally"], ["regions"]] {
            let arguments =
                command + ["--store", ro + "/s.sqlite", "--questionnaires", questionnaires]
            let result =
                asRoot
                ? try ChildProcess.run(
                    "/usr/bin/setpriv",
                    ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments,
                    stdout: .handle(FileHandle.nullDevice))
                : try ChildProcess.run(binary, arguments, stdout: .handle(FileHandle.nullDevice))
            #expect(result.status == 0, "\(command): \(result.errText)")
        }
        #expect(!FileManager.default.fileExists(atPath: ro + "/s.sqlite-wal"))
    }

    @Test("A huge unknown name is quoted cut to 200 characters, not whole")
    func longNameClipped() throws {
        let name = String(repeating: "z", count: 5000)
        let found = messagesOf("delegation,threat\nAT,\(name)\n")
        let line = try #require(found.first)
        #expect(
            line.hasPrefix(
                "answer.csv:2:4: error: unknown threat \""
                    + String(repeating: "z", count: TerminalText.quotedLimit)
                    + "… (4800 more characters)\""))
        #expect(line.count < 400)
    }
}
