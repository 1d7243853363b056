import Dispatch

/// Compresses a streamed original's chunks on a second thread while the reader goes on, and
/// hands them back in order for the store's (single-threaded) connection to insert.
///
/// The streaming submit reads and parses on one thread and would leave the machine's
/// second core idle; compressing a 4 MiB chunk costs about as much as parsing it, so it is
/// done there, and so is the checksum of the bytes kept. At most ``maximumInFlight`` chunks wait or are being compressed: memory stays
/// bounded (a few chunks), and a reader faster than the compressor waits for it.
final class ChunkCompressor {
    /// One chunk's bytes as they will be stored: compressed with the size it gives back, or
    /// as read (`size` `nil`) when compressing did not make it smaller.
    struct Stored {
        var bytes: [UInt8]
        var size: Int?
    }

    /// A chunk handed to the compressing thread; the semaphore orders its write of `result`
    /// before the reader's read, so the box is shared without a lock.
    private final class Job: @unchecked Sendable {
        let input: [UInt8]
        var result: Stored?
        let done = DispatchSemaphore(value: 0)

        init(_ input: [UInt8]) { self.input = input }
    }

    /// The checksum and size of every chunk submitted, in order: updated on the (serial)
    /// compressing queue only, and read once every job is done.
    private final class Digest: @unchecked Sendable {
        var hasher = SHA256.Hasher()
        var size = 0
    }

    /// How many chunks may be queued or compressing at once.
    static let maximumInFlight = 2

    private let queue = DispatchQueue(label: "threatsurvey.chunk-compressor", qos: .userInitiated)
    private var pending: [Job] = []
    private let digest = Digest()
    private let level: Int32

    init(level: Int32 = ZlibStream.defaultLevel) { self.level = level }

    deinit {
        // A stream abandoned mid-way (an error) must not leave work touching freed chunks:
        // the jobs own their bytes, so waiting is only for tidiness.
        for job in pending { job.done.wait() }
    }

    /// Queues `chunk` (copied) for compression; returns the chunks finished in order, waiting
    /// for the oldest when too many are in flight.
    func submit(_ chunk: UnsafeRawBufferPointer) -> [Stored] {
        let job = Job(Array(chunk.bindMemory(to: UInt8.self)))
        let level = self.level
        let digest = self.digest
        queue.async {
            // Hashing here, in submission order on the serial queue, keeps the checksum off
            // the reader's thread (about a tenth of a streamed submit).
            job.input.withUnsafeBytes { digest.hasher.update($0) }
            digest.size += job.input.count
            if let compressed = ZlibStream.compress(job.input, level: level) {
                job.result = Stored(bytes: compressed, size: job.input.count)
            } else {
                job.result = Stored(bytes: job.input, size: nil)
            }
            job.done.signal()
        }
        pending.append(job)
        var ready: [Stored] = []
        while pending.count > Self.maximumInFlight - 1 {
            ready.append(take())
        }
        return ready
    }

    /// Every chunk still in flight, in order, once compressed, with the SHA-256 (lowercase
    /// hex) and size of all the chunks submitted.
    func finish() -> (chunks: [Stored], checksum: String, size: Int) {
        var ready: [Stored] = []
        while !pending.isEmpty { ready.append(take()) }
        let digest = self.digest
        let (checksum, size) = queue.sync { (digest.hasher.finalizeHex(), digest.size) }
        return (ready, checksum, size)
    }

    private func take() -> Stored {
        let job = pending.removeFirst()
        job.done.wait()
        return job.result ?? Stored(bytes: job.input, size: nil)
    }
}

@available(*, unavailable)
extension ChunkCompressor: Sendable {}
