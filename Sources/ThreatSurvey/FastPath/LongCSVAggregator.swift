import Foundation

/// The fast path for large consultations: streams a long CSV file and sums it straight into
/// a ``MentionAggregate``, without building a submission per row.
///
/// It reads the file in fixed-size chunks (memory stays flat however large the file is),
/// scans bytes with a quote-aware state machine, resolves each distinct Member State and
/// threat spelling once, and needs no per-row allocation. It handles the common shape of a
/// large export — one group of rows per respondent, integer priorities, known columns — and
/// **declines** anything else (``Outcome/declined(_:)``), so that the general reader, with
/// its full diagnostics, takes over. Both produce the same sums: the general reader's rules
/// are the reference, this is a faster way to the same numbers.
///
/// Boundary: everything here is an optimisation of the general reader's result; answers are
/// added to the sums by the same function (`SumsRow/addAnswer(_:)`). The streamed submit
/// (Intake) uses it to store a large file without holding it.
public enum LongCSVAggregator {
    /// Whether one answer names every threat of the questionnaire.
    ///
    /// The general reader reads such an answer as a filled-in template (rows without priority or
    /// comment mention nothing, ``LongCSVParser``), a rule with diagnostics, so the fast path
    /// declines it.
    static func namesEveryThreat(_ priorities: [Int32]) -> Bool {
        priorities.count > 1 && !priorities.contains { $0 < 0 }
    }

    /// What the fast path made of a file.
    public enum Outcome: Sendable {
        /// The file was summed.
        case aggregated(MentionAggregate, rows: Int)
        /// The file needs the general reader, for the reason given (said on the receipt).
        case declined(FastPathDecline)
    }

    /// Bytes read per `read(2)`.
    public static let defaultChunkSize = 4 << 20

    /// Streams `path` and sums it for `questionnaire`.
    ///
    /// - Parameters:
    ///   - path: the CSV file to read.
    ///   - questionnaire: the questionnaire the file answers.
    ///   - chunkSize: bytes per read; the buffer holds two chunks, so a record may be up to
    ///     that long.
    ///   - parallel: whether a file of at least four chunks with respondents may be read on
    ///     two cores (the differential tests compare both ways).
    /// - Returns: the sums, or why the fast path declined the file.
    /// - Throws: ``SurveyError/inputMissing(path:reason:)`` when the file cannot be read.
    public static func aggregate(
        path: String, questionnaire: Questionnaire, chunkSize: Int = defaultChunkSize,
        parallel: Bool = true
    ) throws(SurveyError) -> Outcome {
        if parallel,
            let outcome = try aggregateInTwoParts(
                path: path, questionnaire: questionnaire, chunkSize: chunkSize)
        {
            return outcome
        }
        return try stream(
            path: path, questionnaire: questionnaire, chunkSize: chunkSize,
            requireRespondents: false)
    }

    /// One respondent's answer, as the streaming path hands it to a store.
    public struct StreamedAnswer {
        /// The Member State's EU code.
        public var memberState: String
        /// The respondent id as written.
        public var respondent: String
        /// The respondent's number (its id without the prefix).
        public var number: Int
        /// Per threat: -1 not mentioned, 0 mentioned without priority, >0 the priority.
        public var priorities: [Int32]
        /// The line the respondent's first row starts on, as the general reader numbers lines
        /// (a record ends a line at LF, CR LF or a lone CR; inside quotes, LF does).
        public var line: Int
    }

    /// What a streamed file held, for the store.
    public struct StreamSummary {
        /// The sums.
        public var aggregate: MentionAggregate
        /// Data rows read.
        public var rows: Int
        /// The respondent prefix and the range of numbers.
        public var respondentPrefix: String
        /// Smallest respondent number.
        public var minRespondent: Int
        /// Largest respondent number.
        public var maxRespondent: Int
    }

