import Foundation

/// The questionnaires known to an installation: every `*.json` in the questionnaires folder.
///
/// Commands name a questionnaire by its document number in either spelling (`9396/1/15` or
/// `9396-1-15`); the catalog is where that name is looked up, and where "which one did you
/// mean?" is answered when the user leaves it out.
public struct QuestionnaireCatalog: Sendable {
    /// The questionnaires, ordered by id.
    public let questionnaires: [Questionnaire]
    /// The folder they were read from.
    public let folder: String
    /// Per questionnaire id, the file it was read from (the store keeps a copy of the
    /// definition each submission was validated against).
    public var files: [String: String] = [:]

    /// Creates a catalog from questionnaires already loaded.
    public init(questionnaires: [Questionnaire], folder: String = "") {
        self.questionnaires = questionnaires.sorted { $0.id < $1.id }
        self.folder = folder
    }

    /// Reads every `*.json` in `folder`.
    ///
    /// - Throws: ``SurveyError/inputMissing(path:reason:)`` when the folder does not exist;
    ///   ``SurveyError/invalidData(_:)`` listing the problems of every bad definition, or a
    ///   number defined twice.
    public static func load(folder: String) throws(SurveyError) -> QuestionnaireCatalog {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .inputMissing(
                path: folder,
                reason: "no questionnaires folder here; pass --questionnaires DIR")
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder)
                .filter { $0.lowercased().hasSuffix(".json") }.sorted()
        } catch {
            throw .io("cannot list \(folder): \(error)")
        }
        var loaded: [Questionnaire] = []
        var problems: [Diagnostic] = []
        var files: [String: String] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = manager.contents(atPath: path) else {
                problems.append(Diagnostic(file: path, message: "cannot be read"))
                continue
            }
            do {
                let q = try Questionnaire.load(bytes: Array(data), file: path)
                if let other = files[q.id] {
                    problems.append(
                        Diagnostic(
                            file: path, message: "questionnaire \(q.id) is also defined in \(other)"
                        ))
                    continue
                }
                files[q.id] = path
                loaded.append(q)
            } catch {
                if case .invalidData(let d) = error { problems += d } else { throw error }
            }
        }
        if problems.containsErrors { throw .invalidData(problems) }
        var catalog = QuestionnaireCatalog(questionnaires: loaded, folder: folder)
        catalog.files = files
        return catalog
    }

    /// The questionnaire named `id` in either spelling.
    ///
    /// - Throws: ``SurveyError/notFound(_:)`` naming the known ones.
    public func find(_ id: String) throws(SurveyError) -> Questionnaire {
        let wanted = Questionnaire.canonicalID(id).uppercased()
        if let q = questionnaires.first(where: { $0.id.uppercased() == wanted }) { return q }
        let known = questionnaires.map(\.id).joined(separator: ", ")
        throw .notFound(
            "unknown questionnaire \"\(TerminalText.clipped(id))\"; known: \(known.isEmpty ? "none" : known)"
                + (folder.isEmpty ? "" : " (in \(folder))"))
    }

    /// The questionnaire when exactly one is defined.
    public var only: Questionnaire? {
        questionnaires.count == 1 ? questionnaires[0] : nil
    }
}
