import DespatchCore
import DespatchLayout
import DespatchModel
import DespatchRender
import DespatchSynthetic
import Foundation

/// Benchmarks with wall time, CPU time, peak memory and throughput. Each scenario runs in a
/// fresh child process (`despatch bench --scenario …`) so that peak memory is its own.
public enum Benchmark {
    public enum Scenario: String, CaseIterable, Sendable {
        /// Analyse N synthetic articles of sample size (read + analyse, in memory).
        case analysis
        /// Render a synthetic digest of about N pages (layout + paint + write).
        case render
        /// The sample digest end to end: read, analyse, lay out, write.
        case sample
    }

    public struct Measurement: Codable, Sendable {
        public var scenario: String
        public var size: Int
        public var wallSeconds: Double
        public var cpuSeconds: Double
        /// For analysis: the share of `cpuSeconds` spent reading the texts into articles.
        public var readingCPUSeconds: Double? = nil
        /// For rendering: the peak of resident memory during the render alone (the process's
        /// peak is reset after the analysis), so the figure is the renderer's own.
        public var renderPeakMemoryMiB: Double? = nil
        public var peakMemoryMiB: Double
        public var pages: Int?
        public var throughput: String
        /// The malloc this process runs on (`Benchmark.allocator`), so that a figure says what
        /// it was measured with: `make build` links tcmalloc, a plain `swift build` does not.
        public var allocator: String = Benchmark.allocator
    }

    /// "tcmalloc" when gperftools' allocator is mapped into this process (the release build
    /// links it, see the Makefile), else "glibc". Read once.
    public static let allocator: String = {
        // Read to the end with read(2): `String(contentsOfFile:)` of a /proc file stops after
        // its first 4 KB, and the libraries' lines in /proc/self/maps come later.
        let fd = open("/proc/self/maps", O_RDONLY)
        guard fd >= 0 else { return "unknown" }
        defer { close(fd) }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self).contains("libtcmalloc") ? "tcmalloc" : "glibc"
    }()

    /// Filler paragraphs per synthetic article that give the samples' mean size (about 7.4 KB).
    public static let sampleSizeParagraphs = 21

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    /// Resets the kernel's record of this process's peak resident memory (Linux: writing 5
    /// to /proc/self/clear_refs), so that `residentPeakMiB` then measures one phase.
    static func resetPeakResidentMemory() {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return }
        _ = write(fd, "5", 1)
        close(fd)
    }

    /// VmHWM of /proc/self/status: the peak resident memory since the last reset.
    static func residentPeakMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    /// Runs one scenario in this process and measures it.
    public static func run(_ scenario: Scenario, size: Int, pipeline: DigestPipeline) throws -> Measurement {
        switch scenario {
        case .analysis:
            // 21 filler paragraphs make about 7.4 KB an article, the mean size of the five samples.
            let generated = SyntheticCorpus(options: .init(articles: size, paragraphs: Self.sampleSizeParagraphs)).generate()
            let reader = ArticleReader()
            let wall0 = Date(), cpu0 = cpuSeconds()
            var warnings: [String] = []
            let articles = try generated.map { try reader.parse(text: $0.text, file: $0.file, extension: "txt", warnings: &warnings) }
            let readCPU = cpuSeconds() - cpu0
            let digest = try pipeline.analyze(Corpus(articles: articles))
            let wall = Date().timeIntervalSince(wall0), cpu = cpuSeconds() - cpu0
            precondition(digest.articles.count == size)
            return Measurement(scenario: scenario.rawValue, size: size, wallSeconds: wall, cpuSeconds: cpu,
                               readingCPUSeconds: readCPU, peakMemoryMiB: peakMemoryMiB(), pages: nil,
                               throughput: String(format: "%.0f articles/s", Double(size) / max(cpu, 1e-9)))
        case .render:
            // About 3.1 pages per article of 24 filler paragraphs (measured); size = target pages.
            let articles = max(1, Int((Double(size) / 3.1).rounded()))
            let generated = SyntheticCorpus(options: .init(articles: articles, paragraphs: 24)).generate()
            var warnings: [String] = []
            let parsed = try generated.map { try ArticleReader().parse(text: $0.text, file: $0.file, extension: "txt", warnings: &warnings) }
            let digest = try pipeline.analyze(Corpus(articles: parsed))
            let layout = try pipeline.loadLayout("default")
            let output = NSTemporaryDirectory() + "despatch-bench-\(getpid()).pdf"
            defer { unlink(output) }
            resetPeakResidentMemory()
            let wall0 = Date(), cpu0 = cpuSeconds()
            let report = try pipeline.render(digest, layout: layout, output: output, options: RenderOptions(maxPages: 100_000))
            let wall = Date().timeIntervalSince(wall0), cpu = cpuSeconds() - cpu0
            return Measurement(scenario: scenario.rawValue, size: size, wallSeconds: wall, cpuSeconds: cpu,
                               renderPeakMemoryMiB: residentPeakMiB(),
                               peakMemoryMiB: peakMemoryMiB(), pages: report.pageCount,
                               throughput: String(format: "%.0f pages/s", Double(report.pageCount) / max(wall, 1e-9)))
        case .sample:
            let output = NSTemporaryDirectory() + "despatch-bench-sample-\(getpid()).pdf"
            defer { unlink(output) }
            let wall0 = Date(), cpu0 = cpuSeconds()
            let report = try pipeline.runDigest(input: pipeline.locator.samplesDirectory, layoutName: "default", output: output,
                                                options: RenderOptions())
            let wall = Date().timeIntervalSince(wall0), cpu = cpuSeconds() - cpu0
            return Measurement(scenario: scenario.rawValue, size: 5, wallSeconds: wall, cpuSeconds: cpu,
                               peakMemoryMiB: peakMemoryMiB(), pages: report.pageCount,
                               throughput: String(format: "%.0f pages/s", Double(report.pageCount) / max(wall, 1e-9)))
        }
    }

    /// The default plan: analysis at 10/100/1,000/10,000 articles, rendering at 10/100/1,000 pages, the sample.
    public static let defaultPlan: [(Scenario, Int)] = [
        (.sample, 5), (.analysis, 10), (.analysis, 100), (.analysis, 1_000), (.analysis, 10_000),
        (.render, 10), (.render, 100), (.render, 1_000),
    ]

    public static func table(_ rows: [Measurement]) -> String {
        var lines = ["malloc: " + (rows.first?.allocator ?? allocator), "",
                     "| scenario | size | wall s | CPU s | of which reading | peak MiB | render peak MiB | pages | throughput |",
                     "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
        for r in rows {
            lines.append(String(format: "| %@ | %d | %.3f | %.3f | %@ | %.1f | %@ | %@ | %@ |", r.scenario, r.size, r.wallSeconds, r.cpuSeconds,
                                r.readingCPUSeconds.map { String(format: "%.3f", $0) } ?? "–",
                                r.peakMemoryMiB, r.renderPeakMemoryMiB.map { String(format: "%.1f", $0) } ?? "–",
                                r.pages.map(String.init) ?? "–", r.throughput))
        }
        return lines.joined(separator: "\n")
    }
}
