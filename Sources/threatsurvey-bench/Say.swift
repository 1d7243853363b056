import Foundation

/// Progress for the person waiting: on standard error, so that standard output is only the
/// results table and can be pasted as it is.
func say(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
