import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Progress on standard error: only on a terminal, only past a second, every byte counted.
@Suite("Progress")
struct ProgressReporterTests {
    @Test("Progress: nothing when standard error is not a terminal")
    func progressNotTerminal() {
        let console = Console(capture: true)
        let reporter = ProgressReporter(
            what: "reading", console: console, enabled: console.errIsTerminal)
        reporter.start(total: 1000)
        for _ in 0..<1000 { reporter.advance(bytes: 1, rows: 1) }
        reporter.finish()
        #expect(console.errText.isEmpty)
        #expect(CommandContext(console: console, variables: [:]).progress("reading") == nil)
        // And a whole command: generate prints only its summary line.
        let generated = runCLI(["generate", "--respondents", "50"], addQuestionnaires: false)
        #expect(generated.err.hasPrefix("respondents=50 rows="))
        #expect(generated.err.split(separator: "\n").count == 1)
        #expect(!generated.err.contains("\r"))
    }

    @Test("Progress: the line says bytes read of the total and rows per second")
    func progressLine() {
        #expect(
            ProgressReporter.line(
                what: "reading", bytes: 12_500_000, total: 84_000_000, rows: 2_500_000, elapsed: 2)
                == "reading: 12.5 MB of 84.0 MB (14%), 1,250,000 rows/s")
        #expect(
            ProgressReporter.line(what: "generating", bytes: 0, total: nil, rows: 0, elapsed: 0)
                == "generating: 0.0 MB")
        #expect(ProgressReporter.grouped(999) == "999")
        #expect(ProgressReporter.grouped(1_000) == "1,000")
    }

    @Test("Progress: shown on a terminal once the work runs past a second, then every 0.25 s")
    func progressTerminal() {
        let err = MemoryWriter()
        let console = Console(out: MemoryWriter(), err: err, errIsTerminal: true)
        let clock = TestClock()
        let reporter = ProgressReporter(
            what: "reading", console: console, enabled: true, now: clock.now)
        reporter.start(total: 100)
        reporter.advance(bytes: 10, rows: 10)
        #expect(err.bytes.isEmpty)
        clock.advance(by: ProgressReporter.delay - 0.01)
        reporter.advance(bytes: 0, rows: 0)
        #expect(err.bytes.isEmpty)
        clock.advance(by: 0.11)
        reporter.advance(bytes: 10, rows: 10)
        #expect(
            String(decoding: err.bytes, as: UTF8.self).contains("reading: 0.0 MB of 0.0 MB (20%)"))
        let shown = err.bytes.count
        clock.advance(by: ProgressReporter.interval / 2)
        reporter.advance(bytes: 10, rows: 10)
        #expect(err.bytes.count == shown)
        clock.advance(by: ProgressReporter.interval)
        reporter.advance(bytes: 10, rows: 10)
        #expect(String(decoding: err.bytes, as: UTF8.self).contains("(40%)"))
        reporter.finish()
    }

    @Test("The fast path reports every byte it reads, and its rows, to the progress sink")
    func fastPathReportsProgress() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/load.csv"
        #expect(
            runCLI(["generate", "--respondents", "300", "--out", path], addQuestionnaires: false)
                .status == .success)
        let catalog = try QuestionnaireCatalog.load(folder: TestSupport.fixtures + "/load-test")
        let sink = RecordingSink()
        let input = try AnalysisInput.load(
            AnalysisRequest(files: [path]), catalog: catalog, store: nil, progress: sink)
        #expect(input.counted.reading == .fastReader)
        let size = try #require(InputFile.size(path))
        let lines =
            try String(contentsOfFile: path, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false
            ).count - 1
        #expect(
            sink.state
                == RecordingSink.State(total: size, bytes: Int(size), rows: lines, finished: true))
        // Small chunks: the file is read in two parts on two threads, both reporting.
        let twoParts = RecordingSink()
        let questionnaire = try catalog.find("BENCH/1/26")
        _ = try ProgressContext.with(twoParts, total: size) { () throws(SurveyError) in
            try LongCSVAggregator.aggregate(
                path: path, questionnaire: questionnaire, chunkSize: 4096)
        }
        #expect(twoParts.state.bytes >= Int(size) - 4096)
        #expect(twoParts.state.rows >= lines - 100)
    }
}

/// Remembers what a reader reported.
final class RecordingSink: ProgressSink, @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    struct State: Equatable {
        var total: Int64?
        var bytes = 0
        var rows = 0
        var finished = false
    }
    private let lock = NSLock()
    private var recorded = State()
    var state: State { lock.withLock { recorded } }

    func start(total: Int64?) { lock.withLock { recorded.total = total } }
    func advance(bytes: Int, rows: Int) {
        lock.withLock {
            recorded.bytes += bytes
            recorded.rows += rows
        }
    }
    func finish() { lock.withLock { recorded.finished = true } }
}
