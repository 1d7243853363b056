/// The shapes a delegation's answer arrives in (<doc:Answers>).
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// One row per threat: `delegation;threat;priority;comment`.
    case csvLong = "csv-long"
    /// One row per delegation, one column per threat.
    case csvMatrix = "csv-matrix"
    /// An object or an array of objects.
    case json
    /// Written comments in prose; threats found by their aliases.
    case prose
}
