/// A stage of ``Submitter/submit(_:store:progress:)`` that reports progress: each gets its own
/// ``ProgressSink`` (a command line shows "storing" or "reading").
public enum SubmitStage: String, Sendable {
    /// Large CSV files streamed into the store (the fast reader).
    case storing
    /// Files read whole and validated (the general reader).
    case reading
}
