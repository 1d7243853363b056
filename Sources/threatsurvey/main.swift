import Foundation
import ThreatSurvey

exit(CLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard).rawValue)
