/// A way of dividing the Member States into regions, for the regional breakdown.
///
/// The Working Party asked whether some actions should be "regionalised": a grouping says
/// which region each state belongs to. Groupings may overlap (sea basins) and may leave
/// states out (landlocked states are in no sea basin); ``overlapping`` and ``unassigned(in:)``
/// let outputs say so plainly.
public struct Grouping: Sendable, Hashable, Identifiable {
    /// A named set of Member States.
    public struct Region: Sendable, Hashable, Identifiable {
        /// Kebab-case id (`central-and-eastern`).
        public var id: String
        /// Human title (`Central and Eastern Europe`).
        public var title: String
        /// EU codes, in protocol order.
        public var members: [String]

        /// Creates a region; members are put in protocol order.
        public init(id: String, title: String, members: [String]) {
            self.id = id
            self.title = title
            self.members = MemberState.sortedByProtocol(members)
        }
    }

    /// Kebab-case id (`eurovoc`).
    public var id: String
    /// Human title.
    public var title: String
    /// The regions, in the grouping's own order.
    public var regions: [Region]
    /// Remarks the outputs must show (for example, Cyprus placed in Southern Europe by choice).
    public var notes: [String]

    /// Creates a grouping.
    public init(id: String, title: String, regions: [Region], notes: [String] = []) {
        self.id = id
        self.title = title
        self.regions = regions
        self.notes = notes
    }

    /// Whether some state is in more than one region.
    public var overlapping: Bool {
        let all = regions.flatMap(\.members)
        return Set(all).count != all.count
    }

    /// The roster states that are in no region.
    public func unassigned(in roster: [String]) -> [String] {
        let assigned = Set(regions.flatMap(\.members))
        return roster.filter { !assigned.contains($0) }
    }

    /// The same grouping with only roster members listed (the contract's rule).
    public func restricted(to roster: [String]) -> Grouping {
        let keep = Set(roster)
        var copy = self
        copy.regions = regions.map { region in
            var r = region
            r.members = region.members.filter { keep.contains($0) }
            return r
        }
        return copy
    }
}

extension MemberState {
    /// EU codes sorted by protocol order; unknown codes go last, alphabetically.
    public static func sortedByProtocol(_ codes: some Sequence<String>) -> [String] {
        codes.sorted { a, b in
            let ia = withCode(a)?.protocolIndex ?? Int.max
            let ib = withCode(b)?.protocolIndex ?? Int.max
            return ia != ib ? ia < ib : a < b
        }
    }
}
