/// The store a ``Submitter/submit(_:store:progress:)`` writes: the one that exists, or a way
/// to create it, called only when something will be stored.
///
/// A submit that is refused, or a dry run, creates no store file: the officer who mistyped
/// a path does not find an empty store left behind.
public struct SubmitStoreAccess {
    /// The store, when it exists already (its answers decide what is superseded).
    public var existing: Store?
    /// Creates the store; called only when there is none and something is to be stored.
    public var create: () throws(SurveyError) -> Store

    /// Access to `existing`, or to a store `create` makes.
    public init(existing: Store?, create: @escaping () throws(SurveyError) -> Store) {
        self.existing = existing
        self.create = create
    }
}
