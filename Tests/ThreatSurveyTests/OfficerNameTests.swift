import Testing

@testable import ThreatSurvey

/// Who took a decision: `--by`, `$USER`, `$LOGNAME`, the account's login name, else said
/// honestly to be unnamed (never "unknown", which reads like a name).
@Suite("Officer name")
struct OfficerNameTests {
    @Test("The first name found wins, in order")
    func order() {
        let none: () -> String? = { nil }
        #expect(Decision.officer(by: "Ana", variables: ["USER": "u"], accountName: none) == "Ana")
        #expect(
            Decision.officer(by: nil, variables: ["USER": "u", "LOGNAME": "l"], accountName: none)
                == "u")
        #expect(Decision.officer(by: nil, variables: ["LOGNAME": "l"], accountName: none) == "l")
        #expect(
            Decision.officer(by: " ", variables: ["USER": ""], accountName: { "acct" }) == "acct")
    }

    @Test("With no name anywhere, the record says \"an unnamed user\"")
    func unnamed() {
        #expect(
            Decision.officer(by: nil, variables: [:], accountName: { nil }) == "an unnamed user")
        #expect(
            Decision.officer(by: nil, variables: [:], accountName: { "  " }) == "an unnamed user")
    }

    @Test("The account's login name is read from the password database")
    func account() {
        // Whatever account runs the tests has a name there (root, a CI user, …).
        #expect(Decision.loginName().map { !$0.isEmpty } ?? true)
        #expect(
            Decision.officer(by: nil, variables: [:])
                == (Decision.loginName() ?? Decision.unnamedOfficer))
    }
}