    /// Streams `path`, handing every raw chunk to `onBytes` and every respondent's answer to
    /// `onAnswer` (both may throw to abort), for storing a large file without holding it.
    ///
    /// - Returns: the summary, or `nil` when the file needs the general reader.
    public static func stream(
        path: String, questionnaire: Questionnaire, chunkSize: Int = defaultChunkSize,
        onBytes: (UnsafeRawBufferPointer) throws(SurveyError) -> Void,
        onAnswer: @escaping (StreamedAnswer) throws(SurveyError) -> Void
    ) throws(SurveyError) -> StreamSummary? {
        let outcome = try streamOutcome(
            path: path, questionnaire: questionnaire, chunkSize: chunkSize, onBytes: onBytes,
            onAnswer: onAnswer)
        guard case .streamed(let summary) = outcome else { return nil }
        return summary
    }

    /// What streaming a file came to: its summary, or why the fast path declined it.
    public enum StreamOutcome {
        /// The file was read to the end.
        case streamed(StreamSummary)
        /// The file needs the general reader, for this reason.
        case declined(FastPathDecline)
    }

    /// Streams `path` as ``stream(path:questionnaire:chunkSize:onBytes:onAnswer:)`` does, and
    /// says why when the fast path declines the file.
    ///
    /// - Parameters:
    ///   - path: the CSV file to read.
    ///   - questionnaire: the questionnaire the file answers.
    ///   - chunkSize: bytes per read.
    ///   - onBytes: called with every raw chunk, in order.
    ///   - onAnswer: called with every respondent's answer.
    /// - Returns: the summary, or the reason the fast path declined the file.
    /// - Throws: what `onBytes` or `onAnswer` throw, or
    ///   ``SurveyError/inputMissing(path:reason:)`` when the file cannot be read.
    /// - Complexity: O(*n*) in the file's size, in memory of two chunks.
    public static func streamOutcome(
        path: String, questionnaire: Questionnaire, chunkSize: Int = defaultChunkSize,
        onBytes: (UnsafeRawBufferPointer) throws(SurveyError) -> Void,
        onAnswer: @escaping (StreamedAnswer) throws(SurveyError) -> Void
    ) throws(SurveyError) -> StreamOutcome {
        var failure: SurveyError?
        var prefix = ""
        var low = 0
        var high = 0
        let outcome = try stream(
            path: path, questionnaire: questionnaire, chunkSize: chunkSize,
            requireRespondents: true,
            onBytes: onBytes,
            onAnswer: { answer in
                do {
                    try onAnswer(answer)
                    return true
                } catch {
                    failure = (error as? SurveyError) ?? .internalError("\(error)")
                    return false
                }
            },
            onFinish: { _, p, lo, hi in
                prefix = p
                low = lo
                high = hi
            })
        if let failure { throw failure }
        switch outcome {
        case .declined(let reason):
            return .declined(reason)
        case .aggregated(let aggregate, let rows):
            return .streamed(
                StreamSummary(
                    aggregate: aggregate, rows: rows, respondentPrefix: prefix,
                    minRespondent: low, maxRespondent: high))
        }
    }

