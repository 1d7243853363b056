import ThreatSurvey

/// An option without a value: `@Flag(help: "…") var dryRun: Bool`, false unless given.
@propertyWrapper
package final class Flag: ArgumentSlot {
    let declaration: ArgumentDeclaration
    /// Whether the flag was given.
    package private(set) var wrappedValue = false
    var isSet: Bool { wrappedValue }

    /// A flag named after its property unless `name` is given.
    package init(name: String? = nil, help: String) {
        declaration = ArgumentDeclaration(
            kind: .flag, name: name, placeholder: "", help: help, isRequired: false,
            isRepeatable: false,
            defaultText: nil, completion: .none)
    }

    func assign(_ text: String, name: String) throws(SurveyError) {
        wrappedValue = true
    }
}
