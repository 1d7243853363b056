#!/usr/bin/env python3
"""Writes the header-language test workbooks beside this script (standard library only).

Each is a matrix or long answer to 9396/1/15 whose headers are in a delegation's language:
the same grids the CSV files beside them hold, so that CSV and workbooks can be compared.
"""
import io, os, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')

def ods(name, sheet, rows):
    body = ''.join('<table:table-row>' + ''.join(
        '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(c)
        if c else '<table:table-cell/>' for c in row) + '</table:table-row>' for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.3">'
               '<office:body><office:spreadsheet><table:table table:name="%s">%s</table:table>'
               '</office:spreadsheet></office:body></office:document-content>') % (NS, escape(sheet), body)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(buf.getvalue())

def csv(name, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(''.join(','.join(row) + '\r\n' for row in rows))

MATRIX_NL = [["Lidstaat", "firearms", "drugs", "Opmerkingen"],
             ["Nederland", "1", "x", "Havens van Rotterdam"],
             ["België", "", "2", ""]]
ods("matrix-lidstaat.ods", "Antwoorden", MATRIX_NL)
csv("matrix-lidstaat.csv", MATRIX_NL)
ods("matrix-lidstat-typo.ods", "Antwoorden", [["Lidstat", "firearms", "drugs"], ["Nederland", "1", "x"]])
LONG_PL = [["Państwo członkowskie", "Zagrożenie", "Priorytet", "Uwagi"],
           ["Polska", "firearms", "1", "granica wschodnia"],
           ["Polska", "tobacco-smuggling", "2", ""]]
ods("long-polski.ods", "Odpowiedzi", LONG_PL)
csv("long-polski.csv", LONG_PL)
csv("long-deutsch.csv", [["Mitgliedstaat", "Bedrohung", "Priorität", "Kommentar"],
                         ["DE", "firearms", "1", "Schusswaffen"]])
csv("long-typo.csv", [["Mitgliedstaat", "Bedrohng", "Prioritat"], ["DE", "firearms", "1"]])
