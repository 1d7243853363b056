/// A seeded random number generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The differential and pipeline checks generate millions of inputs from a seed; a finding is
/// only useful if the seed and the index reproduce it on any machine, which the system generator
/// does not promise. One definition, so the tests, the fuzz drivers and `.ci/` scripts agree on
/// what "seed 7, input 12,345" means.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose stream is fixed by `seed`.
    ///
    /// Nearby seeds give *the same* stream shifted: the state only ever advances by the golden
    /// gamma, so seed `k·γ` is seed `(k−1)·γ` one draw later. Parallel jobs need
    /// ``init(job:)``.
    package init(seed: UInt64) { state = seed }

    /// A generator for parallel job `job`: the seed is scrambled first, so that jobs 1, 2, 3…
    /// start at unrelated points of the 2⁶⁴ cycle instead of one draw apart (two jobs seeded
    /// `1·γ` and `2·γ` fell into step within a few hundred inputs and ran the same inputs).
    package init(job: UInt64) {
        var scramble = SplitMix64(seed: job)
        state = scramble.next()
    }

    /// The next 64 bits of the stream.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` bytes of the stream (fuzz-style input for a driver).
    ///
    /// - Complexity: O(`count`).
    package mutating func bytes(_ count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) { result.append(UInt8(truncatingIfNeeded: next())) }
        return result
    }
}
