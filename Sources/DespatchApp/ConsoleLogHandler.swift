import Foundation
import Logging

/// A swift-log handler for a command-line tool: "despatch: warning: …" on standard error,
/// no timestamps, so warnings read like a compiler's.
public struct ConsoleLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level

    public init(level: Logger.Level = .warning) { self.logLevel = level }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(level: event.level, message: event.message)
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        write(level: level, message: message)
    }

    private func write(level: Logger.Level, message: Logger.Message) {
        let prefix: String
        switch level {
        case .warning: prefix = "warning: "
        case .error, .critical: prefix = "error: "
        case .info, .notice: prefix = ""
        case .debug, .trace: prefix = "debug: "
        }
        FileHandle.standardError.write(Data("despatch: \(prefix)\(message)\n".utf8))
    }
}
