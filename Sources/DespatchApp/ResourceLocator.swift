import Foundation

/// Finds the project's data folders (Layouts/, Fonts/) for a command run from anywhere.
///
/// Order: an explicit option; the DESPATCH_HOME environment variable; the working
/// directory; the repository the executable was built in (walking up from the
/// executable, e.g. <repo>/.build/release/despatch -> <repo>).
public struct ResourceLocator: Sendable {
    public var workingDirectory: String
    public var home: String?

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String = CommandLine.arguments.first ?? "") {
        self.workingDirectory = workingDirectory
        if let h = environment["DESPATCH_HOME"], !h.isEmpty {
            home = h
        } else {
            home = ResourceLocator.repositoryRoot(startingAt: executablePath)
        }
    }

    /// Walks up from the executable to the first folder holding both Layouts/ and Fonts/.
    static func repositoryRoot(startingAt executable: String) -> String? {
        guard !executable.isEmpty else { return nil }
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let fm = FileManager.default
            if fm.fileExists(atPath: url.appendingPathComponent("Layouts").path),
               fm.fileExists(atPath: url.appendingPathComponent("Fonts").path) {
                return url.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return nil
    }

    /// Folders searched for a layout name, in order.
    public var layoutDirectories: [String] {
        var dirs = [workingDirectory + "/Layouts"]
        if let home, home + "/Layouts" != dirs[0] { dirs.append(home + "/Layouts") }
        return dirs
    }

    /// The sample articles of the repository.
    public var samplesDirectory: String {
        if let home, FileManager.default.fileExists(atPath: home + "/Samples") { return home + "/Samples" }
        return workingDirectory + "/Samples"
    }

    /// The fonts folder: DESPATCH_HOME or the executable's repository first, then ./Fonts.
    public var fontsDirectory: String {
        if let home, FileManager.default.fileExists(atPath: home + "/Fonts") { return home + "/Fonts" }
        return workingDirectory + "/Fonts"
    }
}
