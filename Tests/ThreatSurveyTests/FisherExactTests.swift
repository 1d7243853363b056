import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Fisher exact test")
struct FisherExactTests {
    /// Reference values from scipy 1.17.1, `scipy.stats.hypergeom.sf(x - 1, N, K, n)`
    /// (computed on this machine; scipy is not a dependency of the product).
    @Test(
        "Upper-tail p-values agree with scipy",
        arguments: [
            (5, 5, 9, 20, 0.008126934984520124), (6, 7, 9, 20, 0.012383900928792569),
            (2, 3, 2, 20, 0.015789473684210527), (5, 5, 11, 20, 0.02979876160990712),
            (1, 1, 1, 20, 0.05),
            (3, 10, 5, 28, 0.22783882783882792), (0, 4, 4, 20, 1.0),
            (10, 12, 15, 28, 0.008297811878374535),
            (40, 60, 70, 200, 1.5117615905619272e-09),
            (150, 200, 300, 1000, 1.5098944883565491e-50),
        ])
    func agreesWithScipy(x: Int, n: Int, k: Int, total: Int, expected: Double) {
        let p = FisherExact.upperTail(inRegion: x, regionSize: n, mentioning: k, total: total)
        #expect(abs(p - expected) <= 1e-9 * expected, "p = \(p)")
    }

    @Test("The smallest possible p-value of a region")
    func smallest() {
        #expect(abs(FisherExact.smallestPossible(regionSize: 1, total: 20) - 0.05) < 1e-12)
        #expect(abs(FisherExact.smallestPossible(regionSize: 5, total: 20) - 1.0 / 15504) < 1e-12)
        #expect(FisherExact.smallestPossible(regionSize: 0, total: 20) == 1)
    }
}
