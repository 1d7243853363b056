/// Declarations several commands share (`--store`, the analysis options), declared once in a
/// ``ParsableArguments`` type and included with `@OptionGroup var store: StoreOptions`.
@propertyWrapper
public final class OptionGroup<Group: ParsableArguments>: ArgumentGroupSlot {
    /// The group; its own wrappers receive the parsed values.
    public let wrappedValue: Group
    var contents: Any { wrappedValue }

    /// A fresh group.
    public init() { wrappedValue = Group() }
}

/// A type whose properties are ``Option``, ``Flag``, ``Argument`` or ``OptionGroup`` wrappers.
public protocol ParsableArguments {
    /// An instance with every declaration at its default, ready for the parser.
    init()
}
