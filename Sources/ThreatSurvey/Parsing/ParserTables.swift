import Synchronization

/// The name tables every reading of a questionnaire's answers needs — the threat resolver and
/// the prose matcher — built once per set of threats and shared.
///
/// Building them folds every id, title and alias of every threat (24 languages of aliases:
/// thousands of strings). One `submit` builds them once, but a mail with eight attachments,
/// `submit --each`, the test suite and the `pipeline` fuzz driver (a third of its time went
/// here) would rebuild the same tables for every file. They depend only on the threats, so
/// the threats are the key: a questionnaire whose definition changed gets new tables.
struct ParserTables: Sendable {
    /// Resolves a threat column's text to a threat id.
    let threats: ThreatResolver
    /// Finds threats named in prose.
    let prose: ProseMatcher

    /// Tables built at most this many times before the cache starts over: a process reads
    /// answers to a handful of questionnaires, and a bound keeps a long-running host (or a
    /// fuzzer inventing questionnaires) from growing without limit.
    static let cacheLimit = 32

    private static let cache = Mutex<[[Threat]: ParserTables]>([:])

    /// The tables for `questionnaire`'s threats, built on first use.
    ///
    /// - Complexity: O(threats) to look up (hashing the threats); O(aliases) to build.
    static func tables(for questionnaire: Questionnaire) -> ParserTables {
        if let found = cache.withLock({ $0[questionnaire.threats] }) { return found }
        let built = ParserTables(
            threats: ThreatResolver(questionnaire: questionnaire),
            prose: ProseMatcher(questionnaire: questionnaire))
        cache.withLock { tables in
            if tables.count >= cacheLimit { tables.removeAll(keepingCapacity: true) }
            tables[questionnaire.threats] = built
        }
        return built
    }
}
