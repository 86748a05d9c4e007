import Foundation

extension Repo {
    /// The `despatch` built next to this test bundle, whatever the scratch path
    /// (`swift build --scratch-path X` puts both in X/debug); `DESPATCH_EXECUTABLE` overrides it.
    /// `Repo.executable` looks only in ./.build, which may hold another (older) build.
    static var executableBesideTests: String {
        if let env = ProcessInfo.processInfo.environment["DESPATCH_EXECUTABLE"], !env.isEmpty { return env }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [besideTests.appendingPathComponent("despatch").path,
                          besideTests.deletingLastPathComponent().appendingPathComponent("despatch").path]
        for dir in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            candidates.append(dir.appendingPathComponent("despatch").path)
        }
        candidates.append(executable)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? executable
    }
}
