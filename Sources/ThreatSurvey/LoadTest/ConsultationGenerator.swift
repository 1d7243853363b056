/// Synthetic consultations for load tests (`generate`): a long CSV with a respondent column,
/// byte for byte what the shared benchmark generator `gen.py` writes for the same size and
/// seed.
///
/// Realistic in the ways that matter to a ranking: delegations weighted by population,
/// Zipf-like threat popularity that differs by region and by delegation, some delegations
/// never naming rarer threats, 3–7 distinct threats per respondent, and 5% of rows with an
/// RFC 4180 quoted comment (commas always, doubled quotes and line breaks sometimes).
/// Deterministic: the same size and seed give the same bytes on every machine.
public struct ConsultationGenerator {
    /// The default seed of `gen.py`.
    public static let defaultSeed: UInt64 = 20_240_521

    static let delegations: [(String, Double)] = [
        ("AT", 8.9), ("BE", 11.5), ("BG", 7.0), ("CY", 0.9), ("CZ", 10.7), ("DE", 83.0),
        ("DK", 5.8), ("EE", 1.3), ("EL", 10.7), ("ES", 47.0), ("FI", 5.5), ("FR", 67.0),
        ("HR", 4.1), ("HU", 9.8), ("IE", 4.9), ("IT", 60.0), ("LT", 2.8), ("LU", 0.6),
        ("LV", 1.9), ("MT", 0.5), ("NL", 17.3), ("PL", 38.0), ("PT", 10.3), ("RO", 19.4),
        ("SE", 10.3), ("SI", 2.1), ("SK", 5.5), ("UK", 66.6),
    ]
    static let regions: [(String, String)] = [
        ("Northern", "DK EE FI IE LV LT SE UK"), ("Western", "AT BE DE FR LU NL"),
        ("Southern", "CY EL ES HR IT MT PT SI"), ("Eastern", "BG CZ HU PL RO SK"),
    ]
    /// The threats (ids of the questionnaire BENCH/1/26) and their base popularity.
    public static let threats: [(id: String, weight: Double)] = [
        ("tobacco-smuggling", 10.0), ("counterfeit-goods", 9.0), ("vat-fraud", 8.0),
        ("excise-fraud", 7.0), ("synthetic-drugs", 6.0), ("money-laundering", 5.5),
        ("drug-precursors", 5.0), ("undervaluation", 4.5), ("internet-crime", 4.0),
        ("cash-controls", 3.5), ("firearms", 3.0), ("environmental-crime", 2.5),
        ("cites-wildlife", 2.0), ("terrorism-financing", 1.6), ("cultural-goods", 1.2),
        ("dual-use-wmd", 0.8),
    ]
    static let regionMultipliers: [String: [String: Double]] = [
        "Northern": [
            "internet-crime": 3.0, "synthetic-drugs": 2.0, "money-laundering": 1.8,
            "environmental-crime": 1.5, "tobacco-smuggling": 0.6, "cultural-goods": 0.5,
        ],
        "Western": [
            "terrorism-financing": 2.5, "dual-use-wmd": 3.0, "vat-fraud": 2.0,
            "money-laundering": 1.5,
            "drug-precursors": 1.5, "excise-fraud": 0.6,
        ],
        "Southern": [
            "cultural-goods": 4.0, "cites-wildlife": 3.0, "undervaluation": 1.8,
            "tobacco-smuggling": 1.5,
            "counterfeit-goods": 1.5, "internet-crime": 0.6,
        ],
        "Eastern": [
            "excise-fraud": 2.5, "firearms": 2.5, "tobacco-smuggling": 2.0, "cash-controls": 1.8,
            "vat-fraud": 0.7, "dual-use-wmd": 0.5,
        ],
    ]
    static let fragments = [
        "seen mainly at road border crossings", "volumes rising since last year",
        "see annex 2, table 4", "mostly via express and postal parcels",
        "joint operation planned", "limited staff, no dedicated unit",
        "risk profile updated quarterly", "links to organised crime groups",
        "difficult to detect at ports", "handled with police and tax authority",
        "no reliable data yet", "trend stable, but under-reported",
    ]
    static let quotedFragments = [
        "so-called \"grey\" imports", "the \"ant trade\" pattern",
        "declared as \"samples\"", "labelled \"spare parts\", not checked",
    ]

    /// What was generated.
    public struct Summary: Sendable {
        /// Respondents written.
        public var respondents: Int
        /// Data rows written.
        public var rows: Int
        /// Rows with a comment.
        public var comments: Int
    }

