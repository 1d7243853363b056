import ThreatSurvey

extension Document {
    /// The document with a remark set apart at the end, and in JSON `"notes": [text]`.
    func noting(_ text: String) -> Document {
        var copy = self
        copy.blocks.append(.note(text))
        if case .object = copy.json {
            copy.json = copy.json.adding("notes", .array([.string(text)]))
        }
        return copy
    }
}
