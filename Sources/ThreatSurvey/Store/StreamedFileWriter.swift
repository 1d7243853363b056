/// Writes one large file into the store while it is being read, inside the transaction
/// ``Store/insertStreamed(name:questionnaire:received:_:)`` holds: its bytes chunk by chunk
/// (each compressed on its own, on a second thread: `ChunkCompressor`) and, per delegation,
/// its respondents' answers packed (`RespondentPack`), stored when the file has been read as
/// one submission per delegation: the shape the general reader stores too.
///
/// Valid only during that call's body; not `Sendable` (it wraps the store's connection).
public final class StreamedFileWriter {
    private let db: Connection
    private let fileID: Int64
    private let path: String
    private let insertChunk: Statement
    private let insertSubmission: Statement
    private var seq: Int64 = 0
    private let compressor = ChunkCompressor()
    /// Per delegation, in the order first read: its respondents' packed answers so far.
    private var packs: [(memberState: String, body: PackedBytes, count: Int)] = []
    private var packOf: [String: Int] = [:]
    /// The first and last submission ids written, `nil` before ``insertSubmissions(threats:sums:)``.
    private(set) var submissions: ClosedRange<Int64>?

    init(
        db: Connection, path: String, fileID: Int64, questionnaire: String, receivedMillis: Int64,
        receivedText: String
    )
        throws(SQLiteError)
    {
        self.db = db
        self.fileID = fileID
        self.path = path
        insertChunk = try db.prepare(
            "INSERT INTO file_chunks(file_id, seq, bytes, size) VALUES (?, ?, ?, ?)")
        insertSubmission = try db.prepare(
            """
            INSERT INTO submissions(questionnaire, delegation, received, received_ms, file_id,
                format, encoding, delimiter, warnings, respondents, respondent_count, sums)
            VALUES (?, ?, ?, ?, ?, 'csv-long', 'UTF-8', ',', '', ?, ?, ?)
            """)
        // Columns 1, 3, 4 and 5 are the same for every row and bound once.
        try insertSubmission.bind([
            .text(questionnaire), .null, .text(receivedText), .integer(receivedMillis),
            .integer(fileID), .null, .null, .null,
        ])
    }

    /// Stores the next chunk of the file's bytes (the original is kept, in order): handed to
    /// the compressing thread, inserted once compressed (at the latest by ``finish()``).
    func appendBytes(_ chunk: UnsafeRawBufferPointer) throws(SurveyError) {
        try insertChunks(compressor.submit(chunk))
    }

    /// Stores the chunks still being compressed; called once the file has been read.
    ///
    /// - Returns: the SHA-256 (lowercase hex) and size of the bytes kept, computed over them as
    ///   they were stored: a file that grows or changes while it is read still gets the
    ///   checksum of what was kept.
    func finish() throws(SurveyError) -> (checksum: String, size: Int) {
        let finished = compressor.finish()
        try insertChunks(finished.chunks)
        return (finished.checksum, finished.size)
    }

    private func insertChunks(_ chunks: [ChunkCompressor.Stored]) throws(SurveyError) {
        for chunk in chunks {
            do {
                try insertChunk.execute([
                    .integer(fileID), .integer(seq), .blob(chunk.bytes),
                    chunk.size.map { .integer(Int64($0)) } ?? .null,
                ])
            } catch {
                throw Store.failure(error, path: path)
            }
            seq += 1
        }
    }

    /// Keeps one respondent's answer: `priorities` per threat of the questionnaire, as
    /// `SumsRow/addAnswer(_:)` takes them (-1 not mentioned, 0 no priority, >0 priority), and
    /// the line its first row starts on (0: not known), packed with its delegation's others.
    func appendAnswer(
        memberState: String, respondent: String, line: Int = 0,
        priorities: UnsafeBufferPointer<Int32>
    ) {
        let index: Int
        if let known = packOf[memberState] {
            index = known
        } else {
            index = packs.count
            packOf[memberState] = index
            packs.append((memberState, PackedBytes(), 0))
        }
        RespondentPack.appendAnswer(
            respondent: respondent, line: line, priorities: priorities, to: &packs[index].body)
        packs[index].count += 1
    }

    /// Stores one submission per delegation read, with its packed answers (numbered over
    /// `threats`, the questionnaire's) and `sums` (the reader's, over the same threats).
    func insertSubmissions(
        threats: [String], sums: [String: MentionAggregate.StateSums]
    ) throws(SurveyError) {
        for pack in packs {
            let bytes = RespondentPack.header(threats: threats, count: pack.count) + pack.body.bytes
            let kept = sums[pack.memberState].map {
                SQLValue.blob(PackedSums.encode($0, threats: threats))
            }
            do {
                try insertSubmission.bind(.text(pack.memberState), at: 2)
                try insertSubmission.bind(.blob(bytes), at: 6)
                try insertSubmission.bind(.integer(Int64(pack.count)), at: 7)
                try insertSubmission.bind(kept ?? .null, at: 8)
                try insertSubmission.run()
            } catch {
                throw Store.failure(error, path: path)
            }
            let id = db.lastInsertedRowID
            submissions = (submissions?.lowerBound ?? id)...id
        }
    }
}

@available(*, unavailable)
extension StreamedFileWriter: Sendable {}
