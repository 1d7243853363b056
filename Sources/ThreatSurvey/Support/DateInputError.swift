import Foundation

/// Why a typed date was refused: it reads two ways, it was written month first, or it is no
/// date at all.
///
/// Usage errors (exit 64): the officer typed it, and the message gives what to type instead.
public struct DateInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        /// Both first parts are months (`10/03/2016`): the two days it could mean.
        case ambiguous(dayFirst: CivilDate, monthFirst: CivilDate)
        /// Only a month-first reading exists (`10/13/2016`); dates are day first.
        case monthFirst(CivilDate)
        /// None of the accepted forms.
        case notADate
        /// A time of day where a day is asked for (`--today 07.10.2016 11:00`).
        case timeNotAllowed
    }

    /// The text as typed.
    public var text: String
    /// What was wrong.
    public var reason: Reason

    /// Creates an error for `text`.
    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// The sentence after `--received TEXT: `, saying what to type instead.
    public var description: String {
        switch reason {
        case .ambiguous(let dayFirst, let monthFirst):
            return "reads two ways: \(dayFirst) (day first) or \(monthFirst) (month first); "
                + "type the one meant as \(dayFirst) or \(monthFirst)"
        case .monthFirst(let date):
            // Day first, the month-first reading's day is the month that does not exist.
            let typed = String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
            return "there is no month \(date.day): dates are day first; did you mean \(typed) "
                + "(\(date))? Accepted: \(DateTimeInput.acceptedForms)"
        case .notADate:
            return "not a date; accepted: \(DateTimeInput.acceptedForms)"
        case .timeNotAllowed:
            return "a day is expected here, without a time (\"07.10.2016\" or 2016-10-07)"
        }
    }
}
