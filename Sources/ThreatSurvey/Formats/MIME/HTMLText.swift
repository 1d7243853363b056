/// HTML made plain: what a mail's HTML-only body says, as text the prose reader can take.
///
/// Many mailers (Outlook, webmail) send HTML only. Tags are dropped, `<script>`, `<style>`,
/// `<head>` and comments with their content; block elements (`p`, `div`, `br`, `li`, `tr`,
/// headings, …) become line breaks, list items get a `- `; character references (`&eacute;`,
/// `&#233;`, `&#xE9;`) are decoded; runs of whitespace collapse as a browser would show them.
public enum HTMLText {
    /// The text of an HTML document or fragment.
    ///
    /// - Complexity: O(n).
    public static func plain(_ html: String) -> String {
        let characters = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var pendingSpace = false
        var skipUntil: String?  // closing tag of an element whose content is hidden

        func breakLine(_ count: Int = 1) {
            pendingSpace = false
            // Remove trailing blanks, then add up to `count` line breaks (no more than two).
            while let last = output.last, last == " " { output.removeLast() }
            var existing = 0
            var position = output.endIndex
            while position > output.startIndex {
                let previous = output.index(before: position)
                guard output[previous] == "\n" else { break }
                existing += 1
                position = previous
            }
            if output.isEmpty { return }
            for _ in existing..<max(existing, count) { output.append("\n") }
        }

        func emit(_ scalar: Unicode.Scalar) {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = true
                return
            }
            if pendingSpace, let last = output.last, last != "\n" { output.append(" ") }
            pendingSpace = false
            output.append(scalar == "\u{A0}" ? " " : scalar)
        }

        while index < characters.count {
            let scalar = characters[index]
            if scalar == "<" {
                // Comment
                if matches(characters, at: index, "<!--") {
                    var end = index + 4
                    while end < characters.count, !matches(characters, at: end, "-->") { end += 1 }
                    index = min(characters.count, end + 3)
                    continue
                }
                var end = index + 1
                var quote: Unicode.Scalar?
                while end < characters.count {
                    let inner = characters[end]
                    if let open = quote {
                        if inner == open { quote = nil }
                    } else if inner == "\"" || inner == "'" {
                        quote = inner
                    } else if inner == ">" {
                        break
                    }
                    end += 1
                }
                let tagText = String(String.UnicodeScalarView(characters[(index + 1)..<min(end, characters.count)]))
                index = min(characters.count, end + 1)
                let closing = tagText.hasPrefix("/")
                let name = String(
                    tagText.drop(while: { $0 == "/" })
                        .prefix(while: { $0.isLetter || $0.isNumber })
                ).lowercased()
                if let hidden = skipUntil {
                    if closing && name == hidden { skipUntil = nil }
                    continue
                }
                if !closing && ["script", "style", "head", "title"].contains(name) {
                    skipUntil = name
                    continue
                }
                switch name {
                case "br":
                    breakLine(1)
                case "p", "div", "table", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5",
                    "h6", "hr", "pre", "section", "article", "header", "footer":
                    breakLine(name == "div" || name == "table" ? 1 : 2)
                case "tr", "dt", "dd":
                    breakLine(1)
                case "li":
                    breakLine(1)
                    if !closing {
                        output.append(contentsOf: "- ".unicodeScalars)
                    }
                case "td", "th":
                    if closing { emit(" ") }
                default:
                    break
                }
                continue
            }
            if skipUntil != nil {
                index += 1
                continue
            }
            if scalar == "&" {
                var end = index + 1
                while end < characters.count, end - index <= 32, characters[end] != ";",
                    characters[end].properties.isAlphabetic || characters[end] == "#"
                        || ("0"..."9").contains(characters[end])
                {
                    end += 1
                }
                if end < characters.count, characters[end] == ";",
                    let decoded = entity(String(String.UnicodeScalarView(characters[(index + 1)..<end])))
                {
                    emit(decoded)
                    index = end + 1
                    continue
                }
            }
            emit(scalar)
            index += 1
        }
        var text = String(output)
        while text.hasSuffix("\n") || text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    private static func matches(_ characters: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard position < characters.count, characters[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "agrave": "à", "aacute": "á",
        "acirc": "â", "auml": "ä", "aring": "å", "ccedil": "ç", "iuml": "ï", "icirc": "î",
        "iacute": "í", "ocirc": "ô", "ouml": "ö", "oacute": "ó", "uuml": "ü", "ugrave": "ù",
        "ucirc": "û", "uacute": "ú", "ntilde": "ñ", "szlig": "ß", "oslash": "ø", "aelig": "æ",
        "oelig": "œ", "Eacute": "É", "Egrave": "È", "Agrave": "À", "Ccedil": "Ç", "Ouml": "Ö",
        "Uuml": "Ü", "Auml": "Ä", "euro": "€", "copy": "©", "reg": "®", "deg": "°",
        "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—", "hellip": "…", "rsquo": "’",
        "lsquo": "‘", "rdquo": "”", "ldquo": "“", "bull": "•", "middot": "·", "shy": "\u{AD}",
    ]

    private static func entity(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        }
        return named[name] ?? named[name.lowercased()]
    }
}
