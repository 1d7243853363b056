/// Writes one large file into the store while it is being read, inside the transaction
/// ``Store/insertStreamed(name:questionnaire:received:_:)`` holds: its bytes chunk by chunk
/// (each compressed on its own, on a second thread: `ChunkCompressor`) and one submission
/// per respondent with its mentions packed.
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
    private var packed: [UInt8] = []
    /// The first and last submission ids written, `nil` before the first.
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
            INSERT INTO submissions(questionnaire, delegation, respondent, received, received_ms, file_id,
                format, encoding, delimiter, warnings, packed_mentions)
            VALUES (?, ?, ?, ?, ?, ?, 'csv-long', 'UTF-8', ',', '', ?)
            """)
        // Columns 1, 4, 5 and 6 are the same for every row and bound once.
        try insertSubmission.bind([
            .text(questionnaire), .null, .null, .text(receivedText), .integer(receivedMillis),
            .integer(fileID), .null,
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

    /// Stores one respondent's answer: `priorities` per threat of the questionnaire, as
    /// `SumsRow/addAnswer(_:)` takes them (-1 not mentioned, 0 no priority, >0 priority).
    func appendAnswer(
        memberState: String, respondent: String, priorities: UnsafeBufferPointer<Int32>
    )
        throws(SurveyError)
    {
        Store.pack(priorities, into: &packed)
        do {
            try insertSubmission.bind(.text(memberState), at: 2)
            try insertSubmission.bind(.text(respondent), at: 3)
            try insertSubmission.bind(.blob(packed), at: 7)
            try insertSubmission.run()
        } catch {
            throw Store.failure(error, path: path)
        }
        let id = db.lastInsertedRowID
        submissions = (submissions?.lowerBound ?? id)...id
    }
}

@available(*, unavailable)
extension StreamedFileWriter: Sendable {}
