import Foundation

/// RFC 5322 address lists (`From`, `To`): mailboxes, display names and groups.
///
/// The sender's address identifies the delegation (through the contacts file), so it must be
/// read exactly: `"Dupont, Marie" <marie.dupont@example.fr>` is one mailbox, not two;
/// `Delegations: a@x.eu, b@y.eu;` is a group of two; display names may be quoted, contain
/// encoded words, or (old style) follow the address as a comment: `a@x.eu (Marie Dupont)`.
public enum AddressList {
    /// The mailboxes of an address-list header value, in order.
    ///
    /// Group names are dropped and their members kept. Entries without an `@` and without
    /// angle brackets are skipped.
    ///
    /// - Parameters:
    ///   - value: the unfolded header value.
    ///   - notes: receives notes about charsets read by guessing.
    /// - Returns: the mailboxes, display names decoded.
    /// - Complexity: O(n).
    public static func parse(_ value: String, notes: inout [String]) -> [MailAddress] {
        var result: [MailAddress] = []
        var phrase: [String] = []  // display-name words (quoted strings unquoted)
        var comment = ""
        var angle: String?
        var inAngle = false
        var angleText = ""

        func finish() {
            defer {
                phrase.removeAll()
                comment = ""
                angle = nil
            }
            let address: String
            var name: String?
            if let angle {
                address = angle
                name = phrase.isEmpty ? nil : phrase.joined(separator: " ")
            } else {
                // No angle brackets: the word with an `@` is the address (`a@x.eu`,
                // `a@x.eu (Name)`); a quoted local part joins the word after it.
                if let at = phrase.firstIndex(where: { $0.contains("@") && !$0.hasPrefix("@") }) {
                    address = phrase[at]
                    let others = phrase[..<at] + phrase[(at + 1)...]
                    if !comment.isEmpty {
                        name = comment
                    } else if !others.isEmpty {
                        name = others.joined(separator: " ")
                    }
                } else {
                    let words = phrase.joined()
                    guard words.contains("@") else { return }
                    address = words
                    if !comment.isEmpty { name = comment }
                }
            }
            let trimmed = address.trimmingASCIIWhitespace
            guard !trimmed.isEmpty || angle != nil else { return }
            if let raw = name {
                let decoded = EncodedWord.decode(raw, notes: &notes)
                    .trimmingASCIIWhitespace
                name = decoded.isEmpty ? nil : decoded
            }
            result.append(MailAddress(name: name, address: trimmed))
        }

        let characters = Array(value)
        var index = 0
        var word = ""
        func endWord() {
            if !word.isEmpty {
                phrase.append(word)
                word = ""
            }
        }
        while index < characters.count {
            let character = characters[index]
            if inAngle {
                if character == ">" {
                    inAngle = false
                    angle = angleText.filter { !$0.isWhitespace }
                    angleText = ""
                } else if character == "(" {
                    // A comment inside the address (RFC 5322 appendix A.5) is not part of it.
                    var depth = 1
                    index += 1
                    while index < characters.count, depth > 0 {
                        if characters[index] == "\\" {
                            index += 1
                        } else if characters[index] == "(" {
                            depth += 1
                        } else if characters[index] == ")" {
                            depth -= 1
                        }
                        index += 1
                    }
                    continue
                } else if character != "\"" {
                    angleText.append(character)
                }
                index += 1
                continue
            }
            switch character {
            case "\"":
                endWord()
                var text = ""
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count { index += 1 }
                    text.append(characters[index])
                    index += 1
                }
                phrase.append(text)
            case "(":
                endWord()
                var depth = 1
                var text = ""
                index += 1
                while index < characters.count, depth > 0 {
                    let inner = characters[index]
                    if inner == "\\", index + 1 < characters.count {
                        index += 1
                        text.append(characters[index])
                    } else if inner == "(" {
                        depth += 1
                        text.append(inner)
                    } else if inner == ")" {
                        depth -= 1
                        if depth > 0 { text.append(inner) }
                    } else {
                        text.append(inner)
                    }
                    index += 1
                }
                if comment.isEmpty { comment = text.trimmingASCIIWhitespace }
                continue
            case "<":
                endWord()
                inAngle = true
                angleText = ""
            case ",":
                endWord()
                finish()
            case ":":
                // A group's name ends; its members follow.
                endWord()
                if angle == nil {
                    phrase.removeAll()
                    comment = ""
                } else {
                    word.append(character)
                }
            case ";":
                endWord()
                finish()
            case " ", "\t", "\r", "\n":
                endWord()
            default:
                word.append(character)
            }
            index += 1
        }
        if inAngle { angle = angleText.filter { !$0.isWhitespace } }
        endWord()
        finish()
        return result
    }
}
