#!/usr/bin/env python3
"""Writes the .xlsx/.ods/.zip test files beside this script (run from anywhere).

openpyxl writes the realistic workbooks; the rest are written part by part with zipfile so
that every feature (cached formula values, inline and rich strings, data descriptors, repeated
rows, a zip bomb, a DOCTYPE) is exactly what the tests expect. Needs: pip install openpyxl.
"""
import datetime, io, os, struct, zipfile, zlib
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
def out(name): return os.path.join(HERE, name)

# 1. openpyxl: three sheets, shared strings, numbers, booleans, dates, times.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Answers"
ws.append(["threat", "rank", "score", "ok", "received"])
ws.append(["cyber attacks", 1, 2.5, True, datetime.date(2015, 9, 4)])
ws.append(["terrorism", 2, 0.1, False, datetime.datetime(2015, 9, 4, 10, 30)])
ws.append(["cyber attacks", 3, 1e-7, None, datetime.time(10, 30, 15)])
ws.append(["big", 12345678901234567890, -3.75, None, None])
ws["F6"] = "=SUM(B2:B4)"  # openpyxl writes no cached value: reads blank
notes = wb.create_sheet("Notes")
notes["C4"] = "far away"
notes["A1"] = "top"
notes["B2"] = "Ünïcödé ✓ line\nbreak"
wb.create_sheet("Empty")
wb.save(out("openpyxl-multi.xlsx"))

wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
wb.active.title = "Mac"
wb.active["A1"] = datetime.date(2015, 9, 4)
wb.active["A2"] = 42
wb.save(out("date1904.xlsx"))

