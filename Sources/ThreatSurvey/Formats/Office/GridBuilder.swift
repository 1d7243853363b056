/// Collects a sheet's rows as they are read, keeping blanks out until a value needs them.
///
/// Both readers place rows through here so that the trimming rules (trailing blank cells and
/// rows left out) and the cell budget (``Workbook/maximumCells``) are the same for both.
struct GridBuilder {
    /// The rows so far; `rows[i]` is row i+1, trailing blank cells trimmed.
    private(set) var rows: [[String]] = []

    /// Places `values` (column 1 first) at 1-based `row`, merging with a row already placed
    /// there, and charges the materialized cells (interior blanks included) to `budget`.
    ///
    /// - Throws: ``WorkbookError/limitExceeded(part:message:)`` when the budget runs out.
    /// - Complexity: O(values.count), plus O(row − rows.count) for skipped blank rows.
    mutating func place(row: Int, values: [String], budget: inout Int, part: String) throws(WorkbookError) {
        var values = values
        while values.last == "" { values.removeLast() }
        if values.isEmpty { return }
        if row > rows.count {
            try charge(values.count, budget: &budget, part: part)
            rows.reserveCapacity(row)
            while rows.count < row - 1 { rows.append([]) }
            rows.append(values)
            return
        }
        var existing = rows[row - 1]
        if values.count > existing.count {
            try charge(values.count - existing.count, budget: &budget, part: part)
            existing += Array(repeating: "", count: values.count - existing.count)
        }
        for (i, value) in values.enumerated() where value != "" { existing[i] = value }
        rows[row - 1] = existing
    }

    /// Spends `count` cells of `budget`.
    func charge(_ count: Int, budget: inout Int, part: String) throws(WorkbookError) {
        if count > budget {
            throw .limitExceeded(part: part, message: "more than \(Workbook.maximumCells) cells in the workbook")
        }
        budget -= count
    }
}
