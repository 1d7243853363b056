// The `differential` fuzz target: each input is turned into one consultation (a long CSV,
// DifferentialCheck.consultation), which the general reader and the fast path (one core,
// two cores, 16-byte chunks) must rank identically. A difference stops the run with both
// JSON texts and the file; the input is kept as an artifact.
import Foundation

/// Consultations generated, and those the fast path summed (so were compared), for the
/// summary printed at exit.
nonisolated(unsafe) var differentialGenerated = 0
nonisolated(unsafe) var differentialCompared = 0
nonisolated(unsafe) var differentialReadings = 0

func fuzzDifferential(_ bytes: [UInt8]) {
    if differentialGenerated == 0 {
        atexit {
            print(
                "differential: \(differentialGenerated) consultations generated, \(differentialCompared) compared "
                    + "(\(differentialReadings) fast-path readings), no difference")
        }
    }
    var source = DifferentialCheck.ByteSource(bytes)
    let text = DifferentialCheck.consultation(from: &source)
    differentialGenerated += 1
    switch DifferentialCheck.compare(text, path: fuzzFile) {
    case .same(let readings):
        differentialCompared += 1
        differentialReadings += readings
    case .declined:
        break
    case .different(let difference):
        fatalError("the general reader and the fast path differ: \(difference)")
    }
}
