import Foundation

/// Checks on an input path before anything reads it.
///
/// A FIFO or a device would block a reader forever or feed it without end, so only regular
/// files (or symbolic links to them) are read; anything else is refused with exit 66 before
/// the first byte is read.
public enum InputFile {
    /// Refuses a path that does not exist, is a folder, or is not a regular file.
    ///
    /// - Throws: ``SurveyError/inputMissing(path:reason:)``.
    public static func checkReadable(_ path: String) throws(SurveyError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .inputMissing(
                path: path,
                reason: errno == ENOENT
                    ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .inputMissing(path: path, reason: "is a folder, not a file") }
        guard type == S_IFREG else {
            let what =
                type == S_IFIFO
                ? "a FIFO"
                : type == S_IFCHR || type == S_IFBLK
                    ? "a device" : type == S_IFSOCK ? "a socket" : "not a regular file"
            throw .inputMissing(
                path: path, reason: "is \(what), not a regular file; refusing to read it")
        }
    }

    /// The size in bytes of a regular file, or `nil` when it cannot be told.
    public static func size(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
