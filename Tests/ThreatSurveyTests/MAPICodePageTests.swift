import Foundation
import Testing

@testable import ThreatSurvey

/// 8-bit strings of an Outlook message ([MS-OXCMSG]): string properties in the message's
/// code page (`PR_MESSAGE_CODEPAGE`, else its locale's ANSI code page), the body in
/// `PR_INTERNET_CPID`, which describes only the body (issue 17: a German subject read as
/// Cyrillic where Apache POI and extract-msg read it right).
@Suite("MAPI code pages")
struct MAPICodePageTests {
    typealias F = MSGFixture

    /// "Subject öäü" in Windows-1252.
    static let germanSubject: [UInt8] = Array("Subject ".utf8) + [0xF6, 0xE4, 0xFC]
    /// "Привет" in Windows-1251.
    static let cyrillicBody: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]

    static func message(_ fixed: [(id: UInt16, type: UInt16, value: UInt64)]) throws -> MailMessage
    {
        try MailMessage.msg(
            bytes: CFBWriter().write([
                F.fixed(headerSize: 32, fixed), F.string8(0x0037, germanSubject),
                F.string8(0x1000, cyrillicBody),
            ]).bytes)
    }

    @Test(
        "a German message whose body is Cyrillic: the subject in the locale's code page, the body in PR_INTERNET_CPID"
    )
    func localeDecidesStrings() throws {
        let message = try Self.message([F.long(0x3FF1, 0x0407), F.long(0x3FDE, 1251)])
        #expect(message.subject == "Subject öäü")
        #expect(message.body == "Привет")
        #expect(message.notes.isEmpty)
    }

    @Test("PR_MESSAGE_CODEPAGE decides the strings; PR_INTERNET_CPID still the body")
    func messageCodePageDecidesStrings() throws {
        let message = try Self.message([F.long(0x3FFD, 1252), F.long(0x3FDE, 1251)])
        #expect(message.subject == "Subject öäü")
        #expect(message.body == "Привет")
    }

    @Test("the ANSI code page of a locale, by its primary language")
    func ansiCodePages() {
        #expect(MAPICodePage.ansiCodePage(locale: 0x0407) == 1252)  // German
        #expect(MAPICodePage.ansiCodePage(locale: 0x0415) == 1250)  // Polish
        #expect(MAPICodePage.ansiCodePage(locale: 0x0402) == 1251)  // Bulgarian
        #expect(MAPICodePage.ansiCodePage(locale: 0x0408) == 1253)  // Greek
        #expect(MAPICodePage.ansiCodePage(locale: 0x041A) == 1250)  // Croatian
        #expect(MAPICodePage.ansiCodePage(locale: 0x0C1A) == 1251)  // Serbian, Cyrillic
        #expect(MAPICodePage.ansiCodePage(locale: 0x0000) == nil)
    }
}
