import Foundation

/// The files the benchmark reads and writes, all in its work folder except the package's
/// fixtures and questionnaires.
struct Workspace {
    var options: Options
    /// The generated long CSV of `options.respondents` respondents: the file every tool reads.
    var data: String { options.work + "/responses-\(options.respondents).csv" }
    /// The same data at a tenth of the size, to show that memory stays flat.
    var small: String { options.work + "/responses-\(options.respondents / 10).csv" }
    /// The store `threatsurvey submit` writes and the store commands read.
    var store: String { options.work + "/store.sqlite" }
    /// The database file DuckDB's import writes, paired with `store`.
    var duckDB: String { options.work + "/import.duckdb" }
    /// A store built from the package's fixtures (`threatsurvey demo`).
    var fixtureStore: String { options.work + "/fixtures.sqlite" }
    /// The general path (issue 11): a long CSV without respondents, read whole.
    var general: String { options.work + "/general-200000.csv" }
    var generalStore: String { options.work + "/general.sqlite" }
    /// Two files of N/4 respondents given to one submit (streamed, one transaction).
    var quarters: [String] { [options.work + "/quarter-1.csv", options.work + "/quarter-2.csv"] }
    var twoStore: String { options.work + "/two.sqlite" }
    /// The generator's own line, "respondents=N rows=R comments=C seed=S".
    var generatorSummary: String { options.work + "/generate.txt" }
    var threatsurvey: String { options.binary }
    var questionnaires: String { Options.packageRoot + "/fixtures/load-test" }
    /// The questionnaire the generated data answers.
    var questionnaire: [String] {
        ["--questionnaires", questionnaires, "--questionnaire", "BENCH/1/26"]
    }
    /// The package's own questionnaires, which the fixtures and the general file answer.
    var fixtureQuestionnaires: [String] {
        ["--questionnaires", Options.packageRoot + "/questionnaires"]
    }
    /// Whether the shared baselines (generator, scripts, expected outputs) are there.
    var hasShared: Bool { FileManager.default.fileExists(atPath: options.shared + "/gen.py") }

    /// Removes a SQLite store and its WAL companions, so that a submit starts from nothing.
    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// The size of a file in bytes, or 0 when it is not there.
    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue
            ?? 0
    }
}
