import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// `threatsurvey completions bash|zsh|fish`, generated from the declarations.
@Suite("Shell completions")
struct CompletionTests {
    /// The path of `shell` when it is installed.
    static func shellPath(_ shell: String) -> String? {
        ["/bin/", "/usr/bin/", "/usr/local/bin/", "/opt/homebrew/bin/"].map { $0 + shell }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Checks `script`'s syntax with `shell -n`.
    static func syntaxCheck(_ script: String, shell: String) throws -> (status: Int32, err: String)
    {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/completion." + shell
        try TestSupport.write(script, to: path)
        let result = try ChildProcess.run(try #require(shellPath(shell)), ["-n", path])
        return (result.status, result.errText)
    }

    @Test(
        "Each script is produced and names every command, option and enum value",
        arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) {
        let result = runCLI(["completions", shell], addQuestionnaires: false)
        #expect(result.status == .success)
        for type in CLI.commands {
            let name = type.configuration.name
            #expect(result.out.contains(name), "\(shell) lacks \(name)")
            for declaration in ArgumentSet(type.init()).declarations
            where declaration.kind != .positional {
                #expect(
                    result.out.contains(declaration.name ?? "?"),
                    "\(shell) lacks --\(declaration.name ?? "?") of \(name)")
            }
        }
        for value in ["count borda", "long matrix json", "bash zsh fish"] {
            #expect(result.out.contains(value), "\(shell) lacks \(value)")
        }
    }

    @Test("bash -n accepts the bash script", .enabled(if: shellPath("bash") != nil))
    func bashSyntax() throws {
        let check = try Self.syntaxCheck(
            runCLI(["completions", "bash"], addQuestionnaires: false).out, shell: "bash")
        #expect(check.status == 0, "\(check.err)")
    }

    @Test("zsh -n accepts the zsh script", .enabled(if: shellPath("zsh") != nil))
    func zshSyntax() throws {
        let check = try Self.syntaxCheck(
            runCLI(["completions", "zsh"], addQuestionnaires: false).out, shell: "zsh")
        #expect(check.status == 0, "\(check.err)")
    }

    @Test("fish -n accepts the fish script", .enabled(if: shellPath("fish") != nil))
    func fishSyntax() throws {
        let check = try Self.syntaxCheck(
            runCLI(["completions", "fish"], addQuestionnaires: false).out, shell: "fish")
        #expect(check.status == 0, "\(check.err)")
    }

    @Test("The bash script completes commands, options and values")
    func bashCompletes() throws {
        let bash = try #require(Self.shellPath("bash"))
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/completion.bash"
        try TestSupport.write(
            runCLI(["completions", "bash"], addQuestionnaires: false).out, to: path)
        let result = try ChildProcess.run(
            bash,
            [
                "-c",
                "source '\(path)'; COMP_WORDS=(threatsurvey rank --method ''); COMP_CWORD=3; _threatsurvey; echo \"${COMPREPLY[*]}\";"
                    + " COMP_WORDS=(threatsurvey su); COMP_CWORD=1; _threatsurvey; echo \"${COMPREPLY[*]}\"",
            ])
        #expect(result.outText == "count borda\nsubmit summary\n", "\(result.errText)")
    }
}
