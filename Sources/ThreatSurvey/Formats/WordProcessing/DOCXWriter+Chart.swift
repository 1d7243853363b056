extension DOCXWriter {
    /// English Metric Units per centimetre (DrawingML sizes).
    static let emuPerCentimetre = 360_000

    /// The chart's size in EMU: the text width, and a height that gives each bar room.
    ///
    /// 0.55 cm a bar leaves each 8-point label (about 0.28 cm) its own line, and keeps the
    /// report's chart of 18 threats (12.9 cm) on the page its heading starts on, under the
    /// headline (at 0.7 cm it was pushed to page 2, leaving page 1 mostly blank; at 0.55 cm
    /// LibreOffice still dropped every other label in 9 points).
    static func chartSize(_ chart: WordChart, orientation: WordSection.Orientation) -> (
        width: Int, height: Int
    ) {
        // A twip is 635 EMU.
        let width = Page.textWidth(orientation) * 635
        let height = (3 + Double(max(chart.categories.count, 1)) * 0.55) * Double(emuPerCentimetre)
        return (width, min(Int(height), 22 * emuPerCentimetre))
    }

    /// A paragraph holding the chart inline (`w:drawing`/`wp:inline`), its title and
    /// alternative text in `wp:docPr` for assistive technology (EN 301 549, 9.1.1.1).
    func drawing(
        _ xml: inout XMLWriter, _ chart: WordChart, number: Int,
        orientation: WordSection.Orientation
    ) {
        let size = Self.chartSize(chart, orientation: orientation)
        xml.start("w:p")
        xml.start("w:pPr")
        xml.empty("w:keepNext")
        xml.end()
        xml.start("w:r")
        xml.start("w:drawing")
        xml.start("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"])
        xml.empty("wp:extent", ["cx": String(size.width), "cy": String(size.height)])
        xml.empty("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"])
        xml.empty(
            "wp:docPr",
            [
                "id": String(number), "name": "Chart \(number)", "descr": chart.alternativeText,
                "title": chart.title,
            ])
        xml.empty("wp:cNvGraphicFramePr")
        xml.start("a:graphic")
        xml.start("a:graphicData", ["uri": Namespace.c])
        xml.empty("c:chart", ["r:id": Self.chartRelationship(number)])
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        xml.end()
    }

    /// `word/charts/chartN.xml`: a `c:chartSpace` with one clustered horizontal bar series
    /// (ECMA-376 Part 1 §21.2.2.16 `barChart`, §21.2.2.17 `barDir`).
    ///
    /// Categories and values sit in `c:strCache` and `c:numCache`, which Word and LibreOffice
    /// draw from; the formulas name the cells of the embedded workbook (`c:externalData`,
    /// ``workbook(_:)``), which Word opens to edit the data. The category axis runs top to bottom (`maxMin`), so the
    /// first category — rank 1 — is the top bar, with the value axis crossing at its end.
    /// Every element is written in its schema sequence (CT_ChartSpace, CT_BarSer, CT_CatAx…),
    /// which Word checks strictly.
    func chartPart(_ chart: WordChart, language: String) -> [UInt8] {
        let count = min(chart.categories.count, chart.values.count)
        let last = count + 1
        var xml = XMLWriter()
        xml.start(
            "c:chartSpace",
            ["xmlns:c": Namespace.c, "xmlns:a": Namespace.a, "xmlns:r": Namespace.r])
        xml.empty("c:date1904", ["val": "0"])
        xml.empty("c:lang", ["val": language])
        xml.empty("c:roundedCorners", ["val": "0"])
        xml.start("c:chart")
        title(&xml, chart.title, size: 1200, language: language)
        xml.empty("c:autoTitleDeleted", ["val": "0"])
        xml.start("c:plotArea")
        xml.empty("c:layout")
        xml.start("c:barChart")
        xml.empty("c:barDir", ["val": "bar"])
        xml.empty("c:grouping", ["val": "clustered"])
        xml.empty("c:varyColors", ["val": "0"])
        xml.start("c:ser")
        xml.empty("c:idx", ["val": "0"])
        xml.empty("c:order", ["val": "0"])
        xml.start("c:tx")
        reference(&xml, "Sheet1!$B$1", [chart.valueTitle], numeric: false)
        xml.end()
        xml.start("c:spPr")
        xml.start("a:solidFill")
        xml.empty("a:srgbClr", ["val": "2F5597"])
        xml.end()
        xml.end()
        xml.empty("c:invertIfNegative", ["val": "0"])
        xml.start("c:dLbls")
        for (name, value) in [
            ("c:showLegendKey", "0"), ("c:showVal", "1"), ("c:showCatName", "0"),
            ("c:showSerName", "0"), ("c:showPercent", "0"), ("c:showBubbleSize", "0"),
        ] {
            xml.empty(name, attributes: [("val", value)])
        }
        xml.end()
        xml.start("c:cat")
        reference(
            &xml, "Sheet1!$A$2:$A$\(last)", Array(chart.categories.prefix(count)), numeric: false)
        xml.end()
        xml.start("c:val")
        reference(
            &xml, "Sheet1!$B$2:$B$\(last)", chart.values.prefix(count).map(WordChart.number),
            numeric: true)
        xml.end()
        xml.end()  // c:ser
        xml.empty("c:gapWidth", ["val": "60"])
        xml.empty("c:axId", ["val": "100000001"])
        xml.empty("c:axId", ["val": "100000002"])
        xml.end()  // c:barChart
        xml.start("c:catAx")
        xml.empty("c:axId", ["val": "100000001"])
        xml.start("c:scaling")
        xml.empty("c:orientation", ["val": "maxMin"])
        xml.end()
        xml.empty("c:delete", ["val": "0"])
        xml.empty("c:axPos", ["val": "l"])
        xml.empty("c:numFmt", ["formatCode": "General", "sourceLinked": "0"])
        xml.empty("c:majorTickMark", ["val": "none"])
        xml.empty("c:minorTickMark", ["val": "none"])
        xml.empty("c:tickLblPos", ["val": "nextTo"])
        // Every threat named beside its bar, in 8 pt: left to itself a reader skips every
        // other label when the bars are close (LibreOffice did, on the report's chart).
        labelText(&xml, size: 800, language: language)
        xml.empty("c:crossAx", ["val": "100000002"])
        xml.empty("c:crosses", ["val": "autoZero"])
        xml.empty("c:auto", ["val": "1"])
        xml.empty("c:lblAlgn", ["val": "ctr"])
        xml.empty("c:lblOffset", ["val": "100"])
        xml.empty("c:tickLblSkip", ["val": "1"])
        xml.empty("c:noMultiLvlLbl", ["val": "0"])
        xml.end()
        xml.start("c:valAx")
        xml.empty("c:axId", ["val": "100000002"])
        xml.start("c:scaling")
        xml.empty("c:orientation", ["val": "minMax"])
        xml.empty("c:min", ["val": "0"])
        xml.end()
        xml.empty("c:delete", ["val": "0"])
        xml.empty("c:axPos", ["val": "b"])
        xml.empty("c:majorGridlines")
        title(&xml, chart.valueTitle, size: 1000, language: language)
        xml.empty("c:numFmt", ["formatCode": "General", "sourceLinked": "1"])
        xml.empty("c:majorTickMark", ["val": "out"])
        xml.empty("c:minorTickMark", ["val": "none"])
        xml.empty("c:tickLblPos", ["val": "nextTo"])
        xml.empty("c:crossAx", ["val": "100000001"])
        // Where this axis meets the category axis: at its far end, which `maxMin` puts at
        // the bottom, so the value scale sits under the bars.
        xml.empty("c:crosses", ["val": "max"])
        xml.empty("c:crossBetween", ["val": "between"])
        xml.end()
        xml.end()  // c:plotArea
        xml.empty("c:plotVisOnly", ["val": "1"])
        xml.empty("c:dispBlanksAs", ["val": "gap"])
        xml.end()  // c:chart
        xml.start("c:externalData", ["r:id": Self.workbookRelationship])
        xml.empty("c:autoUpdate", ["val": "0"])
        xml.end()
        return xml.finish()
    }

    /// A `c:strRef` or `c:numRef`: the cells' formula and their cached values, which Word
    /// and LibreOffice draw from.
    private func reference(
        _ xml: inout XMLWriter, _ formula: String, _ values: [String], numeric: Bool
    ) {
        xml.start(numeric ? "c:numRef" : "c:strRef")
        xml.element("c:f", text: formula)
        xml.start(numeric ? "c:numCache" : "c:strCache")
        if numeric { xml.element("c:formatCode", text: "General") }
        xml.empty("c:ptCount", ["val": String(values.count)])
        for (index, value) in values.enumerated() {
            xml.start("c:pt", ["idx": String(index)])
            xml.element("c:v", text: value)
            xml.end()
        }
        xml.end()
        xml.end()
    }

    /// An axis's label text properties (`c:txPr`, ECMA-376 Part 1, DrawingML charts): the
    /// size (hundredths of a point) and language of its tick labels.
    private func labelText(_ xml: inout XMLWriter, size: Int, language: String) {
        xml.start("c:txPr")
        xml.empty("a:bodyPr")
        xml.empty("a:lstStyle")
        xml.start("a:p")
        xml.start("a:pPr")
        xml.empty("a:defRPr", ["sz": String(size), "lang": language])
        xml.end()
        xml.empty("a:endParaRPr", ["lang": language])
        xml.end()
        xml.end()
    }

    /// A chart or axis title (`c:title` with rich text), `size` in hundredths of a point.
    private func title(_ xml: inout XMLWriter, _ text: String, size: Int, language: String) {
        xml.start("c:title")
        xml.start("c:tx")
        xml.start("c:rich")
        xml.empty("a:bodyPr")
        xml.empty("a:lstStyle")
        xml.start("a:p")
        xml.start("a:pPr")
        xml.empty("a:defRPr", ["sz": String(size), "b": "1"])
        xml.end()
        xml.start("a:r")
        xml.empty("a:rPr", ["lang": language, "sz": String(size), "b": "1"])
        xml.element("a:t", text: text)
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        xml.empty("c:overlay", ["val": "0"])
        xml.end()
    }
}
