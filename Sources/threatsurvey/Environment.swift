import Foundation
import ThreatSurvey

/// What every command needs: where to write, where the store and questionnaires are.
struct Environment {
    var console: Console
    var storePath: String
    var questionnairesPath: String
    /// The process environment (for `$THREATSURVEY_STORE`).
    var variables: [String: String]

    init(console: Console, arguments: ParsedArguments, variables: [String: String]) {
        self.console = console
        self.variables = variables
        storePath = arguments.value("store") ?? variables["THREATSURVEY_STORE"] ?? "threatsurvey.sqlite"
        questionnairesPath = arguments.value("questionnaires") ?? "questionnaires"
    }

    func catalog() throws(SurveyError) -> QuestionnaireCatalog {
        try QuestionnaireCatalog.load(folder: questionnairesPath)
    }

    /// Opens the store, creating it on first use (for commands that write).
    func store() throws(SurveyError) -> Store {
        try Store(path: storePath, warn: { [console] in console.err($0) })
    }

    /// Opens the store if it exists, read-only; commands that only read do not create one
    /// (and work on a read-only store in a read-only folder).
    func existingStore(readOnly: Bool = true) throws(SurveyError) -> Store? {
        FileManager.default.fileExists(atPath: storePath)
            ? try Store(path: storePath, readOnly: readOnly, warn: { [console] in console.err($0) }) : nil
    }

    /// Prints `document` in the chosen format.
    func print(_ document: Document, format: OutputFormat) {
        console.out(document.render(as: format.renderer))
    }
}

/// A command of the tool: its spec and what it does.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus
}

extension ParsedArguments {
    /// The `--format` chosen, or the command's default.
    func format(_ spec: CommandSpec) -> OutputFormat {
        value("format").flatMap(OutputFormat.init(rawValue:)) ?? spec.formats.first ?? .table
    }
}
