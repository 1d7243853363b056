/// Delegations' e-mail addresses for reminder drafts (`--contacts FILE`: CSV with
/// `delegation` and `email` columns; several rows or `;`-separated addresses per delegation).
///
/// Validated like any input: an unknown Member State or an address that is not a plain
/// `local@domain` (no spaces, no line breaks, no display names) is an error with its place,
/// so that nothing from the file can inject a header into a draft.
public struct ContactList: Sendable {
    /// Addresses per EU code, in file order.
    public var addresses: [String: [String]]

    /// Reads a contacts CSV.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` listing every problem.
    public static func load(bytes: [UInt8], file: String) throws(SurveyError) -> ContactList {
        let text: DecodedText
        do {
            text = try TextDecoder.decode(bytes)
        } catch {
            throw .invalidData([Diagnostic(file: file, message: "not a text file")])
        }
        let dialect = CSVDialect.detect(text.utf8)
        let (records, problems) = CSVReader.records(in: text.utf8, delimiter: dialect.delimiter)
        var diagnostics: [Diagnostic] = problems.filter { $0.kind == .unclosedQuote }.map {
            Diagnostic(
                file: file, line: $0.line, column: $0.column, message: "quoted field is not closed")
        }
        guard let header = records.first else {
            throw .invalidData([Diagnostic(file: file, message: "file is empty")])
        }
        let keys = header.fields.map { TextFolding.key($0) }
        let delegationColumn = keys.firstIndex { LongCSVParser.delegationColumnNames.contains($0) }
        let emailColumn = keys.firstIndex {
            ["email", "e mail", "mail", "address", "email address"].contains($0)
        }
        guard let delegationColumn, let emailColumn else {
            throw .invalidData([
                Diagnostic(
                    file: file, line: 1, column: 1,
                    message: "a contacts file needs columns \"delegation\" and \"email\"")
            ])
        }
        let resolver = MemberStateResolver.shared
        var addresses: [String: [String]] = [:]
        for record in records.dropFirst() {
            let at = record.location(ofField: delegationColumn, in: file)
            let written = record[safe: delegationColumn].trimmingWhitespace()
            guard let state = resolver.resolve(written) else {
                diagnostics.append(
                    Diagnostic(
                        .error, at: at, "unknown Member State \"\(written)\"",
                        suggestion: resolver.suggestion(for: written)))
                continue
            }
            let cell = record.location(ofField: emailColumn, in: file)
            // Cells beyond the header: kept when the address column is the last one and each
            // is a plain address ("SI,a@gov.si, b@gov.si"); anything else is an error, never
            // dropped silently.
            var cells = [record[safe: emailColumn]]
            if record.fields.count > header.fields.count {
                let extra = record.fields[header.fields.count...].map { $0.trimmingWhitespace() }
                    .filter { !$0.isEmpty }
                if emailColumn == header.fields.count - 1 && extra.allSatisfy(isPlainAddress) {
                    cells += extra
                } else if let first = extra.first {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: record.location(ofField: header.fields.count, in: file),
                            "row has more cells than the header has columns, so \"\(first)\" would be lost; "
                                + "separate addresses with \";\" or put a field holding the delimiter in double quotes"
                        ))
                }
            }
            for part in cells.flatMap({ $0.split(separator: ";") }) {
                let address = String(part).trimmingWhitespace()
                if address.isEmpty { continue }
                guard isPlainAddress(address) else {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: cell,
                            "\"\(address)\" is not a plain e-mail address (local@domain)"))
                    continue
                }
                addresses[state.code, default: []].append(address)
            }
        }
        if diagnostics.containsErrors { throw .invalidData(diagnostics) }
        return ContactList(addresses: addresses)
    }

    /// `local@domain.tld` with the RFC 5322 dot-atom characters only.
    static func isPlainAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 254 else {
            return false
        }
        let atext = Set(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        let domain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
        return parts[0].allSatisfy(atext.contains) && parts[1].allSatisfy(domain.contains)
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains("..")
    }
}
