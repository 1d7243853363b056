extension Grouping {
    /// Reads user groupings: `{"groupings": [{"id", "title", "regions": [{"id", "title",
    /// "members"}]}]}` (<doc:Figures>).
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` listing every problem (unknown Member States
    ///   with a suggestion, duplicate or malformed ids).
    public static func load(bytes: [UInt8], file: String) throws(SurveyError) -> [Grouping] {
        let root: JSONNode
        do {
            root = try JSONParser.parse(try TextDecoder.decode(bytes).utf8)
        } catch let error as JSONParser.SyntaxError {
            throw .invalidData([
                Diagnostic(
                    file: file, line: error.line, column: error.column, message: error.message)
            ])
        } catch {
            throw .invalidData([Diagnostic(file: file, message: "not a text file")])
        }
        var problems: [Diagnostic] = []
        func fail(_ node: JSONNode, _ message: String, _ suggestion: String? = nil) {
            problems.append(
                Diagnostic(
                    file: file, line: node.line, column: node.column, message: message,
                    suggestion: suggestion))
        }
        guard let list = root["groupings"]?.array else {
            fail(root, "expected {\"groupings\": [...]}")
            throw .invalidData(problems)
        }
        let resolver = MemberStateResolver.shared
        var groupings: [Grouping] = []
        var seen = Set<String>()
        for node in list {
            guard let id = node["id"]?.string, KebabCase.isValid(id) else {
                fail(node["id"] ?? node, "a grouping needs an \"id\" in kebab-case")
                continue
            }
            if !seen.insert(id).inserted { fail(node, "grouping \"\(id)\" is defined twice") }
            var regions: [Region] = []
            var regionIDs = Set<String>()
            for regionNode in node["regions"]?.array ?? [] {
                guard let rid = regionNode["id"]?.string, KebabCase.isValid(rid) else {
                    fail(regionNode["id"] ?? regionNode, "a region needs an \"id\" in kebab-case")
                    continue
                }
                if !regionIDs.insert(rid).inserted {
                    fail(regionNode, "region \"\(rid)\" appears twice in \"\(id)\"")
                }
                var members: [String] = []
                for m in regionNode["members"]?.array ?? [] {
                    guard let written = m.string, let state = resolver.resolve(written) else {
                        fail(
                            m, "unknown Member State \"\(m.string ?? m.kindName)\"",
                            m.string.flatMap(resolver.suggestion(for:)))
                        continue
                    }
                    members.append(state.code)
                }
                if members.isEmpty { fail(regionNode, "region \"\(rid)\" has no members") }
                regions.append(
                    Region(id: rid, title: regionNode["title"]?.string ?? rid, members: members))
            }
            if regions.isEmpty { fail(node, "grouping \"\(id)\" has no regions") }
            groupings.append(Grouping(id: id, title: node["title"]?.string ?? id, regions: regions))
        }
        if problems.containsErrors { throw .invalidData(problems) }
        return groupings
    }
}
