import ThreatSurvey

/// `--grouping G` and `--groupings FILE`: the regions for a breakdown.
package struct GroupingOptions: ParsableArguments {
    @Option(
        "G", help: "eurovoc (default), un-m49, sea-basins, land-borders, or one from --groupings")
    var grouping: String?
    @Option("FILE", help: "user groupings (JSON)", completion: .file)
    var groupings: String?

    /// Every option at its default, ready for the parser.
    package init() {}

    /// The grouping named (built in, or from `--groupings FILE`), default eurovoc.
    ///
    /// Run before any answer file is read, so a bad name is refused first.
    func resolve() throws(SurveyError) -> Grouping {
        var available = Grouping.builtIn
        var fromFile: [Grouping] = []
        if let path = groupings {
            fromFile = try Grouping.load(bytes: try Submitter.readFromDisk(path), file: path)
            available = fromFile + available
        }
        guard let id = grouping else {
            return fromFile.count == 1 ? fromFile[0] : Grouping.eurovoc
        }
        if let g = available.first(where: { $0.id == id }) { return g }
        let suggestion = EditDistance.suggestion(
            for: id, among: available.map { (TextFolding.key($0.id), $0.id) })
        throw .usage(
            "unknown grouping \"\(id)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
                + " (built in: " + Grouping.builtIn.map(\.id).joined(separator: ", ")
                + "; or --groupings FILE)")
    }
}
