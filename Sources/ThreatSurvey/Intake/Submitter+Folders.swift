import Foundation

extension Submitter {
    /// Most files taken from one folder given to `submit`; a folder holding more is refused
    /// (the officer most likely named the wrong one).
    public static let maximumFilesPerFolder = 10_000

    /// A folder entry `submit` left out because it is not a regular file, and what it is.
    public struct SkippedEntry: Sendable, Hashable {
        /// The entry's path (folder and name).
        public var path: String
        /// What it is: "a symbolic link", "a named pipe (FIFO)", "a folder", ….
        public var kind: String
    }

    /// The paths with every folder replaced by the regular files directly in it, sorted by
    /// name (not recursive; hidden files, whose names start with ".", are left out), so that
    /// `submit inbox/` takes the day's mail in a stable order.
    ///
    /// - Throws: ``SurveyError/inputMissing(path:reason:)`` for a folder that cannot be listed,
    ///   holds no file, or holds more than ``maximumFilesPerFolder``.
    /// - Complexity: O(n log n) in the number of entries of each folder.
    public static func expandingFolders(_ paths: [String]) throws(SurveyError) -> [String] {
        try expandingFoldersSaying(paths).files
    }

    /// The folders' files as ``expandingFolders(_:)`` gives them, and the entries left out.
    ///
    /// Left out: symbolic links (which could lead anywhere, and are not followed), named pipes
    /// (reading one would wait forever), devices, sockets and sub-folders. The officer is told
    /// of each (``skippedWarning(_:)``): a file left out silently is an answer never counted.
    ///
    /// - Throws: as ``expandingFolders(_:)``.
    public static func expandingFoldersSaying(_ paths: [String]) throws(SurveyError) -> (
        files: [String], skipped: [SkippedEntry]
    ) {
        var out: [String] = []
        var skipped: [SkippedEntry] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                out.append(path)
                continue
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw .inputMissing(
                    path: path, reason: "the folder cannot be listed (permissions?)")
            }
            var files: [String] = []
            for name in names.filter({ !$0.hasPrefix(".") }).sorted() {
                let file = (path as NSString).appendingPathComponent(name)
                // attributesOfItem does not follow a final symbolic link: a link is a link.
                let type =
                    (try? FileManager.default.attributesOfItem(atPath: file))?[.type]
                    as? FileAttributeType
                if type == .typeRegular {
                    files.append(file)
                } else {
                    skipped.append(SkippedEntry(path: file, kind: describe(type)))
                }
            }
            if files.isEmpty {
                throw .inputMissing(path: path, reason: "the folder holds no file to submit")
            }
            if files.count > maximumFilesPerFolder {
                throw .inputMissing(
                    path: path,
                    reason:
                        "the folder holds \(files.count) files, more than the \(maximumFilesPerFolder) one submit takes"
                )
            }
            out += files
        }
        return (out, skipped)
    }

    /// The warning naming entries a folder submit left out, at most
    /// ``TerminalText/listedLimit`` of them, then "and N more"; `nil` when none was.
    public static func skippedWarning(_ skipped: [SkippedEntry]) -> String? {
        guard !skipped.isEmpty else { return nil }
        return "warning: not submitted, not a regular file: "
            + TerminalText.list(skipped) { "\"\(TerminalText.clipped($0.path))\" (\($0.kind))" }
    }

    private static func describe(_ type: FileAttributeType?) -> String {
        switch type {
        case .typeSymbolicLink?: "a symbolic link, not followed"
        case .typeDirectory?: "a folder; folders are not read recursively"
        case .typeCharacterSpecial?, .typeBlockSpecial?: "a device"
        case .typeSocket?: "a socket"
        case nil: "cannot be read"
        default: "a named pipe (FIFO) or other special file"
        }
    }
}
