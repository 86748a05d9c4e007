import Foundation

/// `map` over independent items on every core, results in input order. Small inputs run
/// inline: below a few items the threads cost more than they save.
enum ParallelMap {
    static func map<T, R>(_ items: [T], minimumCount: Int = 4, _ transform: (T) -> R) -> [R] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard items.count >= minimumCount, cores > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        let chunks = min(items.count, cores * 4)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own slots of the buffer.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var i = chunk
                while i < items.count {
                    slots[i] = transform(items[i])
                    i += chunks
                }
            }
        }
        return results.map { $0! }
    }

    /// `(first(), second())`, the second on another core when there is one: two independent
    /// parts of a computation, each result as if they had run one after the other.
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second()) }
        var a: A?, b: B?
        withUnsafeMutablePointer(to: &a) { aSlot in
            withUnsafeMutablePointer(to: &b) { bSlot in
                // Each iteration writes only its own result.
                nonisolated(unsafe) let (x, y) = (aSlot, bSlot)
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    if part == 0 { x.pointee = first() } else { y.pointee = second() }
                }
            }
        }
        return (a!, b!)
    }
}
