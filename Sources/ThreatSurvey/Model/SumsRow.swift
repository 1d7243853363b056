/// One Member State's sums seen as flat storage: the single place where an answer is added
/// to the sums a ranking needs (answers, mentions, priorities, Borda points, first places).
///
/// The general path (``MentionAggregate/StateSums/addAnswer(priorities:)``), the fast path's
/// scanner and its two-core merge all call ``addAnswer(_:)``; nothing else re-implements the
/// rule, so the two paths cannot drift apart. It works on pointers so that the fast path adds
/// a million answers without an allocation or a copy-on-write check.
///
/// **An answer naming no threat** counts as an answer — the delegation or respondent replied,
/// so it is among those who responded — but mentions nothing: `answers` grows by one, every
/// threat's sums stay as they were.
///
/// **Overflow**: no value can trap. Each priority is clamped into
/// `1...`
/// ``MentionAggregate/maximumSummedPriority`` before it is summed, and every count and
/// sum is added with ``saturatingAdd(_:_:)``, which stops at `Int.max` instead of trapping:
/// a store written by an older version may hold any value, and reading it must not crash.
struct SumsRow {
    /// The state's answer count.
    let answers: UnsafeMutablePointer<Int>
    /// Per threat: answers mentioning it.
    let mentions: UnsafeMutablePointer<Int>
    /// Per threat: sum of the (clamped) priorities given.
    let prioritySum: UnsafeMutablePointer<Int>
    /// Per threat: answers giving it a priority.
    let priorityCount: UnsafeMutablePointer<Int>
    /// Per threat: Borda points.
    let borda: UnsafeMutablePointer<Double>
    /// Per threat: answers putting it first.
    let firsts: UnsafeMutablePointer<Int>
    /// Per threat: the best (lowest) priority any answer gave it, 0 when none gave one.
    ///
    /// Kept beside the sums so that a figure made from sums (the report's heat map cell)
    /// says what the answers said: "2", not "some priority, not 1".
    let bestPriority: UnsafeMutablePointer<Int>
    /// The questionnaire's number of threats (the length of every per-threat array).
    let threats: Int

    /// A view of sums whose per-threat arrays each hold `threats` elements.
    init(
        answers: UnsafeMutablePointer<Int>, mentions: UnsafeMutablePointer<Int>,
        prioritySum: UnsafeMutablePointer<Int>, priorityCount: UnsafeMutablePointer<Int>,
        borda: UnsafeMutablePointer<Double>, firsts: UnsafeMutablePointer<Int>,
        bestPriority: UnsafeMutablePointer<Int>, threats: Int
    ) {
        self.answers = answers
        self.mentions = mentions
        self.prioritySum = prioritySum
        self.priorityCount = priorityCount
        self.borda = borda
        self.firsts = firsts
        self.bestPriority = bestPriority
        self.threats = threats
    }

    /// In `priorities`: the threat is not mentioned.
    static let notMentioned: Int32 = -1
    /// In `priorities`: the threat is mentioned without a priority.
    static let noPriority: Int32 = 0

    /// Adds one answer, given as a priority per threat (``notMentioned``, ``noPriority`` or
    /// the priority given, best one first: 1 is the highest).
    ///
    /// Borda: mentioned threats ordered by priority, unprioritised ones after and tied among
    /// themselves, tied items sharing the average position; with T threats position p earns
    /// `T − p` points; unmentioned threats earn nothing (<doc:Figures>). First
    /// places go to every threat given the answer's best priority. Priorities above
    /// ``MentionAggregate/maximumSummedPriority`` count as that maximum (and below 1 as 1).
    ///
    /// - Parameter priorities: one entry per threat; entries past ``threats`` are ignored.
    /// - Complexity: O(T + m²) for T threats and m of them mentioned; no heap allocation.
    func addAnswer(_ priorities: UnsafeBufferPointer<Int32>) {
        let total = min(threats, priorities.count)
        answers.pointee = SumsRow.saturatingAdd(answers.pointee, 1)
        guard total > 0 else { return }
        let ceiling = Int32(MentionAggregate.maximumSummedPriority)
        withUnsafeTemporaryAllocation(of: (index: Int, key: Int32).self, capacity: total) {
            mentioned in
            var m = 0
            var best = Int32.max
            for t in 0..<total where priorities[t] >= 0 {
                let p = priorities[t]
                let key = p == SumsRow.noPriority ? Int32.max : min(max(p, 1), ceiling)
                mentioned[m] = (t, key)
                m += 1
                if key < best { best = key }
            }
            for i in 0..<m {
                let (t, key) = mentioned[i]
                mentions[t] = SumsRow.saturatingAdd(mentions[t], 1)
                if key != Int32.max {
                    prioritySum[t] = SumsRow.saturatingAdd(prioritySum[t], Int(key))
                    priorityCount[t] = SumsRow.saturatingAdd(priorityCount[t], 1)
                    if key == best { firsts[t] = SumsRow.saturatingAdd(firsts[t], 1) }
                    bestPriority[t] = SumsRow.better(bestPriority[t], Int(key))
                }
                var less = 0
                var equal = 0
                for j in 0..<m {
                    if mentioned[j].key < key {
                        less += 1
                    } else if mentioned[j].key == key {
                        equal += 1
                    }
                }
                // Positions less+1 … less+equal share their average.
                borda[t] += Double(threats) - (Double(less) + Double(equal + 1) / 2)
            }
        }
    }

    /// The entry for a threat mentioned again.
    ///
    /// The best (lowest) priority given wins, a mention without priority adds nothing to one with
    /// (``Response/priority(of:)``'s rule). A priority below 1 counts as 1, one beyond `Int32` as
    /// `Int32.max` (clamped again when summed).
    @inline(__always)
    static func merge(_ old: Int32, _ priority: Int?) -> Int32 {
        guard let priority else { return old < 0 ? noPriority : old }
        return merge(old, Int32(clamping: max(priority, 1)))
    }

    /// The better of two entries (``notMentioned``, ``noPriority`` or a priority).
    @inline(__always)
    static func merge(_ old: Int32, _ new: Int32) -> Int32 {
        if new < 0 { return old }
        if old <= 0 { return max(old, new) }
        if new == 0 { return old }
        return min(old, new)
    }

    /// The better of two best priorities: the lower one given; else 0 (none given).
    @inline(__always)
    public static func better(_ a: Int, _ b: Int) -> Int {
        if a > 0, b > 0 { return min(a, b) }
        return max(a, b, 0)
    }

    /// `a + b`, or `Int.max` (`Int.min`) where that would overflow: sums read from a store
    /// may be anything, and adding them must never trap.
    @inline(__always)
    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b < 0 ? Int.min : Int.max) : sum
    }
}
