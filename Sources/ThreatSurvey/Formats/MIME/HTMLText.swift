/// HTML made plain: what a mail's HTML-only body says, as text the prose reader can take.
///
/// Many mailers (Outlook, webmail) send HTML only. Tags are dropped, `<script>`, `<style>`,
/// `<head>`, `<title>` and comments with their content; block elements (`p`, `div`, `br`,
/// `li`, `tr`, headings, …) become line breaks, list items get a `- `; character references
/// (`&eacute;`, `&#233;`, `&#xE9;`) are decoded; runs of whitespace collapse as a browser shows
/// them. Markup is ASCII, so the work is done on UTF-8 bytes; other text passes through.
public enum HTMLText {
    /// The longest character reference examined (`&` to `;`).
    static let maxReferenceLength = 32

    /// The text of an HTML document or fragment.
    ///
    /// - Complexity: O(n).
    public static func plain(_ html: String) -> String {
        let input = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        var pendingSpace = false
        var hiddenUntil: [UInt8]?  // name of the element whose content is hidden

        func breakLine(_ count: Int) {
            pendingSpace = false
            while output.last == 0x20 { output.removeLast() }
            if output.isEmpty { return }
            var existing = 0
            // Looks back at most `count` bytes: a text of many `&#10;` stays linear.
            while existing < count, existing < output.count,
                output[output.count - 1 - existing] == 0x0A
            {
                existing += 1
            }
            if existing < count { output += repeatElement(0x0A, count: count - existing) }
        }

        func emit(_ bytes: some Collection<UInt8>) {
            if pendingSpace, let last = output.last, last != 0x0A { output.append(0x20) }
            pendingSpace = false
            output += bytes
        }

        while index < input.count {
            let byte = input[index]
            if byte == 0x3C {  // <
                if matches(input, at: index, "<!--") {
                    var end = index + 4
                    while end < input.count, !matches(input, at: end, "-->") { end += 1 }
                    index = min(input.count, end + 3)
                    continue
                }
                var end = index + 1
                var quote: UInt8?
                while end < input.count {
                    let inner = input[end]
                    if let open = quote {
                        if inner == open { quote = nil }
                    } else if inner == 0x22 || inner == 0x27 {
                        quote = inner
                    } else if inner == 0x3E {
                        break
                    }
                    end += 1
                }
                var nameStart = index + 1
                let closing = nameStart < end && input[nameStart] == 0x2F
                if closing { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < end, nameEnd - nameStart < 16, isAlphanumeric(input[nameEnd]) {
                    nameEnd += 1
                }
                let name = input[nameStart..<nameEnd].map { $0 | 0x20 }
                index = min(input.count, end + 1)
                if let hidden = hiddenUntil {
                    if closing && name == hidden { hiddenUntil = nil }
                    continue
                }
                if !closing && hiddenElements.contains(name) {
                    hiddenUntil = name
                    continue
                }
                if let lines = blockElements[name] {
                    breakLine(lines)
                    if name == Array("li".utf8) && !closing { output += Array("- ".utf8) }
                } else if closing && (name == Array("td".utf8) || name == Array("th".utf8)) {
                    pendingSpace = true
                }
                continue
            }
            if hiddenUntil != nil {
                index += 1
                continue
            }
            if byte == 0x26 {  // &
                var end = index + 1
                while end < input.count, end - index <= maxReferenceLength,
                    isAlphanumeric(input[end]) || input[end] == 0x23
                {
                    end += 1
                }
                if end < input.count, input[end] == 0x3B,
                    let scalar = reference(input[(index + 1)..<end])
                {
                    if scalar == "\u{A0}" {
                        emit([0x20] as [UInt8])
                    } else {
                        emit(Array(String(Character(scalar)).utf8))
                    }
                    index = end + 1
                    continue
                }
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                index += 1
                continue
            }
            // A no-break space (U+00A0, C2 A0 in UTF-8) shows as a space.
            if byte == 0xC2, index + 1 < input.count, input[index + 1] == 0xA0 {
                emit([0x20] as [UInt8])
                index += 2
                continue
            }
            emit(CollectionOfOne(byte))
            index += 1
        }
        while let last = output.last, last == 0x0A || last == 0x20 { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hiddenElements: Set<[UInt8]> = Set(
        ["script", "style", "head", "title"].map { Array($0.utf8) })

    /// Block elements and the line breaks they make (2: a paragraph gap).
    private static let blockElements: [[UInt8]: Int] = {
        var table: [[UInt8]: Int] = [:]
        for name in [
            "p", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre",
            "section", "article", "header", "footer",
        ] {
            table[Array(name.utf8)] = 2
        }
        for name in ["br", "div", "table", "tr", "li", "dt", "dd"] { table[Array(name.utf8)] = 1 }
        return table
    }()

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func matches(_ input: [UInt8], at index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= input.count else { return false }
        return text.withUTF8Buffer { buffer in
            for offset in 0..<count where input[index + offset] != buffer[offset] { return false }
            return true
        }
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

    private static func reference(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        let name = String(decoding: bytes, as: UTF8.self)
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        }
        return named[name] ?? named[name.lowercased()]
    }
}
