/// The part of a stored file a submission was read from, when that file is a container (a
/// mail): an attachment, a forwarded message's attachment, or the mail's body.
///
/// The store keeps the mail exactly as received (`show --original` gives it back); the part
/// says which piece of it the answer is, and its checksum proves which bytes were read.
public struct SourcePart: Sendable, Hashable {
    /// The part's name inside the container: `pl-answers.csv`, `fwd.eml » answers.csv`, `body`.
    public var name: String
    /// SHA-256 (hex) of the part's own bytes.
    public var checksum: String

    /// Creates a part reference.
    public init(name: String, checksum: String) {
        self.name = name
        self.checksum = checksum
    }
}
