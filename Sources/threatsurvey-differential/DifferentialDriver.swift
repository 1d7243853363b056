// Release-build driver for the differential check without libFuzzer: generates COUNT
// consultations from a seeded SplitMix64 stream (the same generator as the fuzz target and
// `swift test --filter Differential`), ranks each with the general reader and the fast path,
// and stops at the first difference. Built and run by .ci/differential.
import Foundation
import ThreatSurvey
import ThreatSurveyTestSupport

@main
enum DifferentialDriver {
    static func main() {

        let arguments = CommandLine.arguments
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 1000 : 1000
        let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 1 : 1
        var random = SplitMix64(job: seed)
        let path = NSTemporaryDirectory() + "threatsurvey-differential-\(getpid()).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var compared = 0
        var readings = 0
        for index in 0..<count {
            let bytes = random.bytes(64 + Int(random.next() % 512))
            var source = DifferentialCheck.ByteSource(bytes)
            let text = DifferentialCheck.consultation(from: &source)
            switch DifferentialCheck.compare(text, path: path) {
            case .same(let n):
                compared += 1
                readings += n
            case .declined:
                break
            case .different(let difference):
                print("seed \(seed), consultation \(index): DIFFERENT\n\(difference)")
                exit(1)
            }
        }
        print(
            "seed \(seed): \(count) consultations generated, \(compared) compared (\(readings) fast-path readings), no difference"
        )
    }
}
