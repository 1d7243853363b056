import Foundation

/// Where a command writes: results to `out`, messages to `err`.
///
/// A class so that in-process tests can capture both streams; the executable writes
/// straight to the file descriptors.
final class Console: @unchecked Sendable {
    // @unchecked: the buffers are only touched by the command running on one thread; the
    // standard console writes through FileHandle, which is thread-safe.
    private let capture: Bool
    private(set) var outText = ""
    private(set) var errText = ""
    /// Bytes written with `writeBytes` (for `show --original`).
    private(set) var outBytes: [UInt8] = []

    init(capture: Bool) {
        self.capture = capture
    }

    static var standard: Console { Console(capture: false) }

    func out(_ text: String) {
        if capture {
            outText += text
            outBytes += Array(text.utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    func err(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if capture { errText += line } else { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func writeBytes(_ bytes: [UInt8]) {
        if capture { outBytes += bytes } else { FileHandle.standardOutput.write(Data(bytes)) }
    }
}
