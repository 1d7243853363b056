import CSQLite
import Foundation

/// The one SQLite file holding every submission ever received, with its original bytes.
///
/// The store never deletes or changes a submission (triggers refuse it); a resubmission is
/// a new row and "current" is computed. Each command that writes does so in one
/// transaction, so a submit is all there or not there at all. The file is created readable
/// by its owner only: the answers are politically sensitive.
public final class Store {
    /// The database file (or `:memory:`).
    public let path: String
    let db: Connection

    /// Opens the store at `path`, creating and migrating it as needed.
    ///
    /// - Throws: ``SurveyError/io(_:)`` when the file cannot be opened or is not a store,
    ///   ``SurveyError/cannotCreate(path:reason:)`` when it cannot be created.
    public init(path: String) throws(SurveyError) {
        self.path = path
        if path != ":memory:" {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                throw .cannotCreate(path: path, reason: "folder \(directory) does not exist")
            }
            if !FileManager.default.fileExists(atPath: path) {
                let fd = open(path, O_CREAT | O_WRONLY | O_EXCL, 0o600)
                if fd < 0, errno != EEXIST {
                    throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
                }
                if fd >= 0 { close(fd) }
            }
        }
        do {
            db = try Connection(path: path)
            db.setBusyTimeout(milliseconds: 30_000)
            try db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:" {
                _ = try db.query("PRAGMA journal_mode = WAL") { $0.text(0) }
                try db.execute("PRAGMA synchronous = NORMAL")
            }
        } catch {
            throw Store.failure(error, path: path)
        }
        try migrate()
    }

    /// Removes a store file and its WAL companions (for temporary stores only).
    public static func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    func fail(_ error: any Error) -> SurveyError {
        Store.failure(error, path: path)
    }

    /// The user-facing failure for an error from SQLite on the store at `path`.
    static func failure(_ error: any Error, path: String) -> SurveyError {
        if let surveyError = error as? SurveyError { return surveyError }
        guard let error = error as? SQLiteError else { return .io("\(path): \(error)") }
        if error.code == .busy || error.code == .locked {
            return .io("\(path): the store is busy (another threatsurvey is writing); try again")
        }
        if error.code == .notADatabase || error.code == .corrupt {
            return .io("\(path): not a threatsurvey store, or damaged (\(error.message))")
        }
        return .io("\(path): \(error)")
    }
}

@available(*, unavailable)
extension Store: Sendable {}
