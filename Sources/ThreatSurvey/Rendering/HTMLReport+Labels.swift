extension HTMLReport {
    /// The reader's name for threat `id` (``ReportModel/label(_:)``).
    func label(_ id: String) -> String {
        model.label(id)
    }

    /// The widest a character of a chart label is taken to be, in em: DejaVu Sans and Arial
    /// average about 0.55 em, capitals up to 0.75; 0.62 keeps ordinary labels whole while
    /// the clip (below) catches the rare wide run.
    static let labelCharacterWidth = 0.62

    /// A chart label that never runs into its bar: cut to the label column (with "…") by an
    /// estimate of its width, clipped to the column for certain, its whole text in a `<title>`
    /// (a tooltip, and what a screen reader says).
    ///
    /// A threat title such as "Illicit trafficking in cultural goods, including antiquities
    /// looted in conflict zones" is longer than any label column that leaves room for bars on
    /// A4; wrapping would change row heights, so the label is cut and the title kept whole.
    ///
    /// - Parameters:
    ///   - text: the label (unescaped).
    ///   - x: the left edge.
    ///   - y: the baseline.
    ///   - fontSize: in px.
    ///   - width: the column's width in px, the gap before the bar included.
    ///   - clip: the id of the `<clipPath>` of the column (``labelClip(id:width:height:)``).
    /// - Returns: the SVG `<text>` element.
    func chartLabel(
        _ text: String, x: Int, y: Int, fontSize: Double, width: Int, clip: String
    ) -> String {
        let room = max(1, Int(Double(width) / (fontSize * Self.labelCharacterWidth)))
        let shown = text.count <= room ? text : String(text.prefix(max(1, room - 1))) + "…"
        return "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(JSONValue.format(fontSize))\" "
            + "clip-path=\"url(#\(clip))\"><title>\(Self.escape(text))</title>\(Self.escape(shown))</text>"
    }

    /// The width of a chart's label column: the longest label's estimated width (and a gap),
    /// within `range`, so that short labels leave the bars room and long ones are cut only
    /// past the widest column an A4 page allows.
    ///
    /// - Parameters:
    ///   - labels: the chart's labels.
    ///   - fontSize: in px.
    ///   - range: the narrowest and widest column, in px.
    /// - Returns: the column's width in px, the gap before the bar included.
    func labelColumn(for labels: [String], fontSize: Double, range: ClosedRange<Int>) -> Int {
        let longest = labels.map(\.count).max() ?? 0
        let estimate = Int((Double(longest) * fontSize * Self.labelCharacterWidth).rounded(.up))
        return min(range.upperBound, max(range.lowerBound, estimate + 6))
    }

    /// The clip path of a label column `width` px wide: labels are cut there, whatever the font.
    func labelClip(id: String, width: Int, height: Int) -> String {
        "<defs><clipPath id=\"\(id)\"><rect x=\"0\" y=\"0\" width=\"\(width)\" "
            + "height=\"\(height)\"/></clipPath></defs>"
    }
}
