import Foundation

extension Submitter {
    /// Most files taken from one folder given to `submit`; a folder holding more is refused
    /// (the officer most likely named the wrong one).
    public static let maximumFilesPerFolder = 10_000

    /// The paths with every folder replaced by the regular files directly in it, sorted by
    /// name (not recursive; hidden files, whose names start with ".", are left out), so that
    /// `submit inbox/` takes the day's mail in a stable order.
    ///
    /// - Throws: ``SurveyError/inputMissing(path:reason:)`` for a folder that cannot be listed,
    ///   holds no file, or holds more than ``maximumFilesPerFolder``.
    /// - Complexity: O(n log n) in the number of entries of each folder.
    public static func expandingFolders(_ paths: [String]) throws(SurveyError) -> [String] {
        var out: [String] = []
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
            let files = names.filter { !$0.hasPrefix(".") }.sorted().map {
                (path as NSString).appendingPathComponent($0)
            }
            .filter { file in
                let type =
                    (try? FileManager.default.attributesOfItem(atPath: file))?[.type]
                    as? FileAttributeType
                return type == .typeRegular
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
        return out
    }
}
