import Foundation

/// The list of files in a fixtures folder, with when each was received.
///
/// `fixtures/<questionnaire>/manifest.json`: `{"questionnaire": "9396/1/15", "files":
/// [{"file": "de.csv", "received": "2015-09-04T10:12:00+02:00", "delegation": "DE"}]}`.
/// The received times are what the demo and the tests replay, so a fixture set reproduces
/// a whole consultation, late answers and resubmissions included.
public struct FixtureManifest: Sendable {
    /// One file to submit.
    public struct Entry: Sendable {
        /// Path relative to the manifest's folder.
        public var file: String
        /// When it was received.
        public var received: DateTimeInput
        /// `--delegation`, for prose.
        public var delegation: String?
        /// What the file is meant to show (documentation only).
        public var about: String?
    }

    /// The questionnaire id.
    public var questionnaire: String
    /// The files, in the order to submit them.
    public var entries: [Entry]
    /// The folder the manifest is in.
    public var folder: String

    /// Reads `folder/manifest.json`.
    public static func load(folder: String) throws(SurveyError) -> FixtureManifest {
        let path = (folder as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .inputMissing(path: path, reason: "no manifest")
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            throw .invalidData([
                Diagnostic(
                    file: path, line: error.line, column: error.column, message: error.message)
            ])
        }
        var problems: [Diagnostic] = []
        guard let questionnaire = root["questionnaire"]?.string, let files = root["files"]?.array
        else {
            throw .invalidData([
                Diagnostic(file: path, message: "needs \"questionnaire\" and \"files\"")
            ])
        }
        var entries: [Entry] = []
        for node in files {
            guard let file = node["file"]?.string, let text = node["received"]?.string,
                let received = DateTimeInput(text)
            else {
                problems.append(
                    Diagnostic(
                        file: path, line: node.line, column: node.column,
                        message: "each file needs \"file\" and a \"received\" date-time"))
                continue
            }
            entries.append(
                Entry(
                    file: file, received: received, delegation: node["delegation"]?.string,
                    about: node["about"]?.string))
        }
        if problems.containsErrors { throw .invalidData(problems) }
        return FixtureManifest(questionnaire: questionnaire, entries: entries, folder: folder)
    }

    /// Every manifest in the sub-folders of `fixtures`, in folder-name order.
    public static func loadAll(fixtures: String) throws(SurveyError) -> [FixtureManifest] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? [])
            .sorted()
        var out: [FixtureManifest] = []
        for name in names {
            let folder = (fixtures as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent("manifest.json"))
            {
                out.append(try load(folder: folder))
            }
        }
        return out
    }

    /// Submits every entry into `store`, in order, each with its received time.
    ///
    /// - Returns: the receipts, in order.
    public func replay(into store: Store, catalog: QuestionnaireCatalog) throws(SurveyError)
        -> [Receipt]
    {
        let submitter = Submitter(catalog: catalog)
        var receipts: [Receipt] = []
        for entry in entries {
            let request = SubmitRequest(
                paths: [(folder as NSString).appendingPathComponent(entry.file)],
                questionnaire: questionnaire, delegation: entry.delegation, received: entry.received
            )
            receipts += try submitter.submit(request, into: store)
        }
        return receipts
    }
}
