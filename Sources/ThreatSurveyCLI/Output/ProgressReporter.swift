import Foundation
import ThreatSurvey

/// Shows how far long work got: a line on standard error, replaced in place, once the work has
/// run past ``delay`` and only when standard error is a terminal (never in a pipe or a log).
///
/// The library counts through ``ProgressSink``; this type decides whether and how to show it.
final class ProgressReporter: ProgressSink, @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `lock`.
    /// Seconds of work before the first line: quick commands print nothing.
    static let delay = 1.0
    /// Seconds between two lines.
    static let interval = 0.25

    private let what: String
    private let console: Console
    private let enabled: Bool
    private let lock = NSLock()
    private var total: Int64?
    private var bytes: Int64 = 0
    private var rows = 0
    private var started: Date
    private var lastShown: Date?
    /// The clock: the system's, or one a test advances (no test waits for a real second).
    private let now: @Sendable () -> Date

    init(
        what: String, console: Console, enabled: Bool,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.what = what
        self.console = console
        self.enabled = enabled
        self.now = now
        self.started = now()
    }

    func start(total: Int64?) {
        lock.withLock {
            self.total = total
            started = now()
        }
    }

    func advance(bytes: Int, rows: Int) {
        guard enabled else { return }
        lock.withLock {
            self.bytes += Int64(max(0, bytes))
            self.rows += max(0, rows)
            let time = now()
            let elapsed = time.timeIntervalSince(started)
            guard elapsed >= Self.delay,
                lastShown.map({ time.timeIntervalSince($0) >= Self.interval }) ?? true
            else { return }
            lastShown = time
            console.progress(
                Self.line(
                    what: what, bytes: self.bytes, total: total, rows: self.rows, elapsed: elapsed))
        }
    }

    func finish() {
        lock.withLock {
            if lastShown != nil { console.progress("") }
            lastShown = nil
        }
    }

    /// `reading: 12.5 MB of 84.0 MB (14%), 1,250,000 rows/s`.
    static func line(what: String, bytes: Int64, total: Int64?, rows: Int, elapsed: Double)
        -> String
    {
        var text = "\(what): \(megabytes(bytes))"
        if let total, total > 0 {
            let percent = Int((Double(min(bytes, total)) / Double(total) * 100).rounded(.down))
            text += " of \(megabytes(total)) (\(percent)%)"
        }
        if rows > 0, elapsed > 0 {
            text += ", \(grouped(Int((Double(rows) / elapsed).rounded()))) rows/s"
        }
        return text
    }

    /// Bytes as megabytes with one decimal (`12.5 MB`).
    static func megabytes(_ bytes: Int64) -> String {
        let tenths = Int64((Double(max(0, bytes)) / 100_000).rounded())
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// `1250000` → `1,250,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(max(0, value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
