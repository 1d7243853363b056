import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Decision {
    /// What a decision records as its author when no name can be found: said honestly, not
    /// as "unknown" (which reads as if a person of that name decided).
    public static let unnamedOfficer = "an unnamed user"

    /// Who takes a decision: `--by`, else `$USER`, else `$LOGNAME`, else the login name of the
    /// account running the tool (the password database), else ``unnamedOfficer``.
    ///
    /// The record says who decided; a cron job or a container often has no `$USER`, but its
    /// account still has a name, and that is more use to the next officer than a placeholder.
    ///
    /// - Parameters:
    ///   - by: the `--by` option, if given.
    ///   - variables: the process environment.
    ///   - accountName: the account's login name (``loginName()`` by default; injected by
    ///     tests).
    /// - Returns: a name of at most 200 characters.
    public static func officer(
        by: String?, variables: [String: String],
        accountName: () -> String? = Decision.loginName
    ) -> String {
        for candidate in [by, variables["USER"], variables["LOGNAME"]] {
            let trimmed = candidate?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !trimmed.isEmpty { return String(trimmed.prefix(200)) }
        }
        let account = accountName()?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return account.isEmpty ? unnamedOfficer : String(account.prefix(200))
    }

    /// The login name of the account running the tool (`getpwuid(geteuid())`), or `nil`.
    public static func loginName() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
