import Foundation

/// The one-sided Fisher exact test on a 2×2 table, computed in log space.
///
/// A regional signal asks: is this threat mentioned by a larger share of the region's
/// responding states than of the others, beyond what chance would give with so few states?
/// With 28 Member States the counts are tiny, so an exact test is the honest one.
package enum FisherExact {
    /// P(X ≥ `inRegion`) for X hypergeometric: `regionSize` drawn from `total` states of
    /// which `mentioning` mention the threat (the upper tail, "more in the region").
    ///
    /// Up to 1,000 states the binomials are computed directly; beyond, terms are summed as
    /// log-probabilities (log-sum-exp over `lgamma` binomials), so the result stays accurate
    /// for large tables and tiny p-values.
    ///
    /// - Complexity: O(min(regionSize, mentioning)).
    public static func upperTail(inRegion: Int, regionSize: Int, mentioning: Int, total: Int)
        -> Double
    {
        guard total > 0, regionSize >= 0, mentioning >= 0, regionSize <= total, mentioning <= total
        else {
            return 1
        }
        let low = max(0, regionSize + mentioning - total)
        let high = min(regionSize, mentioning)
        let from = max(inRegion, low)
        guard from <= high else { return 0 }
        if from == low { return 1 }
        if total <= 1000 {
            // Direct binomials stay finite up to C(1000, 500) ≈ 2.7e299 and are exact to the
            // last bit or two; the sum of positive terms is stable.
            let denominator = choose(total, regionSize)
            let sum = (from...high).reduce(0.0) { acc, k in
                acc + choose(mentioning, k) * choose(total - mentioning, regionSize - k)
            }
            return min(1, sum / denominator)
        }
        let denominator = logChoose(total, regionSize)
        let terms = (from...high).map { k in
            logChoose(mentioning, k) + logChoose(total - mentioning, regionSize - k) - denominator
        }
        let peak = terms.max() ?? 0
        let sum = terms.reduce(0) { $0 + exp($1 - peak) }
        return min(1, exp(peak + log(sum)))
    }

    /// The smallest p-value any threat could reach in a region of `regionSize` responders
    /// among `total`: every region responder mentions it and nobody else does.
    public static func smallestPossible(regionSize: Int, total: Int) -> Double {
        guard regionSize > 0, regionSize < total else { return 1 }
        return upperTail(
            inRegion: regionSize, regionSize: regionSize, mentioning: regionSize, total: total)
    }

    /// C(n, k) by the multiplicative formula, in floating point.
    static func choose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        let k = min(k, n - k)
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result.rounded()
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return -Double.infinity }
        return lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
