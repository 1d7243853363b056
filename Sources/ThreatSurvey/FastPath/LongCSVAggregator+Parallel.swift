import Foundation

extension LongCSVAggregator {
    /// Sums a large file with respondents on two cores: the first half on this thread, the
    /// second on another, split at a line end near the middle.
    ///
    /// The split is checked, not trusted: the first part must end exactly at a record
    /// boundary (a line end inside a quoted comment would leave it mid-record), the respondent
    /// cut by the split is merged back, and no other respondent may appear in both parts.
    /// When any check fails the caller reads the file in one pass.
    ///
    /// - Returns: the outcome, or `nil` when the file is small, has no respondents, or the
    ///   split did not fall on a record boundary.
    static func aggregateInTwoParts(
        path: String, questionnaire: Questionnaire, chunkSize: Int
    ) throws(SurveyError) -> Outcome? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .inputMissing(path: path, reason: "no such file") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        guard size >= 4 * chunkSize else { return nil }

        // The header, read by the first part's scanner.
        let window = 1 << 16
        var head = [UInt8](repeating: 0, count: window)
        let headCount = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, window, 0) }
        guard headCount > 0 else { return nil }
        var first = Scanner(questionnaire: questionnaire)
        defer { first.release() }
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard
            let headerLength = head.withUnsafeBufferPointer({ buffer in
                first.readHeader(UnsafeBufferPointer(rebasing: buffer[bom..<headCount]))
            })
        else { return .declined(first.declined ?? .noHeaderLine) }
        guard first.respondentColumn >= 0 else { return nil }
        let bodyStart = bom + headerLength

        // The split: just after the first line end at or after the middle.
        let middle = size / 2
        let probeCount = head.withUnsafeMutableBytes {
            pread(fd, $0.baseAddress, window, off_t(middle))
        }
        guard probeCount > 0, let newline = head[0..<probeCount].firstIndex(of: 0x0A) else {
            return nil
        }
        let split = middle + newline + 1

        let second = ScannerBox(Scanner(questionnaire: questionnaire))
        defer { second.scanner.release() }
        second.scanner.copyConfiguration(from: first)
        second.scanner.holdFirstGroup = true
        first.holdLastGroup = true
        let done = DispatchSemaphore(value: 0)
        let progress = ProgressContext.sink
        DispatchQueue.global(qos: .userInitiated).async {
            second.leftover = try? scanRange(
                &second.scanner, fd: fd, from: split, to: size, chunkSize: chunkSize,
                progress: progress)
            done.signal()
        }
        let leftover = try scanRange(
            &first, fd: fd, from: bodyStart, to: split, chunkSize: chunkSize)
        done.wait()
        // The first part must end on a record boundary (else the second part began inside a
        // quoted field and its result means nothing): then read in one pass.
        guard first.declined != nil || leftover == 0 else { return nil }
        if let reason = first.declined ?? second.scanner.declined { return .declined(reason) }
        guard second.leftover == 0 else {
            return .declined(.unfinishedRecord)
        }

        first.finish()
        second.scanner.finish()
        var a = first.aggregate
        let b = second.scanner.aggregate
        // The respondent cut by the split, merged back; no other respondent in both parts.
        var straddling: Int?
        var groups: [(String, [Int32])] = []
        if let lastOfFirst = first.held, let firstOfSecond = second.scanner.held {
            let codeA = first.stateCodes[lastOfFirst.state]
            let codeB = second.scanner.stateCodes[firstOfSecond.state]
            if codeA == codeB && lastOfFirst.respondent == firstOfSecond.respondent {
                straddling = lastOfFirst.respondent
                let merged = zip(lastOfFirst.priorities, firstOfSecond.priorities).map {
                    first.merge($0, $1)
                }
                groups.append((codeA, merged))
            } else {
                groups.append((codeA, lastOfFirst.priorities))
                groups.append((codeB, firstOfSecond.priorities))
            }
        } else if let only = first.held {
            groups.append((first.stateCodes[only.state], only.priorities))
        } else if let only = second.scanner.held {
            groups.append((second.scanner.stateCodes[only.state], only.priorities))
        }
        let seenA = first.seenRespondents
        let seenB = second.scanner.seenRespondents
        for w in 0..<min(seenA.count, seenB.count) {
            var common = seenA[w] & seenB[w]
            if let s = straddling, s >> 6 == w { common &= ~(UInt64(1) << UInt64(s & 63)) }
            if common != 0 {
                return .declined(.respondentRowsApart)
            }
        }
        for (code, sums) in b.states {
            var total = a.states[code] ?? MentionAggregate.StateSums(threats: a.threats.count)
            total.add(sums)
            a.states[code] = total
        }
        for (_, priorities) in groups where LongCSVAggregator.namesEveryThreat(priorities) {
            return .declined(.filledInTemplate)
        }
        for (code, priorities) in groups {
            var total = a.states[code] ?? MentionAggregate.StateSums(threats: a.threats.count)
            total.addAnswer(priorities: priorities)
            a.states[code] = total
        }
        return .aggregated(a, rows: first.rows + second.scanner.rows)
    }

    /// Scans bytes `from..<to` of `fd` with `pread`; returns the bytes of an unfinished last
    /// record (0 when the range ends on a record boundary).
    static func scanRange(
        _ scanner: inout Scanner, fd: Int32, from: Int, to: Int, chunkSize: Int,
        progress: (any ProgressSink)? = ProgressContext.sink
    ) throws(SurveyError) -> Int {
        let capacity = chunkSize * 2
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var offset = from
        var filled = 0
        while true {
            let want = min(chunkSize, capacity - filled, to - offset)
            var n = 0
            if want > 0 {
                n = pread(fd, buffer + filled, want, off_t(offset))
                if n < 0 { throw .io("read failed") }
                ProgressContext.report(progress, buffer + filled, n)
                offset += n
                filled += n
            }
            let end = offset >= to || n == 0
            let consumed = scanner.scan(
                UnsafeBufferPointer(start: buffer, count: filled), final: end)
            if scanner.declined != nil { return 0 }
            if consumed < filled { memmove(buffer, buffer + consumed, filled - consumed) }
            filled -= consumed
            if end { return filled }
            if filled == capacity {
                scanner.declined = .recordTooLong(bytes: capacity)
                return 0
            }
        }
    }
}

/// The second part's scanner, handed to the worker thread.
private final class ScannerBox: @unchecked Sendable {
    // The worker uses `scanner` and `leftover` alone until it signals its semaphore; the
    // caller touches them only after waiting on it, so the two never overlap.
    var scanner: Scanner
    var leftover: Int?

    init(_ scanner: Scanner) {
        self.scanner = scanner
    }
}
