#!/usr/bin/env python3
"""Writes the reading-budget test files beside this script (run from anywhere; no packages).

Each is a few kilobytes that the readers once turned into gigabytes of text: the zip limits
count what is unpacked, not what is built from it. ReadingBudgetTests submit and inspect them
and expect a refusal (exit 65) naming the limit, with nothing stored; .ci/fuzz seeds the
xlsx, docx and mime targets with them.
"""
import base64, os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
def out(name): return os.path.join(HERE, name)
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MiB = 1 << 20

def write_zip(path, parts, first=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        if first:
            z.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, text in parts.items():
            z.writestr(name, text)

def xlsx_bytes(sheet, shared=None):
    rels = '<Relationship Id="s1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % R
    if shared is not None:
        rels += '<Relationship Id="ss" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % R
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": '<Relationships><Relationship Id="r1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % R,
        "xl/workbook.xml": '<workbook xmlns:r="%s"><sheets><sheet name="Answers" sheetId="1" r:id="s1"/></sheets></workbook>' % R,
        "xl/_rels/workbook.xml.rels": "<Relationships>%s</Relationships>" % rels,
        "xl/worksheets/sheet1.xml": "<worksheet><sheetData>%s</sheetData></worksheet>" % sheet,
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = "<sst>%s</sst>" % "".join("<si><t>%s</t></si>" % s for s in shared)
    return parts

# 1. One shared string of 1 MiB shown by 2,000 cells: 2 GB of text from ~3 KB.
header = '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>3</v></c></row>'
rows = "".join('<row r="%d"><c r="A%d" t="s"><v>4</v></c><c r="B%d" t="s"><v>5</v></c><c r="C%d" t="s"><v>0</v></c></row>' % (r, r, r, r) for r in range(2, 2002))
write_zip(out("shared-string.xlsx"), xlsx_bytes(header + rows, ["x" * MiB, "delegation", "threat", "comment", "PL", "firearms"]))

# 2. Inline strings: 600 cells of 100 KB each in the sheet itself (60 MB, over the 64 MiB
#    budget with the rest of the row), deflated to a few hundred KB: kept small by a test that
#    builds its own, so only the generator's recipe is here (see ReadingBudgetTests).

# 3. ODS: one 1 KiB string repeated over 16,384 columns on 1,000,000 repeated rows.
ods_content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
    '<office:body><office:spreadsheet><table:table table:name="Answers">'
    '<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string" table:number-columns-repeated="16384">'
    '<text:p>%s</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>') % ("y" * 1024)
write_zip(out("repeat-repeat.ods"), {"content.xml": ods_content}, first=("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))

# 4. ODT: a cell of 10,000 spaces (text:s) repeated over 100 columns on 10,000 rows.
spaces = '<text:s text:c="1000"/>' * 10
odt_content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
    '<office:body><office:text><text:p>Comments of the Polish delegation</text:p><table:table>'
    '<table:table-row table:number-rows-repeated="10000"><table:table-cell table:number-columns-repeated="100">'
    '<text:p>x%s</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>') % spaces
write_zip(out("repeated-cells.odt"), {"content.xml": odt_content}, first=("mimetype", "application/vnd.oasis.opendocument.text"))

# 5. DOCX: 1,000,000 characters inside tables nested 80 deep; each level copies the text.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
inner = "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % ("z" * 1000000)
for _ in range(80):
    inner = "<w:tbl><w:tr><w:tc>%s</w:tc></w:tr></w:tbl><w:p/>" % inner
write_zip(out("nested-tables.docx"), {
    "[Content_Types].xml": '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/document.xml": '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>Comments</w:t></w:r></w:p>%s</w:body></w:document>' % (W, inner),
})

# 6. A mail with 20 attachments, each a workbook of one 1 MiB string shown in 40 cells (40 MiB
#    each, under the budget alone; 800 MiB together).
rows = "".join('<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(1, 41))
write_zip(out("one.xlsx"), xlsx_bytes(rows, ["w" * MiB]))
one = open(out("one.xlsx"), "rb").read()
os.remove(out("one.xlsx"))
boundary = "=-=bounds=-="
mail = ["From: Polish delegation <pl@example.org>", "To: secretariat@example.org",
        "Date: Mon, 7 Sep 2015 10:00:00 +0200", "Subject: 9396/1/15 answers", "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="%s"' % boundary, "",
        "--" + boundary, "Content-Type: text/plain; charset=utf-8", "", "Please find our answers attached.", ""]
b64 = base64.encodebytes(one).decode()
for i in range(20):
    mail += ["--" + boundary,
             'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="answers-%d.xlsx"' % i,
             'Content-Disposition: attachment; filename="answers-%d.xlsx"' % i,
             "Content-Transfer-Encoding: base64", "", b64]
mail += ["--" + boundary + "--", ""]
open(out("many-attachments.eml"), "w", newline="").write("\r\n".join(mail))

for name in sorted(os.listdir(HERE)):
    if not name.endswith(".py"):
        print("%-24s %7d bytes" % (name, os.path.getsize(out(name))))
