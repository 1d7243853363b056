// Fuzz target "xml": any bytes as an XML document; events nest properly, the depth limit holds
// and every error position is inside the text.
func fuzzXML(_ bytes: [UInt8]) {
    var reader = XMLReader(bytes: bytes, maximumElements: 100_000)
    var open: [String] = []
    do {
        while let event = try reader.next() {
            switch event {
            case .start(let tag):
                open.append(tag.name)
                precondition(open.count <= XMLReader.maximumDepth)
                _ = reader.location(of: tag.offset)
            case .end(let name):
                precondition(open.popLast() == name)
            case .text:
                precondition(!open.isEmpty)
            }
        }
        precondition(open.isEmpty)
    } catch {
        precondition(error.line >= 1 && error.column >= 1 && error.line <= bytes.count + 1)
    }
}
