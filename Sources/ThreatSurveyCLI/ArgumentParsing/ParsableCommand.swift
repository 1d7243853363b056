package import ThreatSurvey

/// A command of the tool: its name and summary, its declared arguments, and what it does.
///
/// A command is a struct whose properties are ``Option``, ``Flag``, ``Argument`` and
/// ``OptionGroup`` wrappers; the parser, the help and the completion scripts all read those
/// same declarations, so nothing is written twice.
package protocol ParsableCommand: ParsableArguments {
    /// Name, summary and discussion.
    static var configuration: CommandConfiguration { get }
    /// Does the work, with every value already converted and checked.
    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus
}

/// The fixed description of a command.
package struct CommandConfiguration: Sendable {
    /// The word after `threatsurvey`.
    package var name: String
    /// One line for the command list.
    package var summary: String
    /// Extra help after the options.
    package var discussion: String
    /// Command lines that show the command at work, each with what it does; printed by
    /// `--help`, the man page and the command reference.
    package var examples: [Example]

    /// A configuration; `discussion` is re-wrapped, except for indented lines (examples).
    package init(
        name: String, summary: String, discussion: String = "", examples: [Example] = []
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.examples = examples
    }

    /// One example: a command line and what it does.
    public struct Example: Sendable {
        /// The command line, starting with `threatsurvey`.
        public var command: String
        /// What it does, as one sentence.
        public var purpose: String

        /// An example; `command` is written as a user types it.
        public init(_ command: String, _ purpose: String) {
            self.command = command
            self.purpose = purpose
        }
    }
}
