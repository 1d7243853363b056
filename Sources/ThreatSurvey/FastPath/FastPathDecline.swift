/// Why the fast path left a file to the general reader.
///
/// The fast reader takes the common shape of a large export (``LongCSVAggregator``); anything
/// else it declines, and the general reader reads the file with its full rules (about 1 MB/s
/// instead of about 100 MB/s). Each case's ``description`` says, in the officer's terms, what
/// in the file made it decline and what would let the fast reader take it: it is the reason
/// the receipt and the `note:` of `submit` give (issue 18).
public enum FastPathDecline: Sendable, Hashable, CustomStringConvertible {
    /// The file has no line end in its first bytes: no header line the fast reader can use.
    case noHeaderLine
    /// The file opens with a `sep=` line (a spreadsheet's delimiter hint).
    case separatorLine
    /// The header quotes a column name.
    case quotedHeader
    /// The file is not UTF-8 (UTF-16, or bytes that are not UTF-8 in a name); the encoding
    /// found is given.
    case encoding(String)
    /// The header names a column the fast reader does not know.
    case unknownColumn(String)
    /// The file is not in long form (no delegation and threat columns, or a column named
    /// twice): a matrix, one row per delegation.
    case notLongForm
    /// The file has no respondent column (streaming stores respondents' answers; a file of
    /// delegations' own answers is small enough to read whole).
    case noRespondentColumn
    /// A delegation, threat, priority, respondent or questionnaire value is quoted.
    case quotedKeyValue
    /// Text follows a closing quote in a field.
    case textAfterClosingQuote
    /// A row has more or fewer fields than the header.
    case raggedRow
    /// The file ends inside a record (an unclosed quote, or a quoted comment running to the
    /// end).
    case unfinishedRecord
    /// One record, a quoted field across line breaks included, is longer than the fast
    /// reader's buffer (the size is given in bytes).
    case recordTooLong(bytes: Int)
    /// A delegation the fast reader cannot name (it is given as written).
    case unknownMemberState(String)
    /// More Member States than the fast reader's table holds.
    case tooManyMemberStates
    /// Too many different spellings of delegations or threats (which ones is given).
    case tooManySpellings(String)
    /// A threat the fast reader cannot name (it is given as written).
    case unknownThreat(String)
    /// A priority that is not a plain whole number.
    case priorityNotWholeNumber
    /// A priority of 0 or above ``Priority/maximum``.
    case priorityOutOfRange
    /// A row names another questionnaire.
    case otherQuestionnaire
    /// One respondent's rows are not together.
    case respondentRowsApart
    /// Respondent ids that are not one prefix followed by a number of one width.
    case respondentIDs(String)
    /// An answer that names every threat: a filled-in template, which the general reader's
    /// rule reads row by row.
    case filledInTemplate
    /// The store stopped the stream (it failed; its error is reported instead).
    case stoppedByStore

    /// What in the file made the fast reader decline it, and what would let it take it.
    public var description: String {
        switch self {
        case .noHeaderLine:
            return "the file has no header line the fast reader can find"
        case .separatorLine:
            return "the file opens with a \"sep=\" line, which the fast reader does not handle; "
                + "remove the line to let it take the file"
        case .quotedHeader:
            return "the header quotes a column name, which the fast reader does not handle; "
                + "write the header without quotes to let it take the file"
        case .encoding(let found):
            return "the file is \(found), and the fast reader reads UTF-8 only; save it as UTF-8 "
                + "to let it take the file"
        case .unknownColumn(let name):
            return "the column \"\(name)\" is not one the fast reader knows (delegation, "
                + "respondent, threat, priority, questionnaire, comment); remove or rename it "
                + "to let it take the file"
        case .notLongForm:
            return "the file is not in long form (one row per threat, with delegation and "
                + "threat columns, each named once): a matrix is read by the general reader only"
        case .noRespondentColumn:
            return "the file has no respondent column, and the fast reader stores one "
                + "submission per respondent; add one to let it take the file"
        case .quotedKeyValue:
            return "a delegation, threat, priority or respondent value is quoted, which the "
                + "fast reader does not handle (only comments may be quoted)"
        case .textAfterClosingQuote:
            return "a field has text after its closing quote, which the fast reader does not "
                + "handle"
        case .raggedRow:
            return "a row has more or fewer fields than the header, which the fast reader does "
                + "not handle"
        case .unfinishedRecord:
            return "the file ends inside a record (a quote left open), which the fast reader "
                + "does not handle"
        case .recordTooLong(let bytes):
            return "a record (a quoted field across line breaks included) is longer than the "
                + "fast reader's \(bytes / (1 << 20)) MiB buffer"
        case .unknownMemberState(let text):
            return "the delegation \"\(text)\" is not a spelling the fast reader knows; write "
                + "its EU code to let it take the file"
        case .tooManyMemberStates:
            return "the file names more Member States than the fast reader holds"
        case .tooManySpellings(let what):
            return "the file spells \(what) in more ways than the fast reader holds"
        case .unknownThreat(let text):
            return "the threat \"\(text)\" is not a spelling the fast reader knows; write the "
                + "questionnaire's threat id to let it take the file"
        case .priorityNotWholeNumber:
            return "a priority is not a plain whole number, which the fast reader does not "
                + "handle"
        case .priorityOutOfRange:
            return "a priority is 0 or above \(Priority.maximum), which the fast reader leaves "
                + "to the general reader's rules"
        case .otherQuestionnaire:
            return "a row names another questionnaire, which the fast reader does not handle"
        case .respondentRowsApart:
            return "one respondent's rows are not together; sort the file by respondent to let "
                + "the fast reader take it"
        case .respondentIDs(let what):
            return "respondent ids are \(what), and the fast reader needs one prefix and "
                + "one zero-padded width (R0000042)"
        case .filledInTemplate:
            return "an answer names every threat (a filled-in template), which the general "
                + "reader's rule reads row by row"
        case .stoppedByStore:
            return "the store stopped the stream"
        }
    }
}
