import Foundation
import Testing

@testable import ThreatSurvey

/// Prose priorities (CONTRACT.md, "Plain text"): an ordinal written after its threat binds to
/// that threat, never to a neighbour at the same distance; a threat named twice in one
/// clause is listed once (issue 17).
@Suite("Ordinal binding and repeats in prose")
struct OrdinalBindingTests {
    let matcher: ProseMatcher

    init() throws {
        matcher = ProseMatcher(questionnaire: try TestSupport.questionnaire("9396/1/15"))
    }

    /// "threat priority" per counted mention, "threat NOT" per negated one.
    func read(_ text: String) -> [String] {
        matcher.mentions(in: text).map {
            $0.threat + ($0.negated ? " NOT" : $0.priority.map { " \($0)" } ?? "")
        }
    }

    @Test(
        "an ordinal after its threat binds to that threat",
        arguments: [
            (
                "Romania considers firearms its first priority and drugs its second priority.",
                ["firearms 1", "drugs 2"]
            ),
            (
                "Drugs as first priority and firearms as second priority.",
                ["drugs 1", "firearms 2"]
            ),
            (
                "Firearms are our first priority and drugs are our second priority.",
                ["firearms 1", "drugs 2"]
            ),
            (
                "Les drogues en première priorité et les armes à feu en deuxième priorité.",
                ["drugs 1", "firearms 2"]
            ),
            (
                "Drogen als erste Priorität und Schusswaffen als zweite Priorität.",
                ["drugs 1", "firearms 2"]
            ),
        ])
    func ordinalAfterThreat(text: String, expected: [String]) {
        #expect(read(text) == expected)
    }

    @Test("a phrase before its threats still reads as before: « en priorité 1 … »")
    func phraseBeforeThreats() {
        #expect(
            read("En priorité 1 les armes à feu, en priorité 2 les drogues.")
                == ["firearms 1", "drugs 2"])
        #expect(read("Our first priority is firearms.") == ["firearms 1"])
    }

    @Test("a threat named twice in one clause is listed once; in two clauses twice")
    func repeatsListedOnce() {
        let reading = matcher.read(
            "Trafficking in firearms and firearms smuggling is our first priority.")
        #expect(reading.mentions.map(\.threat) == ["firearms"])
        #expect(reading.mentions.first?.priority == 1)
        #expect(reading.notes.map(\.message).contains { $0.contains("listed once") })
        #expect(reading.notes.allSatisfy { !$0.isWarning })
        #expect(read("Firearms matter; firearms smuggling grows.") == ["firearms", "firearms"])
    }
}
