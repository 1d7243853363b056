import Foundation

/// DuckDB's import of the benchmark CSV into a fresh database file: the baseline issue 18
/// pairs with `threatsurvey submit` (target: submit ≤ 1.5 × this), and whose file size the
/// store is compared with.
///
/// The script is written into the work folder at run time, so the package does not carry or
/// depend on Python; the tool is there only when python3 can import duckdb. Like the other
/// baselines it is timed as a whole process (interpreter start and import included).
enum DuckDBImport {
    /// `python3 duckdb_import.py CSV DB`: lets DuckDB infer the column types from the header
    /// and the data, as its `read_csv` does for any user, and checkpoints on close.
    static let script = """
        import sys
        import duckdb

        path, db = sys.argv[1], sys.argv[2]
        con = duckdb.connect(db)
        con.execute("CREATE TABLE answers AS SELECT * FROM read_csv(?, header = true)", [path])
        con.close()

        """

    /// The database file's companions, removed before each run and counted in its size.
    static let companions = [".wal"]

    /// Where the script is written.
    static func scriptPath(in workspace: Workspace) -> String {
        workspace.options.work + "/duckdb_import.py"
    }

    /// Writes the script into the work folder (when the tool is selected); a failure is said,
    /// and the tool's runs then exit non-zero and are reported as such.
    static func install(in workspace: Workspace) {
        let path = scriptPath(in: workspace)
        do {
            try script.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            say("\(path): cannot write the DuckDB import script (\(error))")
        }
    }

    /// The timed tool, or `nil` when python3 cannot import duckdb.
    static func tool(in workspace: Workspace) -> Tool? {
        guard available(["python3", "-c", "import duckdb"]) else { return nil }
        let database = workspace.duckDB
        return Tool(
            key: "duckdb-import", name: "DuckDB import (CSV → file)",
            groups: ["submit", "baselines"],
            command: ["python3", scriptPath(in: workspace), workspace.data, database],
            before: {
                for suffix in [""] + companions {
                    try? FileManager.default.removeItem(atPath: database + suffix)
                }
            },
            artifact: Artifact(path: database, companions: companions))
    }
}
