import Foundation
import ThreatSurvey

/// `--store PATH`, for the commands that use the store.
package struct StoreOptions: ParsableArguments {
    @Option(
        "PATH", help: "the SQLite store (default ./threatsurvey.sqlite or $THREATSURVEY_STORE)",
        completion: .file)
    var store: String?

    /// Every option at its default, ready for the parser.
    package init() {}

    /// The store's path: `--store`, else `$THREATSURVEY_STORE`, else `threatsurvey.sqlite`.
    func path(_ context: CommandContext) -> String {
        store ?? context.variables["THREATSURVEY_STORE"] ?? "threatsurvey.sqlite"
    }

    /// Opens the store, creating it on first use (for commands that write).
    func openOrCreate(_ context: CommandContext) throws(SurveyError) -> Store {
        try Store(
            path: path(context), warn: { [console = context.console] in try? console.err($0) })
    }

    /// Opens the store if it exists (for commands that may write later); creates nothing.
    func existing(_ context: CommandContext) throws(SurveyError) -> Store? {
        FileManager.default.fileExists(atPath: path(context))
            ? try Store(
                path: path(context), readOnly: false,
                warn: { [console = context.console] in try? console.err($0) })
            : nil
    }

    /// Opens the store for a read command: a missing store is exit 66 with the path and what
    /// to do, and nothing is created.
    func forReading(_ context: CommandContext) throws(SurveyError) -> Store {
        let path = path(context)
        guard FileManager.default.fileExists(atPath: path) else {
            throw .inputMissing(
                path: path,
                reason: "no store here; submit answers first (threatsurvey submit FILE…), "
                    + "or pass --store PATH or set THREATSURVEY_STORE")
        }
        // Read-only: works on a store in a read-only folder, and never writes by accident.
        return try Store(
            path: path, readOnly: true,
            warn: { [console = context.console] in try? console.err($0) })
    }
}

extension StoreOptions {
    /// Opens an existing store for a command that records (review, void): a missing store is
    /// exit 66 with the path, and nothing is created.
    static func existingOrMissing(_ options: StoreOptions, _ context: CommandContext)
        throws(SurveyError) -> Store
    {
        guard let opened = try options.existing(context) else {
            throw .inputMissing(
                path: options.path(context),
                reason: "no store here; submit answers first (threatsurvey submit FILE…), "
                    + "or pass --store PATH or set THREATSURVEY_STORE")
        }
        return opened
    }
}
