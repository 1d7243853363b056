import Foundation

/// The blocks `demo` prints for one fixture set.
public enum DemoReport {
    /// What was loaded from one fixture folder: one line per submission.
    ///
    /// - Parameters:
    ///   - receipts: the folder's receipts, in the order stored.
    ///   - questionnaire: the questionnaire they answer.
    ///   - folder: the fixture folder.
    ///   - responded: the roster Member States whose answers among them count (counted in
    ///     Analysis, never here).
    /// - Returns: a heading, the table of submissions and the line saying who answered.
    public static func loaded(
        _ receipts: [Receipt], questionnaire: Questionnaire, folder: String, responded: [String]
    ) -> [Document.Block] {
        let zone = questionnaire.timeZone
        var rows: [[String]] = []
        for r in receipts {
            let s = r.submission
            var status = r.isLate ? "LATE" : "on time"
            if !r.supersedes.isEmpty {
                status +=
                    "; supersedes "
                    + Set(r.supersedes.map { "#\($0.other.id)" }).sorted().joined(separator: " ")
            }
            rows.append([
                "#\(s.id)", Timestamp.short(s.received, in: zone),
                ([s.delegation] + s.response.cosignatories.map { "+" + $0 }).joined(separator: " "),
                s.sourceFile, s.format.rawValue + (s.encoding == "UTF-8" ? "" : ", " + s.encoding),
                String(s.response.threats.count), status,
            ])
        }
        return [
            .heading(
                "\(questionnaire.id) \(questionnaire.title): loaded \(receipts.count) submissions from \(folder)"
            ),
            .table(
                TextTable(
                    columns: [
                        "#", "received", "delegation", "file", "format", "threats", "status",
                    ],
                    alignments: [.right, .left, .left, .left, .left, .right, .left], rows: rows)),
            .text(
                "\(responded.count) of \(questionnaire.roster.count) Member States answered; deadline "
                    + "\(questionnaire.deadline) (\(zone.identifier))."),
        ]
    }
}
