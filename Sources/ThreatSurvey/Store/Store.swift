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
    /// Whether the store was opened for reading only (no migration, no write).
    public let isReadOnly: Bool
    /// Where warnings about the store go (its permissions, absurd values read from it);
    /// each kind is given once per opened store.
    let warn: (String) -> Void
    private var warned: Set<String> = []
    /// Called after each chunk the streaming path stores, with the number stored so far
    /// (tests use it to change the file mid-stream).
    var afterStoredChunk: ((Int64) -> Void)?

    /// Opens the store at `path`, creating and migrating it as needed.
    ///
    /// A new store is created 0600 (owner only). A `path` that is a symbolic link whose
    /// target does not exist is refused: following it would create a file somewhere the user
    /// did not name, and not following it would leave a link that later opens elsewhere. An
    /// existing store readable or writable by group or others is used, with a warning.
    ///
    /// - Parameters:
    ///   - readOnly: open for reading only (read-only commands): nothing is created or
    ///     migrated, and a store in a read-only folder, or a read-only file, is opened
    ///     immutable so that SQLite needs no `-wal`/`-shm` companions.
    ///   - warn: receives warnings, each kind once.
    /// - Throws: ``SurveyError/io(_:)`` when the file cannot be opened or is not a store,
    ///   ``SurveyError/cannotCreate(path:reason:)`` when it cannot be created.
    public init(path: String, readOnly: Bool = false, warn: @escaping (String) -> Void = { _ in })
        throws(SurveyError)
    {
        self.path = path
        self.isReadOnly = readOnly
        self.warn = warn
        var immutable = false
        if path != ":memory:" {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                throw .cannotCreate(path: path, reason: "folder \(directory) does not exist")
            }
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK,
                !FileManager.default.fileExists(atPath: path)
            {
                throw .cannotCreate(
                    path: path,
                    reason: "it is a symbolic link to a file that does not exist; "
                        + "create the store at the link's target, or name a plain path")
            }
            if !FileManager.default.fileExists(atPath: path) {
                if readOnly { throw .inputMissing(path: path, reason: "no store here") }
                let fd = open(path, O_CREAT | O_WRONLY | O_EXCL | O_NOFOLLOW, 0o600)
                if fd < 0, errno != EEXIST {
                    throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
                }
                if fd >= 0 {
                    fchmod(fd, 0o600)  // whatever the umask
                    close(fd)
                }
            } else {
                var info = stat()
                if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
                    let mode = String(info.st_mode & 0o777, radix: 8)
                    warn(
                        "\(path): warning: the store is readable or writable by others (mode \(mode)); "
                            + "the answers are confidential: chmod 600 \(path)")
                }
                if readOnly {
                    let folder = directory.isEmpty ? "." : directory
                    immutable = access(path, W_OK) != 0 || access(folder, W_OK) != 0
                }
            }
        }
        // A read-only open of a store written by an older tool is brought forward first
        // when it can be (the one write a reading command makes); otherwise it is refused.
        var writable = !readOnly
        if readOnly, !immutable, let version = Store.schemaVersion(path: path),
            version < Store.migrations.count
        {
            writable = true
        }
        do {
            db = try Connection(path: path, readOnly: !writable, immutable: immutable)
            db.setBusyTimeout(milliseconds: 30_000)
            try db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:", writable {
                _ = try db.query("PRAGMA journal_mode = WAL") { $0.text(0) }
                try db.execute("PRAGMA synchronous = NORMAL")
            }
        } catch {
            throw Store.failure(error, path: path)
        }
        if writable {
            try migrate()
        } else {
            let version: Int
            do {
                version = try db.query("PRAGMA user_version") { Int($0.int(0)) }.first ?? 0
            } catch {
                throw fail(error)
            }
            if version > Store.migrations.count {
                throw .io(
                    "\(path): the store was written by a newer threatsurvey (schema \(version), "
                        + "this one knows \(Store.migrations.count)); upgrade the tool")
            }
            guard version == Store.migrations.count else {
                throw .io(
                    "\(path): the store has schema \(version), this threatsurvey reads \(Store.migrations.count); "
                        + "run a command that writes (submit) with write access to bring it forward"
                )
            }
        }
    }

    /// The schema version of the store at `path`, read without writing, or `nil`.
    static func schemaVersion(path: String) -> Int? {
        guard let probe = try? Connection(path: path, readOnly: true) else { return nil }
        return try? probe.query("PRAGMA user_version") { Int($0.int(0)) }.first
    }

    /// Gives a warning once per kind for this store.
    func warnOnce(_ kind: String, _ message: @autoclosure () -> String) {
        guard !warned.contains(kind) else { return }
        warned.insert(kind)
        warn(message())
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
