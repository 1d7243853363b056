import ThreatSurvey

/// Every declaration of one command instance, named and in declaration order.
///
/// Found by reflecting over the command's stored properties: a property wrapper is stored as
/// `_name`, and its class instance is shared with the command, so assigning through it sets
/// the command's property.
struct ArgumentSet {
    var slots: [(declaration: ArgumentDeclaration, slot: any ArgumentSlot)] = []

    init(_ instance: Any) {
        collect(instance)
    }

    private mutating func collect(_ instance: Any) {
        for child in Mirror(reflecting: instance).children {
            if let group = child.value as? any ArgumentGroupSlot {
                collect(group.contents)
            } else if let slot = child.value as? any ArgumentSlot {
                var declaration = slot.declaration
                if declaration.name == nil, let label = child.label {
                    declaration.name = ArgumentSet.kebab(
                        label.hasPrefix("_") ? String(label.dropFirst()) : label)
                }
                slots.append((declaration, slot))
            }
        }
    }

    var declarations: [ArgumentDeclaration] { slots.map(\.declaration) }
    var positionals: [(declaration: ArgumentDeclaration, slot: any ArgumentSlot)] {
        slots.filter { $0.declaration.kind == .positional }
    }

    /// `onTimeOnly` → `on-time-only`.
    static func kebab(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "-" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
