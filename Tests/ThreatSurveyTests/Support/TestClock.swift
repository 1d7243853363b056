import Foundation
import Synchronization

/// A clock the test moves by hand: time-dependent behaviour is checked at exact instants,
/// never by sleeping and hoping the machine was fast enough.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_750_000_000))

    /// The clock's time, for a `now: () -> Date` parameter.
    var now: @Sendable () -> Date { { self.current.withLock { $0 } } }

    /// Moves the clock forward by `seconds`.
    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}
