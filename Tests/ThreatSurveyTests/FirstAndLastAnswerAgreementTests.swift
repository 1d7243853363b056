import Foundation
import Testing
import ThreatSurveyTestSupport

@testable import ThreatSurvey

/// The store's first and last answers are the rule's.
///
/// A Member State's first and last answer is defined once, in Swift
/// (`FirstAndLastAnswer.of(_:before:)`, whose times `CountedAnswers.answerTimes` gives), and
/// read by the store with index seeks (`Store.firstAndLastAnswers(questionnaire:before:)`,
/// what keeps `deadline` fast on a million respondents). On random small stores (several
/// submissions per state, joint answers, respondents, equal received times, voided answers)
/// both must name the same first and last submission for every state and cutoff.
@Suite("First and last answer: the store's seeks agree with the rule")
struct FirstAndLastAnswerAgreementTests {
    static let states = ["BE", "DE", "FR", "IT", "MT", "PL"]

    /// One random questionnaire's answers, stored in `store` under `id`; some voided.
    func fill(
        _ store: Store, questionnaire id: String, base: Date, random: inout SplitMix64
    ) throws -> [Date] {
        var files: [PendingFile] = []
        var times: [Date] = []
        for k in 0..<Int.random(in: 1...12, using: &random) {
            // Few distinct instants, so that equal received times are common; some with
            // milliseconds, which the store keeps.
            let hours = Double(Int.random(in: 0...5, using: &random)) * 3_600
            let millis = Bool.random(using: &random) ? 0 : 0.25
            let received = base.addingTimeInterval(hours + millis)
            times.append(received)
            var responses: [Response] = []
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let delegation = Self.states.randomElement(using: &random) ?? "BE"
                let others = Self.states.filter { $0 != delegation }.shuffled(using: &random)
                let cosignatories = Array(others.prefix(Int.random(in: 0...2, using: &random)))
                let respondent =
                    Bool.random(using: &random) ? "r\(Int.random(in: 1...2, using: &random))" : nil
                responses.append(
                    Response(
                        delegation: delegation, cosignatories: cosignatories,
                        respondent: respondent, mentions: [Mention(threat: "alpha")]))
            }
            files.append(
                PendingFile(
                    name: "\(id)-\(k).json", bytes: Array("\(id) \(k)".utf8), format: .json,
                    encoding: .utf8, delimiter: nil, questionnaire: id, received: received,
                    responses: responses, warnings: []))
        }
        let stored = try store.insert(files)
        let voided = stored.filter { _ in Int.random(in: 0..<5, using: &random) == 0 }
        if !voided.isEmpty {
            try store.record(
                voided.map {
                    Decision(submission: $0.id, action: .void, reason: "test", by: "anna")
                })
        }
        return times
    }

    @Test("300 random stores, several cutoffs each: the same first and last answer per state")
    func agree() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/agree.sqlite")
        var random = SplitMix64(seed: 18)
        let base = Date(timeIntervalSince1970: 1_441_612_800)  // 2015-09-07T08:00Z
        for round in 0..<300 {
            let id = "A/\(round)/15"
            let times = try fill(store, questionnaire: id, base: base, random: &random)
            let counted = try store.countedSubmissions(questionnaire: id)
            // Before everything, at and just after some answer's time, between, after all.
            var cutoffs = [base, base.addingTimeInterval(86_400)]
            for t in times.prefix(3) {
                cutoffs += [t, t.addingTimeInterval(0.001), t.addingTimeInterval(1_800)]
            }
            for cutoff in cutoffs {
                let rule = FirstAndLastAnswer.of(counted, before: cutoff)
                let seeks = try store.firstAndLastAnswers(questionnaire: id, before: cutoff)
                #expect(
                    seeks == rule,
                    "round \(round), cutoff \(cutoff.timeIntervalSince1970): store \(describe(seeks)), rule \(describe(rule))"
                )
                // The counted-answers module's times are the same pairs' times.
                let times = CountedAnswers.answerTimes(
                    counted.filter { $0.received < cutoff }, asOf: nil)
                #expect(times.mapValues(\.first) == rule.mapValues(\.first.received))
                #expect(times.mapValues(\.counted) == rule.mapValues(\.last.received))
            }
        }
    }

    /// The pairs as text, for a failure's message.
    func describe(_ answers: [String: FirstAndLastAnswer]) -> String {
        MemberState.sortedByProtocol(answers.keys).compactMap { state in
            answers[state].map { "\(state) #\($0.first.id)…#\($0.last.id)" }
        }.joined(separator: " ")
    }
}
