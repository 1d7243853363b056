extension ODTWriter {
    /// The folder of chart `number`'s sub-document inside the package.
    static func chartObject(_ number: Int) -> String { "Object \(number)" }

    /// A paragraph holding chart `number` as an embedded object (`draw:frame`/`draw:object`),
    /// its title and alternative text in `svg:title` and `svg:desc` for assistive technology.
    func chartFrame(
        _ xml: inout XMLWriter, _ chart: WordChart, number: Int, width: Double, style: String
    ) {
        let height = min(3 + Double(max(chart.categories.count, 1)) * 0.7, 22)
        xml.start("text:p", ["text:style-name": style])
        xml.start(
            "draw:frame",
            [
                "draw:name": "Chart \(number)", "text:anchor-type": "as-char",
                "svg:width": AutomaticStyles.centimetres(width),
                "svg:height": AutomaticStyles.centimetres(height), "draw:z-index": "0",
            ])
        xml.empty(
            "draw:object",
            [
                "xlink:href": "./" + Self.chartObject(number), "xlink:type": "simple",
                "xlink:show": "embed", "xlink:actuate": "onLoad",
            ])
        xml.element("svg:title", text: chart.title)
        xml.element("svg:desc", text: chart.alternativeText)
        xml.end()
        xml.end()
    }

    /// The chart's sub-document (`Object N/content.xml`): an `office:chart` with one bar series
    /// drawn horizontally (`chart:vertical` on the plot area), the first category on top
    /// (`chart:reverse-direction` on the category axis), and the figures in the chart's own
    /// table, which LibreOffice's "Data Table" edits (ODF 1.2 Part 1 §11).
    func chartContent(_ chart: WordChart, width: Double) -> [UInt8] {
        let count = min(chart.categories.count, chart.values.count)
        let height = min(3 + Double(max(count, 1)) * 0.7, 22)
        var xml = XMLWriter()
        xml.start(
            "office:document-content",
            [
                "xmlns:office": Namespace.office, "xmlns:style": Namespace.style,
                "xmlns:text": Namespace.text, "xmlns:table": Namespace.table,
                "xmlns:draw": Namespace.draw, "xmlns:fo": Namespace.fo,
                "xmlns:svg": Namespace.svg, "xmlns:chart": Namespace.chart,
                "xmlns:xlink": Namespace.xlink, "office:version": "1.2",
            ])
        xml.start("office:automatic-styles")
        chartStyle(&xml, "chart", chart: [], graphic: [("draw:stroke", "none")])
        chartStyle(&xml, "plot", chart: [("chart:vertical", "true")], graphic: [])
        // A white wall, as Word draws it (LibreOffice's default is grey).
        chartStyle(
            &xml, "wall", chart: [], graphic: [("draw:fill", "none"), ("draw:stroke", "none")])
        chartStyle(
            &xml, "categories",
            chart: [("chart:display-label", "true"), ("chart:reverse-direction", "true")],
            graphic: [])
        chartStyle(&xml, "values", chart: [("chart:display-label", "true")], graphic: [])
        chartStyle(
            &xml, "series", chart: [("chart:data-label-number", "value")],
            graphic: [("draw:fill-color", "#2f5597"), ("draw:stroke", "none")])
        xml.end()
        xml.start("office:body")
        xml.start("office:chart")
        xml.start(
            "chart:chart",
            [
                "svg:width": AutomaticStyles.centimetres(width),
                "svg:height": AutomaticStyles.centimetres(height), "chart:class": "chart:bar",
                "chart:style-name": "chart",
            ])
        xml.start("chart:title")
        xml.element("text:p", text: chart.title)
        xml.end()
        let last = count + 1
        xml.start(
            "chart:plot-area",
            [
                "chart:style-name": "plot",
                "table:cell-range-address": "local-table.$A$1:.$B$\(last)",
                "chart:data-source-has-labels": "both",
            ])
        xml.start(
            "chart:axis",
            ["chart:dimension": "x", "chart:name": "primary-x", "chart:style-name": "categories"])
        xml.empty(
            "chart:categories", ["table:cell-range-address": "local-table.$A$2:.$A$\(last)"])
        xml.end()
        xml.start(
            "chart:axis",
            ["chart:dimension": "y", "chart:name": "primary-y", "chart:style-name": "values"])
        xml.start("chart:title")
        xml.element("text:p", text: chart.valueTitle)
        xml.end()
        xml.empty("chart:grid", ["chart:class": "major"])
        xml.end()
        xml.start(
            "chart:series",
            [
                "chart:style-name": "series",
                "chart:values-cell-range-address": "local-table.$B$2:.$B$\(last)",
                "chart:label-cell-address": "local-table.$B$1", "chart:class": "chart:bar",
            ])
        xml.empty("chart:data-point", ["chart:repeated": String(max(count, 1))])
        xml.end()
        xml.empty("chart:wall", ["chart:style-name": "wall"])
        xml.end()  // chart:plot-area
        xml.start("table:table", ["table:name": "local-table"])
        xml.start("table:table-header-columns")
        xml.empty("table:table-column")
        xml.end()
        xml.start("table:table-columns")
        xml.empty("table:table-column")
        xml.end()
        xml.start("table:table-header-rows")
        xml.start("table:table-row")
        xml.start("table:table-cell")
        xml.empty("text:p")
        xml.end()
        stringCell(&xml, chart.valueTitle)
        xml.end()
        xml.end()
        xml.start("table:table-rows")
        for index in 0..<count {
            xml.start("table:table-row")
            stringCell(&xml, chart.categories[index])
            let value = WordChart.number(chart.values[index])
            xml.start(
                "table:table-cell", ["office:value-type": "float", "office:value": value])
            xml.element("text:p", text: value)
            xml.end()
            xml.end()
        }
        return xml.finish()
    }

    private func stringCell(_ xml: inout XMLWriter, _ text: String) {
        xml.start("table:table-cell", ["office:value-type": "string"])
        xml.element("text:p", text: text)
        xml.end()
    }

    private func chartStyle(
        _ xml: inout XMLWriter, _ name: String, chart: [(String, String)],
        graphic: [(String, String)]
    ) {
        xml.start("style:style", ["style:name": name, "style:family": "chart"])
        if !chart.isEmpty { xml.empty("style:chart-properties", attributes: chart) }
        if !graphic.isEmpty { xml.empty("style:graphic-properties", attributes: graphic) }
        xml.end()
    }
}
