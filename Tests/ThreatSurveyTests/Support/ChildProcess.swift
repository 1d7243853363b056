import Foundation
import Synchronization

/// Runs a child process and collects its standard output and standard error *at the same
/// time*.
///
/// Reading one pipe to its end before the other deadlocks as soon as the child fills the
/// second pipe's buffer (64 KiB on Linux): the child blocks writing it while the test blocks
/// reading the first. Each pipe gets its own reader here, so no output size can hang a test.
enum ChildProcess {
    /// What the child wrote and how it ended.
    struct Result {
        var status: Int32
        var out: [UInt8]
        var err: [UInt8]
        var outText: String { String(decoding: out, as: UTF8.self) }
        var errText: String { String(decoding: err, as: UTF8.self) }
    }

    /// Where the child's standard output goes: a pipe the result collects, or a file handle
    /// (a file, a FIFO, `/dev/null`) left to the caller.
    enum Output {
        case collected
        case handle(FileHandle)
    }

    /// Bytes read on another thread, handed back under a lock.
    fileprivate final class Collected: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    /// A started child whose outputs are being read.
    final class Running {
        /// The child (to signal it, or read its pid).
        let process: Process
        fileprivate let readers: DispatchGroup
        fileprivate let out: Collected
        fileprivate let err: Collected

        fileprivate init(
            process: Process, readers: DispatchGroup, out: Collected, err: Collected
        ) {
            self.process = process
            self.readers = readers
            self.out = out
            self.err = err
        }

        /// Waits for both outputs to end and the child to exit.
        func wait() -> Result {
            readers.wait()
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus, out: out.bytes.withLock { $0 },
                err: err.bytes.withLock { $0 })
        }
    }

    /// Starts `executable` with `arguments`; both outputs are read from now on, each by its
    /// own reader.
    static func start(
        _ executable: String, _ arguments: [String], in folder: String? = nil,
        environment: [String: String]? = nil, stdout: Output = .collected
    ) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        if let environment { process.environment = environment }
        let outPipe = Pipe()
        let errPipe = Pipe()
        var collectsOut = false
        switch stdout {
        case .collected:
            process.standardOutput = outPipe
            collectsOut = true
        case .handle(let handle):
            process.standardOutput = handle
        }
        process.standardError = errPipe
        try process.run()
        let readers = DispatchGroup()
        let out = Collected()
        let err = Collected()
        var pipes = [(errPipe, err)]
        if collectsOut { pipes.append((outPipe, out)) }
        for (pipe, into) in pipes {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: readers) {
                let data = handle.readDataToEndOfFile()
                into.bytes.withLock { $0 = [UInt8](data) }
            }
        }
        return Running(process: process, readers: readers, out: out, err: err)
    }

    /// Runs `executable` with `arguments` to the end, reading both outputs concurrently.
    static func run(
        _ executable: String, _ arguments: [String], in folder: String? = nil,
        environment: [String: String]? = nil, stdout: Output = .collected
    ) throws -> Result {
        try start(
            executable, arguments, in: folder, environment: environment, stdout: stdout
        ).wait()
    }
}
