import Foundation

/// threatsurvey's JSON turned into the shared baselines' canonical text (`common.py`), so
/// that the outputs can be compared byte for byte.
enum Canonical {
    /// Region titles the baselines use for the `un-m49` region ids.
    static let regionNames = [
        "northern": "Northern", "western": "Western", "southern": "Southern", "eastern": "Eastern",
    ]

    static func text(rank: Data, regions: Data) throws -> String {
        guard let r = try JSONSerialization.jsonObject(with: rank) as? [String: Any],
            let threats = r["threats"] as? [[String: Any]],
            let g = try JSONSerialization.jsonObject(with: regions) as? [String: Any],
            let regionList = g["regions"] as? [[String: Any]]
        else { throw CocoaError(.coderReadCorrupt) }
        let rows = threats.compactMap { t -> (String, Int, Int, Double)? in
            guard let id = t["id"] as? String, let d = t["memberStates"] as? Int,
                let n = t["respondents"] as? Int,
                n > 0
            else { return nil }
            return (id, d, n, t["meanPriority"] as? Double ?? 0)
        }.sorted { ($1.1, $1.2, $0.0) < ($0.1, $0.2, $1.0) }
        var regionRows: [(String, String, Int)] = []
        for region in regionList {
            guard let id = region["id"] as? String, let name = regionNames[id] else { continue }
            for t in region["threats"] as? [[String: Any]] ?? [] {
                if let tid = t["id"] as? String, let n = t["respondents"] as? Int, n > 0 {
                    regionRows.append((name, tid, n))
                }
            }
        }
        regionRows.sort { ($0.0, $1.2, $0.1) < ($1.0, $0.2, $1.1) }
        var lines = ["{\"threats\": ["]
        lines.append(
            rows.map {
                String(
                    format:
                        " {\"threat\": \"%@\", \"delegations\": %d, \"respondents\": %d, \"mean_priority\": %.6f}",
                    $0.0, $0.1, $0.2, $0.3)
            }
            .joined(separator: ",\n"))
        lines.append("],\n\"regions\": [")
        lines.append(
            regionRows.map {
                " {\"region\": \"\($0.0)\", \"threat\": \"\($0.1)\", \"respondents\": \($0.2)}"
            }
            .joined(separator: ",\n"))
        lines.append("]}\n")
        return lines.joined(separator: "\n")
    }
}
