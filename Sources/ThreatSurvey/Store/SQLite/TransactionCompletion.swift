/// What a transaction body decides: keep its writes or drop them.
///
/// A body that finds nothing worth storing returns ``rollback`` instead of throwing a made-up
/// error to undo its work (as GRDB's `inTransaction` does), so errors stay errors.
package enum TransactionCompletion: Sendable {
    /// Keep every write of the body.
    case commit
    /// Drop every write of the body; not a failure.
    case rollback
}
