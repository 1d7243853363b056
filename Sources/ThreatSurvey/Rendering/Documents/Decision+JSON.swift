import Foundation

extension Decision {
    /// The decision as `history`, `show` and `review --format json` print it.
    public var json: JSONValue {
        .object([
            "id": .int(Int(id)),
            "submission": .int(Int(submission)),
            "action": .string(action.rawValue),
            "mention": .optional(mention),
            "threat": .optional(threat),
            "priority": .optional(priority),
            "reason": .string(reason),
            "by": .string(by),
            "at": .string(Timestamp.iso(at, in: Timestamp.utc)),
        ])
    }
}
