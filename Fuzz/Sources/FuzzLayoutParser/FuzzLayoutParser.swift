import DespatchLayout
import Foundation

/// libFuzzer entry: bytes as a layout description. Any crash, trap or hang is a bug; the
/// only expected failure is a `LayoutError` that names the file (and, when the YAML has a
/// position, a line and column inside the text).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayoutParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = String(validatingUTF8: Array(UnsafeBufferPointer(start: data, count: size)).map { CChar(bitPattern: $0) } + [0])
    else { return 0 }
    let parser = LayoutParser(path: "fuzz.yaml")
    do {
        let root = try parser.compose(text)
        _ = try parser.extends(root)
        let layout = try parser.apply(root, over: LayoutDescription())
        precondition((1...3).contains(layout.page.columns))
    } catch let error as LayoutError {
        precondition(error.path == "fuzz.yaml")
        precondition(error.line >= 0 && error.column >= 0)
        precondition(!error.message.isEmpty)
    } catch {
        preconditionFailure("not a LayoutError: \(error)")
    }
    return 0
}
