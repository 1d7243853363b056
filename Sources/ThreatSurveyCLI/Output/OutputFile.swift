import Foundation
import ThreatSurvey

/// Writes an `--out` file safely: into a temporary file in the same folder, flushed to disk,
/// then renamed over the target, so a reader never sees half a file and a full disk leaves the
/// old file (or none) rather than a truncated one.
///
/// Only a regular file is ever replaced: a FIFO, a symbolic link, a device or a folder at the
/// path is refused (exit 73) without writing anything.
enum OutputFile {
    /// Calls `produce` with a writer for the temporary file, then renames it to `path`.
    ///
    /// - Throws: ``SurveyError/cannotCreate(path:reason:)`` (73) when `path` is not a regular
    ///   file or the temporary file cannot be created; ``SurveyError/io(_:)`` (74) when writing
    ///   fails part-way, the temporary file removed.
    static func write(_ path: String, produce: (any OutputWriter) throws(SurveyError) -> Void)
        throws(SurveyError)
    {
        try checkReplaceable(path)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary =
            folder + "/." + url.lastPathComponent
            + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        var closed = false
        do throws(SurveyError) {
            try produce(FileDescriptorWriter(descriptor: descriptor, name: path))
            guard fsync(descriptor) == 0 else {
                throw SurveyError.io("cannot write to \(path): \(String(cString: strerror(errno)))")
            }
            closed = true
            guard close(descriptor) == 0 else {
                throw SurveyError.io("cannot write to \(path): \(String(cString: strerror(errno)))")
            }
            // Checked again: something may have appeared at the path while writing.
            try checkReplaceable(path)
            guard rename(temporary, path) == 0 else {
                throw SurveyError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    /// Refuses a path holding anything but a regular file (symbolic links included).
    static func checkReplaceable(_ path: String) throws(SurveyError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let type = info.st_mode & S_IFMT
        guard type != S_IFREG else { return }
        let what: String
        switch type {
        case S_IFLNK: what = "a symbolic link"
        case S_IFIFO: what = "a FIFO"
        case S_IFDIR: what = "a folder"
        case S_IFCHR, S_IFBLK: what = "a device"
        default: what = "not a regular file"
        }
        throw .cannotCreate(
            path: path,
            reason: "is \(what); refusing to replace it (only a regular file is replaced)")
    }
}
