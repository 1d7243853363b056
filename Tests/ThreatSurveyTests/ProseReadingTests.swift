import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Prose read like a careful officer: negation, numbered priorities, line ends")
struct ProseReadingTests {
    static let folder = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/prose/"
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestSupport.questionnaire("9396/1/15")
    }

    func read(_ name: String, delegation: String = "SE") throws -> (Response, [Diagnostic]) {
        let bytes = try TestSupport.bytes(Self.folder + name)
        let file = try AnswerFile.read(bytes: bytes, name: name)
        let parser = AnswerParser(
            questionnaire: questionnaire, delegation: MemberState.withCode(delegation))
        let (responses, diagnostics) = try parser.parse(file)
        return (try #require(responses.first), diagnostics)
    }

    /// "line threat priority" for counted mentions, "line threat NOT(cue)" for negated ones.
    func decisions(_ r: Response) -> [String] {
        r.mentions.map { m in
            let head = "\(m.line ?? 0) \(m.threat)"
            if m.negated { return head + " NOT(\(m.cue ?? ""))" }
            return head + (m.priority.map { " \($0)" } ?? "")
        }
    }

    @Test("English: negated clauses kept as evidence, not counted; ordinal priorities read")
    func english() throws {
        let (r, _) = try read("en-negated.txt")
        #expect(
            decisions(r) == [
                "3 firearms 1", "3 drugs 2",
                // F-gases and illegal waste: one threat named twice in a clause, listed once.
                "4 environmental-crime NOT(no)",
                "5 tobacco-smuggling NOT(not)", "5 money-laundering-cash",
                "6 counterfeit-ipr NOT(not)", "6 cultural-goods 3",
                "7 vat-fraud", "7 excise-fraud",
                "8 customs-duty-fraud",
            ])
        // Counting follows: a threat mentioned only in negated clauses is not a mention.
        #expect(!r.threats.contains("environmental-crime"))
        #expect(!r.threats.contains("tobacco-smuggling"))
        #expect(r.threats.contains("money-laundering-cash"))
        #expect(r.priority(of: "firearms") == 1)
    }

    @Test(
        "French: « en priorité 1 … », « ne … pas », « aucun », « n'est pas … mais »; priority 40 noted"
    )
    func french() throws {
        let (r, diagnostics) = try read("fr-priorites.txt", delegation: "FR")
        #expect(
            decisions(r) == [
                "3 firearms 1", "3 drugs 2", "3 counterfeit-ipr 3",
                "4 environmental-crime NOT(ne … pas)",
                "5 cultural-goods NOT(aucun)",
                "6 vat-fraud NOT(n' … pas)", "6 money-laundering-cash",
                "7 tobacco-smuggling",
            ])
        #expect(r.mentions[0].cue == "priorité 1")
        let note = try #require(diagnostics.first { $0.line == 7 })
        #expect(note.severity == .warning)
        #expect(note.message.contains("priority 40") && note.message.contains("ignored"))
    }

    @Test("German: numbered list, keine/kein/weder, erste Priorität, Priorität Nr. 4")
    func german() throws {
        let (r, _) = try read("de-stellungnahme.txt", delegation: "DE")
        #expect(
            decisions(r) == [
                "3 firearms 1", "4 drugs 2", "5 money-laundering-cash 3",
                "6 tobacco-smuggling NOT(keine)", "7 cultural-goods NOT(kein)",
                "8 cultural-goods NOT(Weder)", "8 wildlife-cites NOT(Weder)",
                "9 customs-duty-fraud 1", "9 vat-fraud 4",
            ])
        #expect(r.mentions[0].cue == "1.")
    }

    @Test("CRLF line ends: every match on its own line (issue 10)")
    func crlf() throws {
        let bytes = try TestSupport.bytes(Self.folder + "en-crlf.txt")
        #expect(bytes.contains(0x0D))
        let (r, _) = try read("en-crlf.txt")
        #expect(decisions(r) == ["3 environmental-crime NOT(No)", "4 firearms 1", "5 drugs"])
        #expect(r.mentions.map(\.column) == [18, 1, 5])
        // A lone CR ends a line too.
        let matcher = ProseMatcher(questionnaire: questionnaire)
        #expect(matcher.mentions(in: "x\rfirearms\r\ncash").map(\.line) == [2, 3])
    }

    @Test("Spanish, Italian, Dutch and Polish negations, with the bundled aliases")
    func otherLanguages() throws {
        let (r, _) = try read("es-it-nl-pl.txt", delegation: "ES")
        #expect(
            decisions(r) == [
                "1 tobacco-smuggling NOT(no)", "2 firearms NOT(non)",
                "3 money-laundering-cash NOT(geen)",
                "4 terrorism-financing NOT(nie)",
            ])
    }

    @Test("What is not a negation: not only, no. 1, non-EU, a cue whose predicate is taken")
    func notNegations() throws {
        let matcher = ProseMatcher(questionnaire: questionnaire)
        func negated(_ text: String) -> [Bool] { matcher.mentions(in: text).map(\.negated) }
        #expect(negated("Not only firearms but also cash.") == [false, false])
        #expect(negated("Firearms are our no. 1 concern.") == [false])
        #expect(negated("Non-EU firearms arrive by post.") == [false])
        #expect(
            negated("Firearms are not a priority, drugs are our first priority.") == [true, false])
        #expect(negated("Firearms are a priority and drugs are not a priority.") == [false, true])
        #expect(negated("Firearms and drugs are not a priority.") == [true, true])
        #expect(
            negated("Drug trafficking is increasing and there is no sign of improvement.") == [
                false
            ])
        #expect(negated("No problems with waste: firearms are our main concern.") == [true, false])
        #expect(negated("Firearms: not relevant.") == [true])
        #expect(negated("We don't consider cigarettes a priority.") == [true])
        // "sin embargo" is "however": no embargo found, and it ends the clause of "no".
        #expect(
            matcher.mentions(in: "No vemos drogas; sin embargo, las armas de fuego preocupan.").map(
                \.threat) == ["drugs", "firearms"])
        #expect(negated("No obstante, las armas de fuego son una prioridad.") == [false])
        // Words that are cues in one language and not in another.
        #expect(negated("Le sequestri di cocaina nei porti sono una priorità.") == [false])
        #expect(negated("Sigaretten zijn nu een prioriteit.") == [false])
        // no Romanian alias: nothing found
        #expect(negated("Țigările nu sunt o prioritate.") == [])
        #expect(ProseMatcher.cueTest("nu este", matcher: matcher))
        // Greek, Bulgarian, Maltese, Hungarian cues.
        #expect(ProseMatcher.cueTest("δεν", matcher: matcher))
        #expect(ProseMatcher.cueTest("не", matcher: matcher))
        #expect(ProseMatcher.cueTest("nem", matcher: matcher))
    }

    @Test(
        "A negation cue of each of the 24 languages negates the threat after it",
        arguments: [
            "not", "ne", "kein", "no", "non", "não", "niet", "nie", "není", "žiadne", "ni", "nije",
            "nu este",
            "ikke", "inte", "ei", "nem", "nav", "nėra", "δεν", "не", "mhux", "níl", "geen", "keine",
            "aucun",
        ])
    func cuesOfEveryLanguage(cue: String) throws {
        #expect(ProseMatcher.cueTest(cue, matcher: ProseMatcher(questionnaire: questionnaire)))
    }

    @Test(
        "Numbered priorities in eight languages",
        arguments: [
            ("prioridad 2: armas de fuego", 2), ("priorità 3: armi da fuoco", 3),
            ("prioriteit 1: vuurwapens", 1),
            ("priorytet 2: broń palna", 2), ("segunda prioridade: armas de fogo", 2),
            ("erste Priorität: Waffen", 1),
            ("2e priorité : les armes", 2), ("1st priority: firearms", 1),
            ("firearms (priority 4)", 4),
            ("Waffen haben Priorität Nr. 5", 5), ("la deuxième priorité reste les armes à feu", 2),
        ])
    func numbered(text: String, priority: Int) throws {
        let found = ProseMatcher(questionnaire: questionnaire).mentions(in: text)
        #expect(found.map(\.threat) == ["firearms"])
        #expect(found.first?.priority == priority)
    }

    @Test("Priority numbers are bounded by the number of threats")
    func bounded() throws {
        let matcher = ProseMatcher(questionnaire: questionnaire)
        let reading = matcher.read("19. Firearms\npriority 0 for cash\nPriorität 18: Drogen")
        #expect(reading.mentions.map(\.priority) == [nil, nil, 18])
        #expect(reading.notes.count == 2)
        #expect(reading.notes.map(\.line) == [1, 2])
    }

    @Test("Negated mentions are stored, shown with their cue, and never counted")
    func stored() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let (r, _) = try read("fr-priorites.txt", delegation: "FR")
        let store = try Store(path: folder + "/s.sqlite")
        let bytes = try TestSupport.bytes(Self.folder + "fr-priorites.txt")
        let pending = PendingFile(
            name: "fr-priorites.txt", bytes: bytes, format: .prose, encoding: .utf8, delimiter: nil,
            questionnaire: questionnaire.id, received: Date(), responses: [r], warnings: [])
        let stored = try store.insert([pending])
        let id = try #require(stored.first?.id)
        let back = try #require(try store.submission(id: id))
        #expect(back.response.mentions == r.mentions)
        #expect(
            back.response.mentions.filter(\.negated).map(\.cue) == [
                "ne … pas", "aucun", "n' … pas",
            ])
        let json = back.json(in: questionnaire).serialized()
        #expect(json.contains("\"negated\": true") || json.contains("\"negated\":true"))
        // The receipt's evidence table shows every decision with its phrase and cue.
        let rows = back.evidenceTable().rows
        #expect(rows[0][3] == "priority from \"priorité 1\"")
        #expect(rows[3][0] == "environmental-crime")
        #expect(rows[3][3] == "not counted: negated by \"ne … pas\"")
        #expect(rows[3][2].contains("transferts illicites de déchets"))
        let current = CurrentAnswers([back])
        let sums = MentionAggregate(questionnaire: questionnaire, current: current)
        let index = try #require(
            questionnaire.threats.firstIndex { $0.id == "environmental-crime" })
        #expect(sums.states["FR"]?.mentions[index] == 0)
        let firearms = try #require(questionnaire.threats.firstIndex { $0.id == "firearms" })
        #expect(sums.states["FR"]?.mentions[firearms] == 1)
    }
}

extension ProseMatcher {
    /// Whether `cue` before "firearms" negates it.
    static func cueTest(_ cue: String, matcher: ProseMatcher) -> Bool {
        matcher.mentions(in: "\(cue) firearms").first?.negated == true
    }
}
