/// Declarations several commands share (`--store`, the analysis options), declared once in a
/// ``ParsableArguments`` type and included with `@OptionGroup var store: StoreOptions`.
@propertyWrapper
package final class OptionGroup<Group: ParsableArguments>: ArgumentGroupSlot {
    /// The group; its own wrappers receive the parsed values.
    package let wrappedValue: Group
    var contents: Any { wrappedValue }

    /// A fresh group.
    package init() { wrappedValue = Group() }
}

/// A type whose properties are ``Option``, ``Flag``, ``Argument`` or ``OptionGroup`` wrappers.
package protocol ParsableArguments {
    /// An instance with every declaration at its default, ready for the parser.
    init()
}
