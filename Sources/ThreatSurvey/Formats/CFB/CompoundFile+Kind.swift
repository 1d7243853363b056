extension CompoundFile {
    /// What application wrote a Compound File, judged from the names at its root.
    ///
    /// The intake reads Outlook messages and refuses the rest with a reason the officer can act
    /// on ("save the Word file as .docx", "remove the password"), so it needs to know which
    /// Compound File it holds without reading any of them.
    public enum Kind: String, Sendable, Hashable {
        /// An Outlook message (`__substg1.0_…` streams, `__properties_version1.0`).
        case outlookMessage = "Outlook message"
        /// A Word 97–2003 document (`WordDocument` stream).
        case legacyWord = "Word 97-2003 document"
        /// An Excel 97–2003 (`Workbook`) or Excel 5 (`Book`) workbook.
        case legacyExcel = "Excel 97-2003 workbook"
        /// A password-protected Office Open XML file (`EncryptionInfo` + `EncryptedPackage`).
        case encryptedOOXML = "password-protected Office file"
        /// Anything else (PowerPoint, Visio, MSI, thumbnails…).
        case other = "compound file"
    }

    /// What application wrote this file.
    ///
    /// - Complexity: O(k) for k entries at the root.
    public var kind: Kind {
        let names = Set(children(of: root).map { $0.name.uppercased() })
        if names.contains("__PROPERTIES_VERSION1.0")
            || names.contains(where: { $0.hasPrefix("__SUBSTG1.0_") })
        {
            return .outlookMessage
        }
        if names.contains("WORDDOCUMENT") { return .legacyWord }
        if names.contains("WORKBOOK") || names.contains("BOOK") { return .legacyExcel }
        if names.contains("ENCRYPTIONINFO") && names.contains("ENCRYPTEDPACKAGE") {
            return .encryptedOOXML
        }
        return .other
    }
}