# 2. Hand-written parts.
CT = '''<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'''
ROOT_RELS = '''<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

def xlsx(path, sheets, shared=None, styles=None, date1904=False, stream=False, sheet_prefix=""):
    rels = ['<Relationship Id="rIdS%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, R, i) for i in range(1, len(sheets) + 1)]
    if shared is not None: rels.append('<Relationship Id="rIdSS" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % R)
    if styles is not None: rels.append('<Relationship Id="rIdST" Type="%s/styles" Target="/xl/styles.xml"/>' % R)
    # Sheets listed in the reverse of their part numbers: order comes from workbook.xml.
    entries = ''.join('<sheet name="%s" sheetId="%d" r:id="rIdS%d"/>' % (name, i, i) for i, (name, _) in reversed(list(enumerate(sheets, 1))))
    workbook = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="%s">%s<sheets>%s</sheets></workbook>' % (R, '<workbookPr date1904="1"/>' if date1904 else '', entries)
    parts = {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": workbook,
             "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % ''.join(rels)}
    for i, (_, body) in enumerate(sheets, 1):
        p = sheet_prefix
        ns = ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if p else ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        parts["xl/worksheets/sheet%d.xml" % i] = '<?xml version="1.0"?>\n<%sworksheet%s>\n<%ssheetData>%s</%ssheetData></%sworksheet>' % (p, ns, p, body, p, p)
    if shared is not None: parts["xl/sharedStrings.xml"] = shared
    if styles is not None: parts["xl/styles.xml"] = styles
    if stream:
        class Unseekable(io.RawIOBase):
            def __init__(self): self.buf = bytearray()
            def writable(self): return True
            def write(self, b): self.buf += b; return len(b)
        sink = Unseekable()
        with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in parts.items():
                with z.open(name, "w") as f: f.write(text.encode())
        data = bytes(sink.buf)
    else:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in parts.items(): z.writestr(name, text)
        data = buf.getvalue()
    with open(out(path), "wb") as f: f.write(data)
    return data

SHARED = '''<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>plain</t></si>
<si><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> and plain</t></r></si>
<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>
<si><t>tab_x0009_here &amp; _x005F_x0041_</t></si>
</sst>'''
STYLES = '''<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/><numFmt numFmtId="166" formatCode="&quot;day&quot; 0.00"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/></cellXfs></styleSheet>'''
FORMULAS = '''<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D2" t="b"><f>TRUE()</f><v>1</v></c><c r="E2"><f>A2*3</f></c></row>
<row r="3"><c t="inlineStr"><is><t>first</t></is></c><c/><c t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>
<row r="5"><c r="B5" s="1"><v>42251</v></c><c r="C5" s="2"><v>42251.75</v></c><c r="D5" s="3"><v>1.5</v></c><c r="E5" s="4"><v>3</v></c><c r="F5" s="5"><v>42251.4375</v></c><c r="G5" s="5"><v>42251</v></c></row>
<row r="4"><c r="A4"><v>0.30000000000000004</v></c><c r="B4"><v>1E-3</v></c><c r="C4"><v>-0</v></c><c r="D4" t="b"><v>0</v></c><c r="E4"><v>1.5E+20</v></c></row>'''
xlsx("handmade.xlsx", [("Formulas", FORMULAS), ("Second", '<row r="2"><c r="B2" t="inlineStr"><is><t>second sheet</t></is></c></row>')], shared=SHARED, styles=STYLES)
xlsx("prefixed-descriptors.xlsx", [("Prefixed", '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>x prefix</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>')], stream=True, sheet_prefix="x:")

# 3. A DOCTYPE inside a sheet: refused, never expanded.
LAUGHS = '''<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<lolz>&lol9;</lolz>
'''
with open(out("billion-laughs.xml"), "w") as f: f.write(LAUGHS)
data = xlsx("doctype.xlsx", [("Sheet1", "")])
buf = io.BytesIO()
with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    for info in src.infolist():
        z.writestr(info.filename, LAUGHS.replace("<lolz>", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>').replace("</lolz>", "</t></is></c></row></sheetData></worksheet>") if info.filename == "xl/worksheets/sheet1.xml" else src.read(info.filename))
open(out("doctype.xlsx"), "wb").write(buf.getvalue())

# 4. Zip bombs: a sheet of 100 MiB of spaces (~1000:1) in an otherwise valid workbook, with
#    its true sizes (refused on opening) and with a forged 2 MiB size (refused while inflating).
data = xlsx("bomb.xlsx", [("Sheet1", "")])
buf = io.BytesIO()
with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    for info in src.infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            with z.open(info.filename, "w", force_zip64=False) as f:
                f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                chunk = b" " * (1 << 20)
                for _ in range(100): f.write(chunk)
                f.write(b"</sheetData></worksheet>")
        else:
            z.writestr(info.filename, src.read(info.filename))
bomb = buf.getvalue()
open(out("bomb.xlsx"), "wb").write(bomb)
forged = bytearray(bomb)
name = b"xl/worksheets/sheet1.xml"
at = 0
while True:  # local header (PK\3\4, size at +22) and central entry (PK\1\2, size at +24)
    at = forged.find(name, at + 1)
    if at < 0: break
    if forged[at - 30:at - 26] == b"PK\x03\x04": struct.pack_into("<I", forged, at - 30 + 22, 2 << 20)
    if forged[at - 46:at - 42] == b"PK\x01\x02": struct.pack_into("<I", forged, at - 46 + 24, 2 << 20)
open(out("bomb-forged-size.xlsx"), "wb").write(bytes(forged))

# 5. OpenDocument, written as LibreOffice writes it (repeats, covered cells, annotations).
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
def ods(path, tables):
    content = '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.3"><office:body><office:spreadsheet>%s</office:spreadsheet></office:body></office:document-content>' % (NS, ''.join(tables))
    manifest = '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)
    open(out(path), "wb").write(buf.getvalue())

ANSWERS = '''<table:table table:name="Answers"><table:table-column table:number-columns-repeated="16384"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>threat</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>rank</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>cyber<text:s/>attacks</text:p><text:p>second<text:s text:c="3"/>para<text:tab/>tab<text:line-break/>end</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%</text:p></table:table-cell><table:table-cell office:value-type="currency" office:currency="EUR" office:value="1234.5"><text:p>1 234,50 €</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="date" office:date-value="2015-09-04"><text:p>04/09/15</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2015-09-04T10:30:00"><text:p>x</text:p></table:table-cell><table:table-cell office:value-type="time" office:time-value="PT10H30M15S"><text:p>x</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-spanned="2" office:value-type="string"><office:annotation><dc:creator>someone</dc:creator><text:p>a comment</text:p></office:annotation><text:p>merged</text:p></table:table-cell><table:covered-table-cell office:value-type="string"><text:p>hidden</text:p></table:covered-table-cell><table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="3"><text:p>7</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16377"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>twice</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048567"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table>'''
ods("answers.ods", [ANSWERS, '<table:table table:name="Empty"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>'])
ods("repeated-rows.ods", ['<table:table table:name="Sheet1"><table:table-row><table:table-cell office:value-type="string"><text:p>only</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>'])
ods("repeated-values.ods", ['<table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row></table:table>'])
