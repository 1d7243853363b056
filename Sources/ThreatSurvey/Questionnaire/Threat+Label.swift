extension Threat {
    /// What a reader sees for this threat in `language`: the questionnaire's short label for
    /// it (or its language-neutral label), else the title.
    public func label(_ language: String = "en") -> String {
        labels[language] ?? labels["und"] ?? title
    }
}
