/// Whose answer a mail part is, when the answer itself does not say: `--delegation`, else the
/// sender's address in the contacts file.
///
/// The contacts file is the one the reminders are drafted from, so an address the officer
/// writes to is an address whose answers are recognised. Addresses match case-insensitively;
/// an address listed for two delegations decides nothing and is an error.
package struct DelegationDecision: Sendable, Hashable {
    /// The Member State decided.
    public var state: MemberState
    /// Why, as the receipt says it.
    public var reason: String

    /// Creates a decision.
    public init(state: MemberState, reason: String) {
        self.state = state
        self.reason = reason
    }

    /// Every address of `contacts`, lower-cased, with the delegations it is listed for.
    ///
    /// - Complexity: O(n) in the number of addresses.
    public static func index(_ contacts: ContactList) -> [String: [String]] {
        var index: [String: [String]] = [:]
        for (code, addresses) in contacts.addresses.sorted(by: { $0.key < $1.key }) {
            for address in addresses {
                let key = address.lowercased()
                if !(index[key]?.contains(code) ?? false) { index[key, default: []].append(code) }
            }
        }
        return index
    }

    /// The delegation of the first of `senders` listed in the contacts `index`.
    ///
    /// - Throws: a message when that sender is listed for several delegations.
    /// - Complexity: O(s) in the number of senders (one dictionary look-up each).
    public static func fromContacts(
        senders: [MailAddress], index: [String: [String]], file: String
    ) throws(Ambiguous) -> DelegationDecision? {
        for sender in senders {
            guard let codes = index[sender.address.lowercased()] else { continue }
            guard codes.count == 1, let code = codes.first,
                let state = MemberStateResolver.shared.resolve(code)
            else {
                throw Ambiguous(
                    message:
                        "the sender \(sender.address) is listed in \(file) for \(codes.joined(separator: " and ")); "
                        + "an address must belong to one delegation (give --delegation MS)")
            }
            return DelegationDecision(
                state: state, reason: "the sender \(sender.address) is \(code)'s in \(file)")
        }
        return nil
    }

    /// A sender listed for several delegations.
    public struct Ambiguous: Error, Sendable {
        /// What to tell the officer.
        public var message: String
    }
}
