/// How a shell completes an option's value or a positional argument.
package enum Completion: Sendable, Equatable {
    /// Nothing to offer (a number, free text).
    case none
    /// A path to a file.
    case file
    /// A path to a folder.
    case directory
    /// One of a closed set of words.
    case values([String])
}
