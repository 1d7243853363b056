import Foundation

/// The size on disk of a file a command wrote, with its companion files counted apart: a
/// SQLite store whose `-wal` is not empty after the writer exited was not checkpointed, so the
/// main file alone would not be the whole store.
struct FileSize {
    var main: Int
    /// Bytes per companion suffix, only those present.
    var companions: [String: Int]

    var total: Int { main + companions.values.reduce(0, +) }

    init(of artifact: Artifact) {
        main = Workspace.size(artifact.path)
        companions = [:]
        for suffix in artifact.companions
        where FileManager.default.fileExists(atPath: artifact.path + suffix) {
            companions[suffix] = Workspace.size(artifact.path + suffix)
        }
    }

    /// "12.3 MB", or with the companions: "12.3 MB (file 12.0 MB + -wal 0.3 MB)".
    var description: String {
        let parts = companions.sorted { $0.key < $1.key }.map {
            "\($0.key) \(FileSize.mb($0.value))"
        }
        return parts.isEmpty
            ? FileSize.mb(total)
            : "\(FileSize.mb(total)) (file \(FileSize.mb(main)) + \(parts.joined(separator: " + ")))"
    }

    /// Decimal megabytes, as the issue states the CSV's size (168 MB).
    static func mb(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}
