/// Where a Cairo stream surface's bytes go: an already open file (the atomic output's),
/// through a buffer.
///
/// Cairo hands its PDF writer's output over in pieces of a few dozen bytes: 5,073 calls,
/// each a system call, for the 21-page sample digest, and some 17 ms of CPU. The bytes are
/// gathered here and written in blocks of 64 KiB (6 calls); `flush` writes the rest and
/// must succeed before the file is committed.
final class FileSink {
    let fd: Int32
    private static let capacity = 1 << 16
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: FileSink.capacity, alignment: 16)
    private var count = 0
    /// Set by the first failed write; every later write and flush fails too, so that no
    /// file is committed with a hole in it.
    private var failed = false

    init(fd: Int32) { self.fd = fd }

    deinit { buffer.deallocate() }

    /// Takes `bytes`; false once a write to the file has failed (errno is set by it).
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !failed else { return false }
        if count + bytes.count > Self.capacity {
            guard flush() else { return false }
        }
        if bytes.count >= Self.capacity {
            // Too large to gather (an embedded font or image): straight to the file.
            failed = !AtomicOutput.writeAll(fd, bytes)
            return !failed
        }
        if let base = bytes.baseAddress { (buffer + count).copyMemory(from: base, byteCount: bytes.count) }
        count += bytes.count
        return true
    }

    /// Writes what is gathered; false if this or an earlier write failed.
    func flush() -> Bool {
        guard !failed else { return false }
        if count > 0 {
            failed = !AtomicOutput.writeAll(fd, UnsafeRawBufferPointer(start: buffer, count: count))
            count = 0
        }
        return !failed
    }
}
