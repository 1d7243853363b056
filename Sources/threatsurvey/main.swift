import ThreatSurveyCLI

CLI.main()
