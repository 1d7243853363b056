/// A small RFC 8259 JSON parser over UTF-8 bytes that reports positions.
///
/// Written for the tool (no package dependencies) so that every value carries its line and
/// column, and a truncated or malformed file is reported at the exact place it goes wrong.
/// Nesting is limited (``maximumDepth``) so that hostile input cannot exhaust the stack.
package struct JSONParser {
    /// Deepest nesting accepted; answer files need 4.
    public static let maximumDepth = 64

    /// A syntax error: where and what.
    public struct SyntaxError: Error, Sendable {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
        /// What was wrong.
        public var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// Prepares to parse `bytes` (UTF-8, no BOM).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses the whole input as one JSON value.
    ///
    /// - Throws: ``SyntaxError`` at the first place the text stops being JSON.
    /// - Complexity: O(n).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value")
        }
        return value
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        let startLine = line
        let startColumn = column
        let value: JSONNode.Value
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try parseObject()
        case UInt8(ascii: "["): value = try parseArray()
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
        case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
        case UInt8(ascii: "n"): try literal("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            value = .number(try parseNumber())
        default: throw error("unexpected \(describeCurrent()); expected a value")
        }
        return JSONNode(value: value, line: startLine, column: startColumn)
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode.Value {
        try enter()
        advance()  // {
        var members: [JSONNode.Member] = []
        // Where each key was first written: a repeated key is an error naming both places
        // (a reader keeping the last value silently would drop what was written first).
        var firstPlace: [String: (line: Int, column: Int)] = [:]
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw error("unexpected end of file; expected a key in quotes or '}'")
            }
            guard peek == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()); expected a key in quotes")
            }
            let keyLine = line
            let keyColumn = column
            let key = try parseString()
            if let first = firstPlace[key] {
                throw SyntaxError(
                    line: keyLine, column: keyColumn,
                    message:
                        "key \"\(TerminalText.clipped(key))\" appears twice in this object (first at line \(first.line), "
                        + "column \(first.column)); keep one")
            }
            firstPlace[key] = (keyLine, keyColumn)
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                throw error(
                    index < bytes.count
                        ? "unexpected \(describeCurrent()); expected ':' after the key"
                        : "unexpected end of file; expected ':'")
            }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(.init(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw error("unexpected end of file; expected ',' or '}' to close the object")
            }
            if peek == UInt8(ascii: ",") {
                advance()
                continue
            }
            if peek == UInt8(ascii: "}") {
                advance()
                depth -= 1
                return .object(members)
            }
            throw error("unexpected \(describeCurrent()); expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode.Value {
        try enter()
        advance()  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw error("unexpected end of file; expected ',' or ']' to close the array")
            }
            if peek == UInt8(ascii: ",") {
                advance()
                continue
            }
            if peek == UInt8(ascii: "]") {
                advance()
                depth -= 1
                return .array(elements)
            }
            throw error("unexpected \(describeCurrent()); expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        let openLine = line
        let openColumn = column
        advance()  // opening quote
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                guard index < bytes.count else { break }
                let escape = bytes[index]
                advance()
                switch escape {
                case UInt8(ascii: "\""): out.append(escape)
                case UInt8(ascii: "\\"): out.append(escape)
                case UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), peek == UInt8(ascii: "\\"),
                        index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                    {
                        advance()
                        advance()
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(character).utf8))
                default:
                    column -= 1
                    throw error(
                        "invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
            case 0x00..<0x20:
                if byte == 0x0A {
                    throw SyntaxError(
                        line: openLine, column: openColumn,
                        message: "string is not closed on its line (missing '\"')")
                }
                throw error("control character in a string; write it escaped")
            default:
                out.append(byte)
                advance()
            }
        }
        throw SyntaxError(
            line: openLine, column: openColumn,
            message: "unexpected end of file inside a string that starts here")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw error("expected 4 hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> String {
        let start = index
        if peek == UInt8(ascii: "-") { advance() }
        guard let first = peek, isDigit(first) else { throw error("expected a digit") }
        if first == UInt8(ascii: "0") {
            advance()
        } else {
            while let b = peek, isDigit(b) { advance() }
        }
        if peek == UInt8(ascii: ".") {
            advance()
            guard let b = peek, isDigit(b) else { throw error("expected a digit after '.'") }
            while let b = peek, isDigit(b) { advance() }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard let b = peek, isDigit(b) else { throw error("expected a digit in the exponent") }
            while let b = peek, isDigit(b) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        for expected in word.utf8 {
            guard peek == expected else {
                throw error(
                    index < bytes.count
                        ? "unexpected \(describeCurrent()); expected '\(word)'"
                        : "unexpected end of file; expected '\(word)'")
            }
            advance()
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return String(format6(byte))
    }

    private func format6(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "byte 0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, column: column, message: message)
    }
}