    private static func stream(
        path: String, questionnaire: Questionnaire, chunkSize: Int, requireRespondents: Bool,
        onBytes: (UnsafeRawBufferPointer) throws(SurveyError) -> Void = { _ in },
        onAnswer: ((StreamedAnswer) -> Bool)? = nil,
        onFinish: (([String], String, Int, Int) -> Void)? = nil
    ) throws(SurveyError) -> Outcome {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .inputMissing(path: path, reason: "no such file") }
        defer { close(fd) }
        var scanner = Scanner(questionnaire: questionnaire)
        defer { scanner.release() }
        scanner.onAnswer = onAnswer
        scanner.countsLines = onAnswer != nil
        let capacity = chunkSize * 2
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        var atStart = true
        var endOfFile = false
        let progress = ProgressContext.sink
        while true {
            if !endOfFile && filled < capacity {
                let n = read(fd, buffer + filled, min(chunkSize, capacity - filled))
                if n < 0 { throw .io("\(path): read failed") }
                ProgressContext.report(progress, buffer + filled, n)
                if n == 0 { endOfFile = true }
                if n > 0 { try onBytes(UnsafeRawBufferPointer(start: buffer + filled, count: n)) }
                filled += n
            }
            var start = 0
            if atStart {
                atStart = false
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    start = 3
                }
                guard
                    let reason = scanner.readHeader(
                        UnsafeBufferPointer(start: buffer + start, count: filled - start))
                else {
                    return .declined(scanner.declined ?? .noHeaderLine)
                }
                if requireRespondents && scanner.respondentColumn < 0 {
                    return .declined(.noRespondentColumn)
                }
                start += reason
            }
            let consumed = scanner.scan(
                UnsafeBufferPointer(start: buffer + start, count: filled - start), final: endOfFile)
            if let reason = scanner.declined { return .declined(reason) }
            let used = start + consumed
            // Keep the unfinished record at the front of the buffer.
            if used < filled { memmove(buffer, buffer + used, filled - used) }
            filled -= used
            if endOfFile {
                if filled > 0 { return .declined(.unfinishedRecord) }
                break
            }
            if filled == capacity { return .declined(.recordTooLong(bytes: capacity)) }
        }
        scanner.finish()
        if let reason = scanner.declined { return .declined(reason) }
        onFinish?(
            scanner.stateCodes, String(decoding: scanner.respondentPrefix ?? [], as: UTF8.self),
            scanner.minRespondent, scanner.maxRespondent)
        return .aggregated(scanner.aggregate, rows: scanner.rows)
    }
}

/// Whether `bytes` equals the `length` bytes at `p`.
func sameBytes(_ bytes: [UInt8], _ p: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return length == 0 }
        return memcmp(base, p, length) == 0
    }
}

/// A small open-addressing map from byte spellings to indices, looked up without allocating.
struct SpellingTable {
    private var hashes = [UInt64](repeating: 0, count: 256)
    private var values = [Int](repeating: -1, count: 256)
    private var spellings = [[UInt8]](repeating: [], count: 256)
    private var count = 0

    /// A cheap hash of a spelling: its length and its first and last eight bytes (the
    /// whole spelling when shorter), enough to tell a questionnaire's names apart; equality
    /// is always checked on the bytes.
    static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h = UInt64(length) &* 0x9E37_79B9_7F4A_7C15
        if length >= 8 {
            let raw = UnsafeRawPointer(p)
            h ^= raw.loadUnaligned(as: UInt64.self)
            h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
            h ^= raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        } else {
            for i in 0..<length { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        }
        h = (h ^ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        return (h ^ (h >> 29)) | 1
    }

    /// The index stored for these bytes, or -1.
    func find(_ p: UnsafePointer<UInt8>, _ length: Int, hash h: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: h) & 255
        while hashes[slot] != 0 {
            if hashes[slot] == h, spellings[slot].count == length,
                sameBytes(spellings[slot], p, length)
            {
                return values[slot]
            }
            slot = (slot + 1) & 255
        }
        return -1
    }

    /// Stores `value` for these bytes; `false` when the table is full.
    mutating func insert(_ p: UnsafePointer<UInt8>, _ length: Int, hash h: UInt64, value: Int)
        -> Bool
    {
        guard count < 192 else { return false }
        var slot = Int(truncatingIfNeeded: h) & 255
        while hashes[slot] != 0 { slot = (slot + 1) & 255 }
        hashes[slot] = h
        values[slot] = value
        spellings[slot] = Array(UnsafeBufferPointer(start: p, count: length))
        count += 1
        return true
    }
}

/// The byte-level state of one pass over a long CSV (or one part of it).
struct Scanner {
    let questionnaire: Questionnaire
    let threatCount: Int
    var aggregate: MentionAggregate
    var declined: FastPathDecline?
    var rows = 0

    // Columns.
    var delimiter: UInt8 = 0x2C
    var columnCount = 0
    var delegationColumn = -1
    var threatColumn = -1
    var priorityColumn = -1
    var respondentColumn = -1
    var questionnaireColumn = -1

