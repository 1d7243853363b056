public import Foundation

/// Why bytes could not be read as an Outlook message.
///
/// The intake shows the sentence to the officer: a damaged container says which structure is
/// damaged; a Compound File that is not a message says what it is instead (a Word 97–2003
/// document sent as `.msg`, say), so the officer knows what to ask the delegation for.
public enum MSGError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The Compound File container is damaged or hostile.
    case container(CFBError)
    /// A sound Compound File that holds something else than a message.
    case notOutlookMessage(CompoundFile.Kind)

    /// One sentence for the officer, lower case first word.
    public var description: String {
        switch self {
        case .container(let error):
            return "cannot read the Outlook message: \(error.description)"
        case .notOutlookMessage(let kind):
            return "not an Outlook message: the file is a \(kind.rawValue)"
        }
    }

    /// The same sentence, for `localizedDescription`.
    public var errorDescription: String? { description }
}
