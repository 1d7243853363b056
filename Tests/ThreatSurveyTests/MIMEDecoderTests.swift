import Foundation
import Testing

@testable import ThreatSurvey

@Suite("MIME decoders")
struct MIMEDecoderTests {
    private func words(_ text: String) -> String {
        var notes: [String] = []
        return EncodedWord.decode(text, notes: &notes)
    }

    /// RFC 2047 section 8: the examples of how encoded words and whitespace combine.
    @Test(arguments: [
        ("=?ISO-8859-1?Q?a?=", "a"),
        ("=?ISO-8859-1?Q?a?= b", "a b"),
        ("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=", "ab"),
        ("=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=", "ab"),
        ("=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=", "ab"),
        ("=?ISO-8859-1?Q?a_b?=", "a b"),
        ("=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=", "a b"),
        ("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"),
        ("=?ISO-8859-1?Q?Olle_J=E4rnefors?=", "Olle Järnefors"),
        ("=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=", "םולש ןב ילטפנ"),
        (
            "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
            "If you can read this you understand the example."
        ),
        // RFC 2231 section 5: a language in an encoded word.
        ("=?US-ASCII*EN?Q?Keith_Moore?=", "Keith Moore"),
    ])
    func rfc2047Examples(encoded: String, decoded: String) {
        #expect(words(encoded) == decoded)
    }

    @Test func encodedWordsEdgeCases() {
        // A UTF-8 character split across two adjacent words is joined before decoding.
        #expect(words("=?UTF-8?B?w6k=?= =?UTF-8?Q?=C3?= =?UTF-8?Q?=A9t=C3=A9?=") == "éété")
        // Not encoded words: kept as written.
        #expect(words("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=")
        #expect(words("price =? 5") == "price =? 5")
        #expect(words("=?utf-8?q?a b?=") == "=?utf-8?q?a b?=")
        // Text between words stays; whitespace only between two words goes.
        #expect(words("Re: =?utf-8?q?caf=C3=A9?= et =?utf-8?q?th=C3=A9?=") == "Re: café et thé")
        // Lower-case hex and the lenient glued form.
        #expect(words("x=?utf-8?q?=c3=a9?=y") == "xéy")
    }

    @Test func unknownCharsetIsReadAsLatin1WithANote() {
        var notes: [String] = []
        #expect(EncodedWord.decode("=?x-unknown?Q?caf=E9?=", notes: &notes) == "café")
        #expect(notes == ["unknown charset \"x-unknown\" read as Latin-1"])
    }

