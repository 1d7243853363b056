// Fuzz target "docx": any bytes as a word-processing document (.docx or .odt, told apart by
// content) and as an answer file named .docx; a document read stays within its limits and
// holds no blank paragraph.
func fuzzDOCX(_ bytes: [UInt8]) {
    if let document = try? WordDocument.read(bytes: bytes) {
        precondition(document.paragraphs.count <= WordDocument.maximumParagraphs)
        precondition(document.tables.count <= WordDocument.maximumTables)
        precondition(!document.paragraphs.contains { $0.allSatisfy(\.isWhitespace) })
    }
    if let file = try? AnswerFile.read(bytes: bytes, name: "a.docx") {
        _ = try? fuzzParserFR.parse(file)
    }
}
