/// Why a block kept as a zlib stream (``ZlibStream``) cannot be given back.
package enum ZlibStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The compressed bytes are not a valid zlib stream; `reason` is zlib's (or the reader's)
    /// word for what is wrong.
    case damaged(String)
    /// The stream gives back a different number of bytes than recorded beside it: `actual`
    /// is what it gave, `nil` when it went past the recorded size (and was stopped there).
    case sizeMismatch(recorded: Int, actual: Int?)

    package var description: String {
        switch self {
        case .damaged(let reason):
            return "the compressed bytes are damaged (\(reason))"
        case .sizeMismatch(let recorded, let actual?):
            return "the compressed bytes give \(actual) bytes, \(recorded) were recorded"
        case .sizeMismatch(let recorded, nil):
            return "the compressed bytes give more than the \(recorded) bytes recorded"
        }
    }
}
