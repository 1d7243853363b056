/// The ``ProgressSink`` long reads report to, set around a piece of work without threading a
/// parameter through every reader.
public enum ProgressContext {
    /// The sink of the work running on this task, if any.
    @TaskLocal public static var sink: (any ProgressSink)?

    /// Runs `body` with `sink` receiving the progress of the reads inside it, `total` bytes
    /// expected when known.
    public static func with<T>(
        _ sink: (any ProgressSink)?, total: Int64?, _ body: () throws(SurveyError) -> T
    ) throws(SurveyError) -> T {
        sink?.start(total: total)
        defer { sink?.finish() }
        do {
            return try $sink.withValue(sink) { try body() }
        } catch let error as SurveyError {
            throw error
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// Tells `sink` that `count` bytes at `bytes` were read, counting their line ends as rows.
    ///
    /// - Complexity: O(count) when a sink is set, O(1) otherwise.
    @inline(__always)
    static func report(_ sink: (any ProgressSink)?, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
        guard let sink, count > 0 else { return }
        var rows = 0
        for index in 0..<count where bytes[index] == 0x0A { rows += 1 }
        sink.advance(bytes: count, rows: rows)
    }
}