    // Interning: each distinct spelling is resolved once.
    var stateBySpelling = SpellingTable()
    var twoLetterStates = [Int16](repeating: -1, count: 65536)
    var threatBySpelling = SpellingTable()
    var questionnaireSpellings: Set<[UInt8]> = []
    var stateCodes: [String] = []
    let states = MemberStateResolver.shared
    let threats: ThreatResolver

    // Sums per (state, threat), flat and preallocated: the innermost loop touches these for
    // every respondent, so no array copy-on-write checks there.
    static let maximumStates = 64
    let answers: UnsafeMutablePointer<Int>
    let mentions: UnsafeMutablePointer<Int>
    let prioritySum: UnsafeMutablePointer<Int>
    let priorityCount: UnsafeMutablePointer<Int>
    let borda: UnsafeMutablePointer<Double>
    let firsts: UnsafeMutablePointer<Int>
    let bestPriority: UnsafeMutablePointer<Int>

    // The current group (one respondent, or one state without respondents).
    var groupState = -1
    var groupRespondent = -1
    var groupPriorities: [Int32]  // -1 not mentioned, 0 mentioned without priority, >0 priority
    var seenRespondents: [UInt64] = []
    var respondentPrefix: [UInt8]?
    var respondentWidth = 0
    var minRespondent = Int.max
    var maxRespondent = -1
    /// Called with every finished respondent (bulk storing); `false` aborts.
    var onAnswer: ((LongCSVAggregator.StreamedAnswer) -> Bool)?
    /// For the second part of a split file: keep the first respondent apart, it may have
    /// begun in the first part.
    var holdFirstGroup = false
    /// For the first part of a split file: keep the last respondent apart, it may go on in
    /// the second part.
    var holdLastGroup = false
    /// The respondent kept apart: state index, number, priorities.
    var held: (state: Int, respondent: Int, priorities: [Int32])?
    private var firstGroupSeen = false
    // Without respondents, each state's answer is gathered over the whole file.
    var statePriorities: [[Int32]] = []
    /// Whether lines are counted (for the answers handed to `onAnswer`: each respondent's
    /// line, as the general reader gives it); summing alone does not need them.
    var countsLines = false
    /// The line the next record starts on (the header is line 1).
    var line = 2
    /// The line the record being read starts on.
    var recordLine = 0
    /// The line the current group's first row starts on.
    var groupLine = 0

