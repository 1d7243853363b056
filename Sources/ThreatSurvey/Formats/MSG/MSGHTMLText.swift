/// Plain text from an HTML body, for messages that carry no plain-text body.
///
/// Outlook often stores only the HTML body; the intake reads answers from the text, so tags
/// are dropped, `<script>` and `<style>` contents removed, block ends become line breaks, and
/// the common character references are decoded. It is not an HTML parser: it only has to give
/// back the words a delegation wrote. (The `.eml` reader's `HTMLText`, on the mime branch,
/// does the same; once both are merged one of them should go.)
enum MSGHTMLText {
    /// Elements whose end (or, for `br`, whose presence) starts a new line.
    private static let breaking: Set<String> = [
        "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
    ]

    /// The named references decoded; any other `&name;` is kept as written.
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    /// The plain text of `html`.
    ///
    /// - Complexity: O(n).
    static func plain(_ html: String) -> String {
        var out = ""
        var scalars = Array(html.unicodeScalars)[...]
        var skipUntil: String?  // inside <script> or <style>
        while let scalar = scalars.first {
            if scalar == "<" {
                guard let end = scalars.firstIndex(of: ">") else { break }
                let inside = String(String.UnicodeScalarView(scalars[(scalars.startIndex + 1)..<end]))
                scalars = scalars[(end + 1)...]
                let closing = inside.hasPrefix("/")
                let name = String(inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
                if let skipping = skipUntil {
                    if closing && name == skipping { skipUntil = nil }
                    continue
                }
                if !closing && (name == "script" || name == "style") { skipUntil = name; continue }
                if breaking.contains(name) && (closing || name == "br") { out += "\n" }
                continue
            }
            scalars = scalars.dropFirst()
            if skipUntil != nil { continue }
            if scalar == "&" {
                let reference = scalars.prefix(10).prefix(while: { $0 != ";" && $0 != "&" && $0 != "<" })
                if reference.count < 10, scalars.dropFirst(reference.count).first == ";" {
                    let text = String(String.UnicodeScalarView(reference))
                    if let decoded = decode(text) {
                        out += decoded
                        scalars = scalars.dropFirst(reference.count + 1)
                        continue
                    }
                }
            }
            out.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
        }
        return collapse(out)
    }

    private static func decode(_ reference: String) -> String? {
        if let text = named[reference] { return text }
        guard reference.hasPrefix("#") else { return nil }
        let digits = reference.dropFirst()
        let value = digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }

    /// Trims each line and keeps at most one blank line in a row (HTML source is indented and
    /// wrapped in ways that mean nothing once the tags are gone).
    private static func collapse(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            if trimmed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
