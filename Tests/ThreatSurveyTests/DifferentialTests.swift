import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyTestSupport

/// The general reader and the fast path rank every generated consultation the same
/// (the libFuzzer target `differential` runs the same check on the fuzzer's bytes).
@Suite("Differential: general reader and fast path")
struct DifferentialTests {
    @Test(
        "Random consultations: identical rank JSON both ways (one core, two cores, small chunks)",
        arguments: [1, 2, 3, 4])
    func randomConsultations(seed: UInt64) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        var random = SplitMix64(seed: seed)
        var compared = 0
        for round in 0..<500 {
            let bytes = (0..<(64 + Int(random.next() % 512))).map { _ in
                UInt8(truncatingIfNeeded: random.next())
            }
            var source = DifferentialCheck.ByteSource(bytes)
            let text = DifferentialCheck.consultation(from: &source)
            let outcome = DifferentialCheck.compare(text, path: folder + "/c.csv")
            if case .different(let difference) = outcome {
                Issue.record("seed \(seed), round \(round): \(difference)")
                return
            }
            if case .same(let n) = outcome { compared += n }
        }
        // Most consultations are ones the fast path takes: the check compares, not skips.
        #expect(compared > 500)
    }

    @Test("Hand-made corner cases: ties, no priorities, duplicates, CRLF with quoted line breaks")
    func corners() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let files = [
            "delegation,respondent,threat,priority\nFR,R1,guns,1\nFR,R1,drugs,1\nFR,R2,drugs,\nDE,R3,waste,2\n",
            "delegation,threat\r\nFR,guns\r\nFR,guns\r\nDE,THB\r\n",
            "delegation,respondent,threat,priority,comment\r\nFR,R01,drugs,2,\"a\r\nb\"\r\nFR,R01,drugs,1,\r\nIT,R02,fraud,700,x\r\n",
        ]
        for text in files {
            #expect(DifferentialCheck.compare(text, path: folder + "/c.csv") != .declined)
            if case .different(let difference) = DifferentialCheck.compare(
                text, path: folder + "/c.csv")
            {
                Issue.record("\(difference)")
            }
        }
    }
}
