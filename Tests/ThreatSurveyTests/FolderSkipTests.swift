import Foundation
import Testing

@testable import ThreatSurvey

/// A folder given to `submit` takes its regular files; whatever else it holds (symbolic
/// links, named pipes, sub-folders) is named in a warning, never skipped silently.
@Suite("Folder skips")
struct FolderSkipTests {
    @Test("Symbolic links and FIFOs are named in a warning; the answers are read")
    func namedInWarning() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let inbox = folder + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.fixture("se-comments.txt"), toPath: inbox + "/se.txt")
        try FileManager.default.createSymbolicLink(
            atPath: inbox + "/link.csv", withDestinationPath: TestSupport.fixture("se-comments.txt")
        )
        #expect(mkfifo(inbox + "/pipe.csv", 0o600) == 0)
        let expanded = try Submitter.expandingFoldersSaying([inbox])
        #expect(expanded.files == [inbox + "/se.txt"])
        #expect(
            expanded.skipped.map(\.path) == [inbox + "/link.csv", inbox + "/pipe.csv"])
        let run = runCLI([
            "submit", inbox, "--questionnaire", "9396/1/15", "--delegation", "SE", "--received",
            "2015-09-01", "--dry-run",
        ])
        #expect(run.status == .success, "\(run.err)")
        #expect(
            run.err.contains(
                "warning: not submitted, not a regular file: \"\(inbox)/link.csv\" (a symbolic "
                    + "link, not followed), \"\(inbox)/pipe.csv\" (a named pipe (FIFO) or other "
                    + "special file)"))
    }

    @Test("The warning lists ten entries, then how many more")
    func bounded() {
        let skipped = (1...25).map {
            Submitter.SkippedEntry(path: "in/\($0)", kind: "a symbolic link, not followed")
        }
        let warning = Submitter.skippedWarning(skipped) ?? ""
        #expect(warning.contains("\"in/10\""))
        #expect(!warning.contains("\"in/11\""))
        #expect(warning.hasSuffix(" and 15 more"))
        #expect(Submitter.skippedWarning([]) == nil)
    }
}
