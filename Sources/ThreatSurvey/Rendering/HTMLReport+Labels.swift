extension HTMLReport {
    /// The reader's name for threat `id` (``ReportModel/label(_:)``).
    func label(_ id: String) -> String {
        model.label(id)
    }
}
