extension DOCXWriter {
    /// The name of chart `number`'s embedded workbook, relative to `word/`.
    static func workbookName(_ number: Int) -> String {
        "embeddings/Microsoft_Excel_Worksheet\(number).xlsx"
    }

    /// `word/charts/_rels/chartN.xml.rels`: the chart's link to its embedded workbook.
    func chartRelationships(_ number: Int) -> [UInt8] {
        relationships([
            (
                Self.workbookRelationship, Namespace.officeRelationship + "/package",
                "../" + Self.workbookName(number)
            )
        ])
    }

    /// The relationship id of a chart's workbook in its chart part's relationships.
    static let workbookRelationship = "rIdWorkbook"

    /// The chart's data as a one-sheet Excel workbook (`.xlsx`, SpreadsheetML), embedded so
    /// that Word's "Edit Data" opens the figures instead of saying the linked file is missing.
    ///
    /// Sheet1 holds the categories in A2…, the values in B2…, the series name in B1, the cells
    /// the chart's formulas name. Strings are inline (no shared-strings part), no styles: the
    /// smallest workbook Excel opens.
    func workbook(_ chart: WordChart) throws(ZipError) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let type = Self.officeType + "spreadsheetml."
        let types = contentTypes(
            defaults: [],
            overrides: [
                ("/xl/workbook.xml", type + "sheet.main+xml"),
                ("/xl/worksheets/sheet1.xml", type + "worksheet+xml"),
            ])

        var workbook = XMLWriter()
        workbook.start("workbook", ["xmlns": main, "xmlns:r": Namespace.r])
        workbook.start("sheets")
        workbook.empty("sheet", ["name": "Sheet1", "sheetId": "1", "r:id": "rId1"])

        var sheet = XMLWriter()
        sheet.start("worksheet", ["xmlns": main])
        sheet.start("sheetData")
        let count = min(chart.categories.count, chart.values.count)
        let rows: [(String, String?)] =
            [("", nil)] + (0..<count).map { (chart.categories[$0], nil) }
        for (index, row) in rows.enumerated() {
            let number = String(index + 1)
            sheet.start("row", ["r": number])
            if !row.0.isEmpty { inlineString(&sheet, "A" + number, row.0) }
            if index == 0 {
                inlineString(&sheet, "B1", chart.valueTitle)
            } else {
                sheet.start("c", ["r": "B" + number])
                sheet.element("v", text: WordChart.number(chart.values[index - 1]))
                sheet.end()
            }
            sheet.end()
        }

        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", types)
        try zip.add(
            "_rels/.rels",
            relationships([
                ("rId1", Namespace.officeRelationship + "/officeDocument", "xl/workbook.xml")
            ]))
        try zip.add("xl/workbook.xml", workbook.finish())
        try zip.add(
            "xl/_rels/workbook.xml.rels",
            relationships([
                ("rId1", Namespace.officeRelationship + "/worksheet", "worksheets/sheet1.xml")
            ]))
        try zip.add("xl/worksheets/sheet1.xml", sheet.finish())
        return try zip.finish()
    }

    private func inlineString(_ xml: inout XMLWriter, _ reference: String, _ text: String) {
        xml.start("c", ["r": reference, "t": "inlineStr"])
        xml.start("is")
        xml.element("t", ["xml:space": "preserve"], text: text)
        xml.end()
        xml.end()
    }
}
