import DespatchRender
import Dispatch
import Foundation

/// On SIGINT or SIGTERM: remove temporary output files, then exit 128 + signal.
enum SignalCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                AtomicOutput.removeAllPending()
                FileHandle.standardError.write(Data("despatch: interrupted; unfinished output removed\n".utf8))
                Foundation.exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
