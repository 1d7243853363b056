/// Where long work reports how far it got, so a command line can show progress.
///
/// The library only counts; whether anything is shown (a terminal, after a second) is the
/// caller's business. Called from the reading thread; implementations must be cheap.
public protocol ProgressSink: AnyObject, Sendable {
    /// The work starts; `total` bytes are expected when known.
    func start(total: Int64?)
    /// `bytes` more were read and `rows` more rows handled.
    func advance(bytes: Int, rows: Int)
    /// The work is over (successfully or not).
    func finish()
}
