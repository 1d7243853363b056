import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One run of a command: wall time and the peak memory of the process.
struct Measurement {
    var wall: Double
    var peakMiB: Double
    var status: Int32
}

/// Runs a command with standard output sent to `output` (or discarded), and measures it.
///
/// It measures with `wait4`, which reports the child's peak resident set. Linux keeps the larger of
/// the parent's and the child's across `exec`, so the benchmark itself never holds much memory.
func measure(_ arguments: [String], output: String? = nil, errors: String? = nil) -> Measurement {
    guard let program = arguments.first else { return Measurement(wall: 0, peakMiB: 0, status: -1) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(
        &actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(
        &actions, 2, errors ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    let rc = posix_spawnp(&pid, program, &actions, nil, argv, environ)
    guard rc == 0 else { return Measurement(wall: 0, peakMiB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let wall = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    return Measurement(wall: wall, peakMiB: Double(usage.ru_maxrss) / 1024, status: exited)
}

/// Whether a command runs successfully (to probe for optional baselines).
func available(_ arguments: [String]) -> Bool {
    measure(arguments).status == 0
}

/// The middle value (the mean of the two middle ones for an even count); NaN for none.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
