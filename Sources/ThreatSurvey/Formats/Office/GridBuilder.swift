/// Collects a sheet's rows as they are read, keeping blanks out until a value needs them.
///
/// Both readers place rows through here so that the trimming rules (trailing blank cells and
/// rows left out) and the reading budget (``ReadingBudget``) are the same for both. Every
/// cell materialized is charged, blanks between values included, and so is every blank row
/// materialized before a row with values; so is the text of every value placed, once per
/// cell that shows it (a shared string in 2,000 cells is 2,000 times its text). All of it is
/// charged before the row is built: the work done is bounded by the budget, whatever the
/// file declares.
struct GridBuilder {
    /// The rows so far; `rows[i]` is row i+1, trailing blank cells trimmed.
    private(set) var rows: [[String]] = []

    /// Places `values` (column 1 first) at 1-based `row`; see ``place(row:cells:budget:part:)``.
    ///
    /// - Complexity: O(values.count) plus the blank rows materialized.
    mutating func place(
        row: Int, values: [String], budget: inout ReadingBudget, part: String
    )
        throws(WorkbookError)
    {
        var cells: [(column: Int, value: String)] = []
        for (i, value) in values.enumerated() where !value.isEmpty { cells.append((i + 1, value)) }
        try place(row: row, cells: cells, budget: &budget, part: part)
    }

    /// Places `cells` (1-based columns, any order; blank values ignored) at 1-based `row`,
    /// merging with a row already placed there (a later value wins), and charges what is
    /// materialized to `budget`.
    ///
    /// - Throws: ``WorkbookError/limitExceeded(part:message:)`` when the budget runs out.
    /// - Complexity: O(cells.count) plus the cells and blank rows materialized (charged).
    mutating func place(
        row: Int, cells: [(column: Int, value: String)], budget: inout ReadingBudget,
        part: String
    ) throws(WorkbookError) {
        let width = cells.reduce(0) { $1.value.isEmpty ? $0 : max($0, $1.column) }
        guard width > 0, row >= 1 else { return }
        try charge(text: cells.reduce(0) { $0 + $1.value.utf8.count }, budget: &budget, part: part)
        var values: [String]
        if row > rows.count {
            try charge(width + (row - 1 - rows.count), budget: &budget, part: part)
            while rows.count < row - 1 { rows.append([]) }
            rows.append([])
            values = Array(repeating: "", count: width)
        } else {
            values = rows[row - 1]
            rows[row - 1] = []  // keep the row uniquely referenced: no copy on write
            if width > values.count {
                try charge(width - values.count, budget: &budget, part: part)
                values += Array(repeating: "", count: width - values.count)
            }
        }
        for (column, value) in cells where !value.isEmpty { values[column - 1] = value }
        rows[row - 1] = values
    }

    /// Spends `count` cells of `budget`.
    func charge(_ count: Int, budget: inout ReadingBudget, part: String) throws(WorkbookError) {
        do { try budget.charge(cells: count) } catch {
            throw .limitExceeded(part: part, message: error.description)
        }
    }

    /// Spends `count` bytes of text of `budget`.
    func charge(text count: Int, budget: inout ReadingBudget, part: String)
        throws(WorkbookError)
    {
        do { try budget.charge(text: count) } catch {
            throw .limitExceeded(part: part, message: error.description)
        }
    }
}
