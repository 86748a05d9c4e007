import ArgumentParser
import DespatchApp
import Foundation

/// `despatch bench`: wall, CPU, peak memory and throughput; each scenario in its own process.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure analysis and rendering (each scenario in a fresh process)."
    )

    @Option(help: "Run only this scenario in this process: sample, analysis or render.")
    var scenario: String?

    @Option(help: "Size for --scenario: articles (analysis) or pages (render).")
    var size: Int = 10

    @Option(help: "Repetitions per scenario; the median is reported.")
    var repeats: Int = 3

    @Flag(help: "Print JSON instead of a Markdown table.")
    var json = false

    func run() throws {
        let pipeline = DigestPipeline()
        if let name = scenario {
            guard let s = Benchmark.Scenario(rawValue: name) else {
                throw DespatchFailure(.usage, "--scenario must be one of: \(Benchmark.Scenario.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let m = try Benchmark.run(s, size: size, pipeline: pipeline)
            FileHandle.standardOutput.write(try JSONEncoder().encode(m))
            return
        }
        var rows: [Benchmark.Measurement] = []
        for (s, n) in Benchmark.defaultPlan {
            var runs: [Benchmark.Measurement] = []
            for _ in 0..<max(1, repeats) {
                runs.append(try child(s, n))
            }
            runs.sort { $0.wallSeconds < $1.wallSeconds }
            let median = runs[runs.count / 2]
            rows.append(median)
            FileHandle.standardError.write(Data("despatch: bench \(s.rawValue) \(n): \(String(format: "%.3f", median.wallSeconds)) s\n".utf8))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .prettyPrinted
            FileHandle.standardOutput.write(try encoder.encode(rows))
        } else {
            print(Benchmark.table(rows))
        }
    }

    private func child(_ s: Benchmark.Scenario, _ n: Int) throws -> Benchmark.Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        process.arguments = ["bench", "--scenario", s.rawValue, "--size", String(n)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DespatchFailure(.render, "benchmark \(s.rawValue) \(n) failed (exit \(process.terminationStatus))")
        }
        return try JSONDecoder().decode(Benchmark.Measurement.self, from: data)
    }
}
