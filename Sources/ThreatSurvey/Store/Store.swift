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
    public convenience init(path: String) throws(SurveyError) {
        try self.init(path: path, busyTimeout: Store.busyTimeout)
    }

    /// How long a writer waits for another process's write lock before giving up with "the
    /// store is busy": 30 seconds, longer than any submit holds it.
    public static let busyTimeout: Duration = .seconds(30)

    /// Opens the store at `path`, waiting up to `busyTimeout` on another writer's lock (a
    /// knob for tests, which must not wait long).
    init(path: String, busyTimeout: Duration) throws(SurveyError) {
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
            let (seconds, attoseconds) = busyTimeout.components
            db.setBusyTimeout(milliseconds: Int(min(seconds, 86_400)) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
            try db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:" {
                _ = try db.query("PRAGMA journal_mode = WAL") { $0.text("journal_mode") }
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

    /// The user-facing failure for an error from SQLite on the store at `path`: the one place
    /// where SQLite's result codes become messages and exit codes (all ``SurveyError/io(_:)``,
    /// exit 74). A ``SurveyError`` passes through unchanged.
    static func failure(_ error: any Error, path: String) -> SurveyError {
        switch error {
        case let surveyError as SurveyError:
            return surveyError
        case SQLiteError.busy, SQLiteError.locked:
            return .io("\(path): the store is busy: another threatsurvey is writing to it; try again")
        case SQLiteError.notADatabase, SQLiteError.corrupt:
            return .io("\(path): not a threatsurvey store, or damaged (\((error as? SQLiteError)?.message ?? ""))")
        case SQLiteError.full:
            return .io("\(path): the disk is full; nothing was stored")
        case SQLiteError.readOnly:
            return .io("\(path): the store cannot be written (read-only file or folder)")
        case SQLiteError.ExtendedResultCode.constraintTrigger:
            return .io("\(path): the store refused the change: \((error as? SQLiteError)?.message ?? "")")
        default:
            return .io("\(path): \(error)")
        }
    }
}

@available(*, unavailable)
extension Store: Sendable {}