    private var rng: MersenneTwister
    private let respondents: Int

    /// A generator of `respondents` respondents from `seed`.
    public init(respondents: Int, seed: UInt64 = ConsultationGenerator.defaultSeed) {
        self.respondents = respondents
        self.rng = MersenneTwister(seed: seed)
    }

    /// Writes the CSV through `write`, in pieces of about 1 MiB.
    public mutating func generate(_ write: (String) throws -> Void) rethrows -> Summary {
        let tables = buildTables()
        var cumulative: [Double] = []
        var total = 0.0
        for (_, w) in Self.delegations {
            total += w
            cumulative.append(total)
        }
        let width = max(7, String(respondents).count)
        var buffer = "delegation,respondent,threat,priority,comment\n"
        var rows = 0
        var comments = 0
        for r in 1...max(respondents, 1) where respondents > 0 {
            var di = Self.bisectRight(cumulative, rng.random() * total)
            if di >= Self.delegations.count { di = Self.delegations.count - 1 }
            let code = Self.delegations[di].0
            let table = tables[di]
            let k = 3 + Int(rng.random() * 5)
            var chosen: [Int] = []
            while chosen.count < k {
                var j = Self.bisectRight(table.cumulative, rng.random() * table.total)
                if j >= table.indices.count { j = table.indices.count - 1 }
                let t = table.indices[j]
                if !chosen.contains(t) { chosen.append(t) }
            }
            let digits = String(r)
            let id = "R" + String(repeating: "0", count: max(0, width - digits.count)) + digits
            for (p, t) in chosen.enumerated() {
                var comment = ""
                if rng.random() < 0.05 {
                    comment = makeComment()
                    comments += 1
                }
                buffer += "\(code),\(id),\(Self.threats[t].id),\(p + 1),\(comment)\n"
                rows += 1
            }
            if buffer.utf8.count >= 1 << 20 {
                try write(buffer)
                buffer = ""
            }
        }
        try write(buffer)
        return Summary(respondents: respondents, rows: rows, comments: comments)
    }

    private mutating func buildTables() -> [(indices: [Int], cumulative: [Double], total: Double)] {
        var regionOf: [String: String] = [:]
        for (region, codes) in Self.regions {
            for c in codes.split(separator: " ") { regionOf[String(c)] = region }
        }
        var tables: [(indices: [Int], cumulative: [Double], total: Double)] = []
        for (code, _) in Self.delegations {
            let multipliers = Self.regionMultipliers[regionOf[code] ?? ""] ?? [:]
            var weights: [Double] = []
            for (t, base) in Self.threats {
                let jitter = 0.7 + 0.7 * rng.random()
                weights.append(base * (multipliers[t] ?? 1.0) * jitter)
            }
            let excludedCount = Int(rng.random() * 4)
            var excluded: [Int] = []
            while excluded.count < excludedCount {
                let candidates = (8..<16).filter { !excluded.contains($0) }
                let cw = candidates.map { 1.0 / Self.threats[$0].weight }
                let x = rng.random() * cw.reduce(0, +)
                var acc = 0.0
                var pick = candidates[candidates.count - 1]
                for (i, w) in zip(candidates, cw) {
                    acc += w
                    if x < acc {
                        pick = i
                        break
                    }
                }
                excluded.append(pick)
            }
            let indices = (0..<16).filter { !excluded.contains($0) }
            var cumulative: [Double] = []
            var acc = 0.0
            for i in indices {
                acc += weights[i]
                cumulative.append(acc)
            }
            tables.append((indices, cumulative, acc))
        }
        return tables
    }

    private mutating func makeComment() -> String {
        let n = 1 + Int(rng.random() * 3)
        var parts: [String] = []
        for _ in 0..<n {
            if rng.random() < 0.2 {
                parts.append(
                    Self.quotedFragments[Int(rng.random() * Double(Self.quotedFragments.count))])
            } else {
                parts.append(Self.fragments[Int(rng.random() * Double(Self.fragments.count))])
            }
        }
        let separator = rng.random() < 0.1 ? ",\n" : ", "
        let text = parts.joined(separator: separator) + (n == 1 ? ", cf. note" : "")
        return "\""
            + text.split(separator: "\"", omittingEmptySubsequences: false).joined(
                separator: "\"\"") + "\""
    }

    /// Python's `bisect.bisect_right`.
    static func bisectRight(_ a: [Double], _ x: Double) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < a[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
