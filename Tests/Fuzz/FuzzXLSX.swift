// Fuzz target "xlsx": any bytes as a workbook (.xlsx or .ods, told apart by content); a
// workbook read stays within the cell limit and has no trailing blank cells.
func fuzzXLSX(_ bytes: [UInt8]) {
    guard let workbook = try? Workbook.read(bytes: bytes) else { return }
    var cells = 0
    for sheet in workbook.sheets {
        for row in sheet.grid.rows {
            precondition(row.last != "")
            cells += row.count
        }
        precondition(sheet.grid.rows.last?.isEmpty != true)
    }
    precondition(cells <= Workbook.maximumCells)
}
