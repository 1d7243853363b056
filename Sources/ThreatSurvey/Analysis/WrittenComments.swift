/// Written comments cut into paragraphs, as a compilation quotes them.
///
/// Intake keeps a submission's written comments as they were read (the text of a prose file,
/// a mail body, a Word document's paragraphs one per line, a JSON `comments` string); this is
/// the one place that cuts that text into the paragraphs `compile` quotes, verbatim.
public enum WrittenComments {
    /// One paragraph: its text exactly as written (lines joined by line breaks, a trailing
    /// line break left out) and the lines (1-based, in the comments' text) it spans.
    public struct Paragraph: Sendable, Hashable {
        /// The paragraph's text.
        public var text: String
        /// The first line of the comments' text it is on.
        public var firstLine: Int
        /// The last line.
        public var lastLine: Int
    }

    /// The paragraphs of `text`.
    ///
    /// In plain text (a `.txt` or `.md` file, a mail body, a JSON string) a paragraph is a run
    /// of non-blank lines: a hard-wrapped paragraph of a mail stays whole. A line opening with
    /// a list number or bullet (`1.`, `2)`, `(3)`, `a)`, `-`, `•`) starts a paragraph of its
    /// own, as a list item is a paragraph in a word processor. A document's text (`.docx`,
    /// `.odt`) already has one paragraph per line (`onePerLine`).
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func paragraphs(of text: String, onePerLine: Bool = false) -> [Paragraph] {
        var out: [Paragraph] = []
        var current: [Substring] = []
        var first = 0
        func close(at last: Int) {
            guard !current.isEmpty else { return }
            out.append(
                Paragraph(text: current.joined(separator: "\n"), firstLine: first, lastLine: last))
            current = []
        }
        let lines = WrittenComments.lines(of: text)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.allSatisfy(\.isWhitespace) {
                close(at: number - 1)
                continue
            }
            if onePerLine || startsListItem(line) { close(at: number - 1) }
            if current.isEmpty { first = number }
            current.append(line)
        }
        close(at: lines.count)
        return out
    }

    /// The lines of `text`, cut at LF, CRLF (one `Character` in Swift) or CR.
    public static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// Whether `line` opens with a list number or bullet: `1.` `12)` `(3)` `a)` `-` `–` `•` `*`
    /// followed by a space.
    static func startsListItem(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let head = trimmed.first else { return false }
        if "-–•*".contains(head) { return trimmed.dropFirst().first == " " }
        var rest = trimmed[...]
        let opened = rest.first == "("
        if opened { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            rest = rest.dropFirst(digits.count)
        } else if let letter = rest.first, letter.isLetter, letter.isLowercase {
            rest = rest.dropFirst()
            guard rest.first == ")" else { return false }
        } else {
            return false
        }
        guard let mark = rest.first, mark == "." || mark == ")" else { return false }
        if opened && mark != ")" { return false }
        let after = rest.dropFirst().first
        return after == nil || after == " " || after == "\t"
    }

    /// `lines` (one per line of a document's text) joined where a paragraph of the document
    /// spans several lines (a manual line break), by the reader's `paragraphOfLine`.
    public static func joined(_ lines: [Paragraph], paragraphOfLine: [Int]) -> [Paragraph] {
        var out: [Paragraph] = []
        func number(_ line: Int) -> Int {
            line >= 1 && line <= paragraphOfLine.count ? paragraphOfLine[line - 1] : -line
        }
        for line in lines {
            if let last = out.last, number(last.lastLine) == number(line.firstLine) {
                out[out.count - 1].text += "\n" + line.text
                out[out.count - 1].lastLine = line.lastLine
            } else {
                out.append(line)
            }
        }
        return out
    }
}
