import Foundation
package import ThreatSurvey

/// Somewhere bytes go: a file descriptor, or memory in tests.
///
/// Every write is checked: a full disk or a closed terminal is an I/O error (exit 74) naming
/// the stream, never a trap and never silently lost output.
package protocol OutputWriter: AnyObject {
    /// Writes every byte or throws ``SurveyError/io(_:)``.
    func write(_ bytes: [UInt8]) throws(SurveyError)
}

/// Writes to a file descriptor with `write(2)`, retrying short writes and interruptions.
package final class FileDescriptorWriter: OutputWriter {
    let descriptor: Int32
    let name: String

    /// A writer for `descriptor`, called `name` in error messages.
    package init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// - Complexity: O(n) in the number of bytes.
    package func write(_ bytes: [UInt8]) throws(SurveyError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .io("cannot write to \(name): \(String(cString: strerror(code)))")
            }
            if written == 0 { throw .io("cannot write to \(name): nothing written") }
            offset += written
        }
    }
}

/// Keeps everything written, for in-process tests.
package final class MemoryWriter: OutputWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty writer.
    package init() {}

    /// Keeps `bytes`.
    package func write(_ bytes: [UInt8]) throws(SurveyError) {
        self.bytes += bytes
    }
}

/// Refuses every write, as a full disk does: for testing that failures exit 74.
package final class FailingWriter: OutputWriter {
    /// A writer that always fails.
    package init() {}

    /// Throws ``SurveyError/io(_:)`` as a full disk would.
    package func write(_ bytes: [UInt8]) throws(SurveyError) {
        throw .io("cannot write to standard output: No space left on device")
    }
}