    init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        threatCount = questionnaire.threats.count
        aggregate = MentionAggregate(threats: questionnaire.threats.map(\.id))
        threats = ThreatResolver(questionnaire: questionnaire)
        groupPriorities = [Int32](repeating: -1, count: questionnaire.threats.count)
        let cells = Scanner.maximumStates * max(threatCount, 1)
        answers = .allocate(capacity: Scanner.maximumStates)
        answers.initialize(repeating: 0, count: Scanner.maximumStates)
        mentions = .allocate(capacity: cells)
        mentions.initialize(repeating: 0, count: cells)
        prioritySum = .allocate(capacity: cells)
        prioritySum.initialize(repeating: 0, count: cells)
        priorityCount = .allocate(capacity: cells)
        priorityCount.initialize(repeating: 0, count: cells)
        borda = .allocate(capacity: cells)
        borda.initialize(repeating: 0, count: cells)
        firsts = .allocate(capacity: cells)
        firsts.initialize(repeating: 0, count: cells)
        bestPriority = .allocate(capacity: cells)
        bestPriority.initialize(repeating: 0, count: cells)
    }

    /// Frees the sums' storage; the scanner must not be used afterwards.
    func release() {
        answers.deallocate()
        mentions.deallocate()
        prioritySum.deallocate()
        priorityCount.deallocate()
        borda.deallocate()
        firsts.deallocate()
        bestPriority.deallocate()
    }

    /// Reads the header line; returns the bytes it used, or `nil` (with `declined` set).
    mutating func readHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // UTF-16 (a byte-order mark, or NUL bytes between the letters) is the general
        // reader's: the fast reader reads bytes as UTF-8.
        if bytes.starts(with: [0xFF, 0xFE]) {
            declined = .encoding(TextEncoding.utf16LE.rawValue)
            return nil
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            declined = .encoding(TextEncoding.utf16BE.rawValue)
            return nil
        }
        if bytes.prefix(256).contains(0) {
            declined = .encoding("UTF-16")
            return nil
        }
        guard let end = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
            declined = .noHeaderLine
            return nil
        }
        let line = Array(bytes[0..<end])
        guard TextDecoder.isValidUTF8(line) else {
            declined = .encoding("not UTF-8 (Windows-1252?)")
            return nil
        }
        if line.starts(with: Array("sep=".utf8)) || line.contains(UInt8(ascii: "\"")) {
            declined = line.starts(with: Array("sep=".utf8)) ? .separatorLine : .quotedHeader
            return nil
        }
        delimiter = CSVDialect.detect(Array(bytes.prefix(1 << 16))).delimiter
        let names = line.split(separator: delimiter, omittingEmptySubsequences: false)
            .map { TextFolding.key(String(decoding: $0, as: UTF8.self)) }
        columnCount = names.count
        var unknown: String?
        for (i, name) in names.enumerated() {
            if LongCSVParser.delegationColumnNames.contains(name) {
                delegationColumn = i
            } else if LongCSVParser.threatColumnNames.contains(name) {
                threatColumn = i
            } else if LongCSVParser.priorityColumnNames.contains(name) {
                priorityColumn = i
            } else if LongCSVParser.respondentColumnNames.contains(name) {
                respondentColumn = i
            } else if LongCSVParser.questionnaireColumnNames.contains(name) {
                questionnaireColumn = i
            } else if LongCSVParser.commentColumnNames.contains(name) {
                continue
            } else if unknown == nil {
                unknown = name
            }
        }
        // Without delegation and threat columns the file is not in long form (a matrix names
        // threats as columns): that is the reason, not its first unknown column.
        guard delegationColumn >= 0, threatColumn >= 0, Set(names).count == names.count else {
            declined = .notLongForm
            return nil
        }
        if let unknown {
            declined = .unknownColumn(unknown)
            return nil
        }
        aggregate.carriesRespondents = respondentColumn >= 0
        var used = end + 1
        if bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { used += 1 }
        return used
    }

    /// Scans complete records; returns the bytes consumed (up to the last complete record).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
        let n = bytes.count
        guard let base = bytes.baseAddress, n > 0 else { return 0 }
        let quote = UInt8(ascii: "\"")
        let delimiter = self.delimiter
        var recordStart = 0
        // Field spans of the columns that matter, as (start, length) into `base`.
        let fieldStart = UnsafeMutablePointer<Int>.allocate(capacity: max(columnCount, 1))
        let fieldLength = UnsafeMutablePointer<Int>.allocate(capacity: max(columnCount, 1))
        fieldStart.initialize(repeating: 0, count: max(columnCount, 1))
        fieldLength.initialize(repeating: 0, count: max(columnCount, 1))
        defer {
            fieldStart.deallocate()
            fieldLength.deallocate()
        }
        outer: while recordStart < n {
            var i = recordStart
            // Skip blank lines.
            let b0 = base[i]
            if b0 == 0x0A || b0 == 0x0D {
                if countsLines {
                    // LF, or a lone CR, ends a line; CR LF ends one (its LF counts).
                    if b0 == 0x0A {
                        line += 1
                    } else if i + 1 < n {
                        if base[i + 1] != 0x0A { line += 1 }
                    } else if final {
                        line += 1
                    } else {
                        break outer
                    }
                }
                recordStart = i + 1
                continue
            }
            // Line ends inside this record's quoted fields and at its end.
            var lineEnds = 0
            var column = 0
            while true {
                if i >= n { break outer }  // incomplete record: wait for more bytes
                if base[i] == quote {
                    // Quoted field: only comments are quoted in practice; find the closing quote.
                    var j = i + 1
                    while true {
                        guard let q = memchr(base + j, Int32(quote), n - j) else { break outer }
                        j = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
                        if j + 1 < n && base[j + 1] == quote {
                            j += 2
                            continue
                        }
                        if j + 1 >= n && !final { break outer }
                        break
                    }
                    if column < columnCount {
                        fieldStart[column] = i + 1
                        fieldLength[column] = j - i - 1
                        if column != commentLikeColumn(column) {
                            declined = .quotedKeyValue
                            return recordStart
                        }
                    }
                    if countsLines { lineEnds += Scanner.lineEnds(base + i + 1, j - i - 1) }
                    i = j + 1
                } else {
                    var j = i
                    while j < n {
                        let b = base[j]
                        if b == delimiter || b == 0x0A || b == 0x0D { break }
                        j += 1
                    }
                    if j >= n && !final { break outer }
                    if column < columnCount {
                        fieldStart[column] = i
                        fieldLength[column] = j - i
                    }
                    i = j
                }
                column += 1
                if i >= n {
                    if !final { break outer }
                    break
                }
                let b = base[i]
                if b == delimiter {
                    i += 1
                    continue
                }
                if b == 0x0D {
                    i += 1
                    if i < n, base[i] == 0x0A { i += 1 } else if i >= n && !final { break outer }
                    lineEnds += 1
                    break
                }
                if b == 0x0A {
                    i += 1
                    lineEnds += 1
                    break
                }
                declined = .textAfterClosingQuote
                return recordStart
            }
            if column != columnCount {
                declined = .raggedRow
                return recordStart
            }
            recordLine = line
            row(base, fieldStart, fieldLength)
            if declined != nil { return recordStart }
            line += lineEnds
            recordStart = i
        }
        return recordStart
    }

    /// The line ends inside a quoted field of `length` bytes at `p`: each LF (inside quotes
    /// the general reader's lines end at LF only; between records a lone CR ends one too).
    static func lineEnds(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var count = 0
        var from = p
        var left = length
        while left > 0, let hit = memchr(from, 0x0A, left) {
            let next = hit.assumingMemoryBound(to: UInt8.self) + 1
            left -= from.distance(to: next)
            from = UnsafePointer(next)
            count += 1
        }
        return count
    }

    /// Quoted text is accepted in comment columns only (names and numbers are never quoted).
    func commentLikeColumn(_ column: Int) -> Int {
        column == delegationColumn || column == threatColumn || column == priorityColumn
            || column == respondentColumn || column == questionnaireColumn ? -1 : column
    }

    mutating func row(
        _ base: UnsafePointer<UInt8>, _ start: UnsafeMutablePointer<Int>,
        _ length: UnsafeMutablePointer<Int>
    ) {
        rows += 1
        let state = resolveState(base + start[delegationColumn], length[delegationColumn])
        guard state >= 0 else { return }
        let threat = resolveThreat(base + start[threatColumn], length[threatColumn])
        guard threat >= 0 else { return }
        var priority: Int32 = 0
        if priorityColumn >= 0 {
            let p = base + start[priorityColumn]
            let len = length[priorityColumn]
            if len > 0 {
                var value: Int32 = 0
                for k in 0..<len {
                    let d = p[k] &- 0x30
                    guard d < 10, k < 9 else {
                        declined = .priorityNotWholeNumber
                        return
                    }
                    value = value * 10 + Int32(d)
                }
                guard value >= 1, value <= Int32(Priority.maximum) else {
                    declined = .priorityOutOfRange
                    return
                }
                priority = value
            }
        }
        if questionnaireColumn >= 0 {
            let spelling = Array(
                UnsafeBufferPointer(
                    start: base + start[questionnaireColumn], count: length[questionnaireColumn]))
            if !questionnaireSpellings.contains(spelling) {
                let text = String(decoding: spelling, as: UTF8.self).trimmingWhitespace()
                guard
                    text.isEmpty
                        || Questionnaire.canonicalID(text).uppercased()
                            == questionnaire.id.uppercased()
                else {
                    declined = .otherQuestionnaire
                    return
                }
                questionnaireSpellings.insert(spelling)
            }
        }
        if respondentColumn >= 0 {
            let respondent = respondentNumber(
                base + start[respondentColumn], length[respondentColumn])
            guard respondent >= 0 else { return }
            if respondent != groupRespondent || state != groupState {
                finishGroup()
                if seen(respondent) {
                    declined = .respondentRowsApart
                    return
                }
                groupRespondent = respondent
                groupLine = recordLine
                groupState = state
            }
            let old = groupPriorities[threat]
            groupPriorities[threat] = merge(old, priority)
        } else {
            let old = statePriorities[state][threat]
            statePriorities[state][threat] = merge(old, priority)
        }
    }

    /// The better of two recorded priorities (-1 absent, 0 none, >0 priority).
    func merge(_ old: Int32, _ new: Int32) -> Int32 { SumsRow.merge(old, new) }

    /// Takes the column layout another scanner read from the header.
    mutating func copyConfiguration(from other: Scanner) {
        delimiter = other.delimiter
        columnCount = other.columnCount
        delegationColumn = other.delegationColumn
        threatColumn = other.threatColumn
        priorityColumn = other.priorityColumn
        respondentColumn = other.respondentColumn
        questionnaireColumn = other.questionnaireColumn
        aggregate.carriesRespondents = other.aggregate.carriesRespondents
        respondentPrefix = other.respondentPrefix
        respondentWidth = other.respondentWidth
    }

    mutating func resolveState(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int {
        // Two-letter codes, by far the most common spelling, by direct lookup.
        if length == 2 {
            let key = Int(p[0]) << 8 | Int(p[1])
            let known = twoLetterStates[key]
            if known >= 0 { return Int(known) }
        }
        let h = SpellingTable.hash(p, length)
        let known = stateBySpelling.find(p, length, hash: h)
        if known >= 0 { return known }
        let text = String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
        guard let state = states.resolve(text) else {
            declined = Scanner.unknown(p, length) ?? .unknownMemberState(text)
            return -1
        }
        let index: Int
        if let existing = stateCodes.firstIndex(of: state.code) {
            index = existing
        } else {
            index = stateCodes.count
            guard index < Scanner.maximumStates else {
                declined = .tooManyMemberStates
                return -1
            }
            stateCodes.append(state.code)
            statePriorities.append([Int32](repeating: -1, count: threatCount))
        }
        if length == 2 { twoLetterStates[Int(p[0]) << 8 | Int(p[1])] = Int16(index) }
        if !stateBySpelling.insert(p, length, hash: h, value: index) {
            declined = .tooManySpellings("delegations")
        }
        return index
    }

    /// `.encoding` when the `length` bytes at `p` are not UTF-8 (a name in Windows-1252):
    /// the reason a name is unknown is then its encoding, not its spelling.
    static func unknown(_ p: UnsafePointer<UInt8>, _ length: Int) -> FastPathDecline? {
        TextDecoder.isValidUTF8(UnsafeBufferPointer(start: p, count: length))
            ? nil : .encoding("not UTF-8 (Windows-1252?)")
    }

    mutating func resolveThreat(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let h = SpellingTable.hash(p, length)
        let known = threatBySpelling.find(p, length, hash: h)
        if known >= 0 { return known }
        let text = String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
        guard let id = threats.resolve(text), let index = aggregate.threats.firstIndex(of: id)
        else {
            declined = Scanner.unknown(p, length) ?? .unknownThreat(text)
            return -1
        }
        if !threatBySpelling.insert(p, length, hash: h, value: index) {
            declined = .tooManySpellings("threats")
        }
        return index
    }

    /// `R0000042` → 42; respondents must share one prefix and be numbered.
    mutating func respondentNumber(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var k = 0
        while k < length, p[k] &- 0x30 >= 10 { k += 1 }
        if let known = respondentPrefix {
            let same = known.count == k && sameBytes(known, p, k)
            if !same {
                declined = .respondentIDs("of different forms")
                return -1
            }
        } else {
            respondentPrefix = Array(UnsafeBufferPointer(start: p, count: k))
        }
        guard k < length, length - k <= 9 else {
            declined = .respondentIDs("without a number")
            return -1
        }
        // Ids must be written one way per number (R0000042, not also R42), so that the
        // number stands for the id: the first id sets the zero-padded width.
        let digits = length - k
        if respondentWidth == 0 { respondentWidth = digits }
        if digits != respondentWidth && (digits < respondentWidth || p[k] == 0x30) {
            declined = .respondentIDs("of different widths")
            return -1
        }
        var value = 0
        while k < length {
            let d = p[k] &- 0x30
            guard d < 10 else {
                declined = .respondentIDs("followed by text after their number")
                return -1
            }
            value = value * 10 + Int(d)
            k += 1
        }
        return value
    }

    /// Whether `respondent` was seen before; marks it seen.
    mutating func seen(_ respondent: Int) -> Bool {
        let word = respondent >> 6
        if word >= seenRespondents.count {
            seenRespondents.append(
                contentsOf: repeatElement(
                    0, count: max(word + 1 - seenRespondents.count, seenRespondents.count)))
        }
        let bit = UInt64(1) << UInt64(respondent & 63)
        let was = seenRespondents[word] & bit != 0
        seenRespondents[word] |= bit
        return was
    }

    /// Adds the finished respondent's answer to its state's sums.
    mutating func finishGroup() {
        guard groupState >= 0 else { return }
        if holdFirstGroup && !firstGroupSeen {
            firstGroupSeen = true
            held = (groupState, groupRespondent, groupPriorities)
            for t in 0..<threatCount { groupPriorities[t] = -1 }
            groupState = -1
            groupRespondent = -1
            return
        }
        firstGroupSeen = true
        minRespondent = min(minRespondent, groupRespondent)
        maxRespondent = max(maxRespondent, groupRespondent)
        if let onAnswer {
            let digits = String(groupRespondent)
            let id =
                String(decoding: respondentPrefix ?? [], as: UTF8.self)
                + String(repeating: "0", count: max(0, respondentWidth - digits.count)) + digits
            let answer = LongCSVAggregator.StreamedAnswer(
                memberState: stateCodes[groupState], respondent: id, number: groupRespondent,
                priorities: groupPriorities, line: groupLine)
            if !onAnswer(answer) { declined = .stoppedByStore }
        }
        addAnswer(groupPriorities, to: groupState)
        for t in 0..<threatCount { groupPriorities[t] = -1 }
        groupState = -1
        groupRespondent = -1
    }

    /// Ends the file: the last respondent, or every state's gathered answer, then the sums.
    mutating func finish() {
        if holdLastGroup, respondentColumn >= 0, groupState >= 0 {
            held = (groupState, groupRespondent, groupPriorities)
        } else if respondentColumn >= 0 {
            finishGroup()
        } else {
            for state in stateCodes.indices { addAnswer(statePriorities[state], to: state) }
        }
        for (i, code) in stateCodes.enumerated() {
            var sums = MentionAggregate.StateSums(threats: threatCount)
            sums.answers = answers[i]
            for t in 0..<threatCount {
                let cell = i * threatCount + t
                sums.mentions[t] = mentions[cell]
                sums.prioritySum[t] = prioritySum[cell]
                sums.priorityCount[t] = priorityCount[cell]
                sums.borda[t] = borda[cell]
                sums.firsts[t] = firsts[cell]
                sums.bestPriority[t] = bestPriority[cell]
            }
            aggregate.states[code] = sums
        }
    }

    /// Adds one answer (priorities per threat: -1 absent, 0 none, >0 given) to `state`'s
    /// flat sums with the one rule, `SumsRow/addAnswer(_:)`, without allocating.
    mutating func addAnswer(_ priorities: [Int32], to state: Int) {
        if LongCSVAggregator.namesEveryThreat(priorities) {
            declined = .filledInTemplate
        }
        let row = state * threatCount
        let sums = SumsRow(
            answers: answers + state, mentions: mentions + row, prioritySum: prioritySum + row,
            priorityCount: priorityCount + row, borda: borda + row, firsts: firsts + row,
            bestPriority: bestPriority + row, threats: threatCount)
        priorities.withUnsafeBufferPointer { sums.addAnswer($0) }
    }
}
