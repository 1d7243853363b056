@testable import ThreatSurvey

/// Minimal `.xlsx` and `.docx` files built in the test, for positions and refusals.
extension ZipFixture {
    static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(
            "\"", with: "&quot;")
    }

    /// A plain zip of `files`.
    static func zip(_ files: [(String, [UInt8])]) throws -> [UInt8] {
        make(
            files.map {
                var e = Entry($0.0, ""); e.data = $0.1; return e
            })
    }

    /// A workbook whose sheets hold inline strings.
    static func xlsx(sheets: [(String, [[String]])]) throws -> [UInt8] {
        var entries: [Entry] = [
            Entry(
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
            ),
            Entry(
                "_rels/.rels",
                "<Relationships><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ]
        var list = ""
        var rels = ""
        for (index, (name, rows)) in sheets.enumerated() {
            list +=
                "<sheet name=\"\(escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"s\(index + 1)\"/>"
            rels +=
                "<Relationship Id=\"s\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            var data = ""
            for (r, row) in rows.enumerated() {
                data += "<row r=\"\(r + 1)\">"
                for (c, value) in row.enumerated() {
                    data +=
                        "<c r=\"\(Grid.columnName(c + 1))\(r + 1)\" t=\"inlineStr\"><is><t>\(escaped(value))</t></is></c>"
                }
                data += "</row>"
            }
            entries.append(
                Entry(
                    "xl/worksheets/sheet\(index + 1).xml",
                    "<worksheet><sheetData>\(data)</sheetData></worksheet>"))
        }
        entries.append(
            Entry(
                "xl/workbook.xml",
                "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(list)</sheets></workbook>"
            ))
        entries.append(
            Entry("xl/_rels/workbook.xml.rels", "<Relationships>\(rels)</Relationships>"))
        return make(entries)
    }

    /// A Word document of `paragraphs`, then `table` if given.
    static func docx(paragraphs: [String], table: [[String]]?) throws -> [UInt8] {
        var body = paragraphs.map { "<w:p><w:r><w:t>\(escaped($0))</w:t></w:r></w:p>" }.joined()
        if let table {
            body +=
                "<w:tbl>"
                + table.map { row in
                    "<w:tr>"
                        + row.map { "<w:tc><w:p><w:r><w:t>\(escaped($0))</w:t></w:r></w:p></w:tc>" }
                        .joined() + "</w:tr>"
                }.joined() + "</w:tbl>"
        }
        return make([
            Entry(
                "[Content_Types].xml",
                "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
            ),
            Entry(
                "word/document.xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
            ),
        ])
    }
}
