import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyTestSupport

/// Parallel fuzz jobs must run different inputs: the seeding that let two jobs fall into step.
@Suite("SplitMix64 streams")
struct SplitMix64Tests {
    @Test("Seeds k·γ and (k+1)·γ give one stream shifted by a draw; jobs 1 and 2 share nothing")
    func jobsAreIndependent() {
        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        var one = SplitMix64(seed: 1 &* gamma)
        var two = SplitMix64(seed: 2 &* gamma)
        _ = one.next()
        #expect((0..<100).map { _ in one.next() } == (0..<100).map { _ in two.next() })
        var a = SplitMix64(job: 1)
        var b = SplitMix64(job: 2)
        let first = Set((0..<10_000).map { _ in a.next() })
        #expect((0..<10_000).allSatisfy { _ in !first.contains(b.next()) })
    }
}