    /// RFC 2231 sections 3–5 and the RFC 2045 forms.
    @Test func rfc2231Examples() {
        let url = ParameterValue(
            "message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\""
        )
        #expect(url.value == "message/external-body")
        #expect(url["access-type"] == "URL")
        #expect(url["url"] == "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar")
        let fun = ParameterValue(
            "application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A")
        #expect(fun["title"] == "This is ***fun***")
        let more = ParameterValue(
            "application/x-stuff;\r\n title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n title*2=\"isn't it!\""
        )
        #expect(more["title"] == "This is even more ***fun*** isn't it!")
        #expect(
            ParameterValue("attachment; filename*=UTF-8''na%C3%AFve.xlsx")["filename"]
                == "naïve.xlsx")
        // Sections out of order, and an ISO-8859-1 value.
        let latin = ParameterValue(
            "attachment; filename*1=\".csv\"; filename*0*=iso-8859-1''r%E9ponse")
        #expect(latin["filename"] == "réponse.csv")
        // RFC 2045: case-insensitive names, quoted strings with escapes and `;` inside.
        let quoted = ParameterValue(
            "Text/Plain; CHARSET=\"utf-8\"; name=\"a \\\"b\\\"; c.txt\"; format=flowed")
        #expect(quoted.value == "text/plain")
        #expect(quoted["charset"] == "utf-8")
        #expect(quoted["name"] == "a \"b\"; c.txt")
        #expect(quoted["format"] == "flowed")
        // A section number beyond the limit is ignored.
        let far = ParameterValue("a; n*0=x; n*\(ParameterValue.maxSection + 1)=y")
        #expect(far["n"] == "x")
        #expect(ParameterValue("a; n*\(ParameterValue.maxSection)=y")["n"] == "y")
    }

    @Test func quotedPrintable() {
        func qp(_ text: String) -> String {
            String(decoding: QuotedPrintable.decode(Array(text.utf8)), as: UTF8.self)
        }
        #expect(qp("caf=C3=A9") == "café")
        #expect(qp("caf=c3=a9") == "café")
        #expect(qp("soft =\r\nbreak") == "soft break")
        #expect(qp("soft =\nbreak") == "soft break")
        #expect(qp("padded=  \r\nbreak") == "paddedbreak")
        #expect(qp("trailing   \r\nspaces") == "trailing\r\nspaces")
        #expect(qp("a = b, 100%=ZZ") == "a = b, 100%=ZZ")
        #expect(qp("end=") == "end")
    }

    @Test func base64ToleratesLineBreaksJunkAndMissingPadding() {
        func b64(_ text: String) -> String {
            String(decoding: Base64.decode(Array(text.utf8)), as: UTF8.self)
        }
        #expect(b64("SGVsbG8sIHdvcmxkIQ==") == "Hello, world!")
        #expect(b64("SGVs\r\nbG8s IHdv\tcmxk\nIQ==") == "Hello, world!")
        #expect(b64("SGVsbG8sIHdvcmxkIQ") == "Hello, world!")
        #expect(b64("SGVsbG8=\r\n-- \r\nsignature") == "Hello")
        #expect(Base64.decode(Array("".utf8)).isEmpty)
    }

    @Test(arguments: [
        ("Tue, 17 Nov 2026 09:30:00 +0100", "2026-11-17T09:30:00+01:00"),
        ("17 Nov 2026 09:30:00 +0100", "2026-11-17T09:30:00+01:00"),
        ("Tue, 17 Nov 2026 09:30 +0100", "2026-11-17T09:30:00+01:00"),
        ("Tue, 17 Nov 26 09:30:00 GMT", "2026-11-17T09:30:00Z"),
        ("Wed, 17 Nov 99 09:30:00 UT", "1999-11-17T09:30:00Z"),
        ("Thu, 17 Nov 126 09:30:00 EST", "2026-11-17T09:30:00-05:00"),
        ("Tue, 17 Nov 2026 09:30:00 EDT", "2026-11-17T09:30:00-04:00"),
        ("Tue, 17 Nov 2026 09:30:00 PST", "2026-11-17T09:30:00-08:00"),
        ("Tue, 17 Nov 2026 09:30:00 -0000", "2026-11-17T09:30:00Z"),
        ("Tue, 17 Nov 2026 09:30:00 A", "2026-11-17T09:30:00Z"),
        (
            "Tue (a comment), 17 (another (nested)) Nov 2026 09:30:00 +0100 (CET)",
            "2026-11-17T09:30:00+01:00"
        ),
        ("  Tue,   17   Nov   2026   09:30:00   +0100  ", "2026-11-17T09:30:00+01:00"),
        ("Tue, 17 Nov 2026 09:30:00", "2026-11-17T09:30:00Z"),
        ("Tue, 17 Nov 2026 09:30:00+01:00", "2026-11-17T09:30:00+01:00"),
        ("Sat, 29 Feb 2020 23:59:60 +0000", "2020-02-29T23:59:59Z"),
    ])
    func mailDates(text: String, iso: String) throws {
        #expect(MailDate.parse(text) == (try MailFixtures.date(iso)))
    }

    @Test(arguments: [
        "", "yesterday", "Tue, 31 Feb 2026 09:30:00 +0100", "Tue, 17 Foo 2026 09:30 +0100",
        "Tue, 17 Nov 2026 25:30:00 +0100", "Tue, 17 Nov 2026 09:30:00 +99999",
        String(repeating: "1 ", count: MailDate.maxLength),
    ])
    func notDates(text: String) {
        #expect(MailDate.parse(text) == nil)
    }

    @Test func addressLists() {
        func parse(_ text: String) -> [MailAddress] {
            var notes: [String] = []
            return AddressList.parse(text, notes: &notes)
        }
        #expect(parse("a@x.eu") == [MailAddress(address: "a@x.eu")])
        #expect(
            parse("\"Dupont, Marie\" <m@x.fr>, Jean <j@x.fr>") == [
                MailAddress(name: "Dupont, Marie", address: "m@x.fr"),
                MailAddress(name: "Jean", address: "j@x.fr"),
            ])
        #expect(
            parse("=?UTF-8?Q?R=C3=A9mi?= =?UTF-8?Q?_Ch=C3=A2teau?= <r@x.fr>") == [
                MailAddress(name: "Rémi Château", address: "r@x.fr")
            ])
        #expect(
            parse("Delegations: a@x.eu, B <b@y.eu>;, c@z.eu") == [
                MailAddress(address: "a@x.eu"), MailAddress(name: "B", address: "b@y.eu"),
                MailAddress(address: "c@z.eu"),
            ])
        #expect(parse("undisclosed-recipients:;").isEmpty)
        #expect(
            parse("a@x.eu (Marie Dupont)") == [MailAddress(name: "Marie Dupont", address: "a@x.eu")]
        )
        // RFC 5322 appendix A.5: comments inside the angle address are not part of it.
        #expect(
            parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>") == [
                MailAddress(name: "Pete", address: "pete@silly.test")
            ])
        #expect(
            parse("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>") == [
                MailAddress(name: "Mary Smith", address: "mary@x.test"),
                MailAddress(address: "jdoe@example.org"),
                MailAddress(name: "Who?", address: "one@y.test"),
            ])
    }

    @Test func htmlMadePlain() {
        #expect(HTMLText.plain("<p>a&amp;b</p><p>c&lt;d&gt;</p>") == "a&b\n\nc<d>")
        #expect(HTMLText.plain("line<br>next<br/>last") == "line\nnext\nlast")
        #expect(
            HTMLText.plain("<script>var x = '<p>';</script><!-- <p>hidden</p> -->shown") == "shown")
        #expect(HTMLText.plain("a   b\n\n c") == "a b c")
        #expect(HTMLText.plain("&#233;&#xE9;&eacute;&unknown;") == "ééé&unknown;")
        #expect(
            HTMLText.plain("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>")
                == "1 2\n3")
        #expect(HTMLText.plain("<a href=\"x>y\">link</a> <b>bold</b>") == "link bold")
        #expect(HTMLText.plain("unclosed <p") == "unclosed")
    }

    /// Every mapped charset decodes on this machine (a sample in each, written by Python's
    /// codecs), so no declared charset silently falls back to Latin-1.
    @Test(arguments: [
        ("utf-8", "c3a9", "é"), ("us-ascii", "41", "A"), ("iso-8859-1", "e9", "é"),
        ("iso-8859-2", "b1", "ą"), ("iso-8859-3", "a1", "Ħ"), ("iso-8859-4", "a1", "Ą"),
        ("iso-8859-5", "c4", "Ф"), ("iso-8859-6", "c7", "ا"), ("iso-8859-7", "e1", "α"),
        ("iso-8859-8", "e0", "א"), ("iso-8859-9", "fd", "ı"), ("iso-8859-10", "a1", "Ą"),
        ("iso-8859-11", "a1", "ก"), ("iso-8859-13", "e0", "ą"), ("iso-8859-14", "a1", "Ḃ"),
        ("iso-8859-15", "a4", "€"), ("iso-8859-16", "a1", "Ą"), ("windows-874", "a1", "ก"),
        ("windows-1250", "9a", "š"), ("windows-1251", "c6", "Ж"), ("windows-1252", "80", "€"),
        ("windows-1253", "e1", "α"), ("windows-1254", "fd", "ı"), ("windows-1255", "e0", "א"),
        ("windows-1256", "c7", "ا"), ("windows-1257", "e0", "ą"), ("windows-1258", "80", "€"),
        ("koi8-r", "e6", "Ф"), ("koi8-u", "a4", "є"), ("ibm850", "82", "é"),
        ("utf-16", "fffe5a006f00eb00", "Zoë"), ("utf-16be", "005a006f00eb", "Zoë"),
        ("utf-16le", "5a006f00eb00", "Zoë"), ("utf-32", "fffe00005a0000006f000000eb000000", "Zoë"),
        ("utf-32be", "0000005a0000006f000000eb", "Zoë"),
        ("utf-32le", "5a0000006f000000eb000000", "Zoë"),
        ("utf-7", "5a6f2b414f732d", "Zoë"), ("gb2312", "d6d0cec4", "中文"), ("gbk", "d6d0cec4", "中文"),
        ("gb18030", "d6d0cec4", "中文"), ("big5", "a4a4a4e5", "中文"),
        ("euc-kr", "c7d1b1b9beee", "한국어"),
        ("shift_jis", "93fa967b8cea", "日本語"), ("iso-2022-jp", "1b2442467c4b5c386c1b2842", "日本語"),
        ("ISO8859-15", "a4", "€"), ("latin1", "e9", "é"), ("cp1252", "80", "€"),
        ("x-cp1250", "9a", "š"),
        ("\"utf-8\"", "c3a9", "é"),
    ])
    func charsets(name: String, hex: String, text: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        let decoded = MIMECharset.decode(bytes, charset: name)
        #expect(decoded.text == text)
        #expect(decoded.note == nil)
    }

    @Test func charsetFallbacks() {
        #expect(
            MIMECharset.decode([0x63, 0x61, 0x66, 0xE9], charset: "euc-jp")
                == ("café", "unknown charset \"euc-jp\" read as Latin-1"))
        #expect(
            MIMECharset.decode([0x61, 0xFF], charset: "utf-8").note
                == "bytes invalid in UTF-8 replaced with U+FFFD")
        #expect(
            MIMECharset.decode([0x61, 0xA5], charset: "iso-8859-3")
                == ("a\u{FFFD}", "bytes undefined in iso-8859-3 replaced with U+FFFD"))
        #expect(MIMECharset.decode([0xC3, 0xA9], charset: nil) == ("é", nil))
        #expect(
            MIMECharset.decode([0xE9], charset: nil) == (
                "é", "8-bit text without a charset read as Windows-1252"
            ))
    }
}
