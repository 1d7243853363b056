extension HTMLReport {
    /// The reader's name for threat `id`: its English label, else its title, else the id.
    func label(_ id: String) -> String {
        questionnaire.threat(id)?.label("en") ?? id
    }
}
