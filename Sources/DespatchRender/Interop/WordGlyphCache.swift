import CPangoCairo
import Foundation

/// The glyphs of words and runs of spaces already shaped, by font, script, language and bytes
/// (see `ParagraphShaper.shapeByWords`).
///
/// An open-addressing table over three flat stores (the words' bytes, their glyphs, their
/// clusters), looked up with the bytes where they lie in the paragraph: no `String` is made for
/// a word, no SipHash is run, and no array is allocated per word. A dictionary keyed by a
/// struct holding the word as a `String` cost some 850 instructions a lookup, most of a
/// paragraph's shaping once its words were known.
struct WordGlyphCache {
    /// Where one word's bytes and glyphs are in the stores.
    struct Entry {
        var hash: UInt64
        var font: UnsafeMutableRawPointer
        var language: UnsafeMutableRawPointer?
        var script: Int32
        var byteStart: Int32
        var byteCount: Int32
        var glyphStart: Int32
        var glyphCount: Int32
    }

    private var slots: [Int32] = Array(repeating: -1, count: 1024)  // entry index, -1: empty
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []
    private(set) var glyphs: [PangoGlyphInfo] = []
    /// Byte offset in its word of each glyph's cluster.
    private(set) var clusters: [Int32] = []

    var count: Int { entries.count }

    mutating func removeAll() {
        slots = Array(repeating: -1, count: 1024)
        entries.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
    }

    static func hash(_ word: UnsafeRawBufferPointer, font: UnsafeMutableRawPointer, script: Int32,
                     language: UnsafeMutableRawPointer?) -> UInt64 {
        var h = Mix64()
        h.mix(UInt64(UInt(bitPattern: font)))
        h.mix(UInt64(UInt(bitPattern: language)) ^ UInt64(UInt32(bitPattern: script)) << 48)
        h.mix(bytes: word)
        return h.value
    }

    /// The entry of a word already shaped, or nil.
    func find(_ word: UnsafeRawBufferPointer, hash: UInt64, font: UnsafeMutableRawPointer, script: Int32,
              language: UnsafeMutableRawPointer?) -> Entry? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let e = entries[Int(index)]
            if e.hash == hash, e.font == font, e.script == script, e.language == language, Int(e.byteCount) == word.count,
               bytes.withUnsafeBytes({ memcmp($0.baseAddress! + Int(e.byteStart), word.baseAddress!, word.count) == 0 }) {
                return e
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a word and the glyphs it was shaped into; returns its entry.
    @discardableResult
    mutating func insert(_ word: UnsafeRawBufferPointer, hash: UInt64, font: UnsafeMutableRawPointer, script: Int32,
                         language: UnsafeMutableRawPointer?, glyphs shaped: UnsafeBufferPointer<PangoGlyphInfo>,
                         clusters shapedClusters: UnsafeBufferPointer<Int32>) -> Entry {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let e = Entry(hash: hash, font: font, language: language, script: script,
                      byteStart: Int32(bytes.count), byteCount: Int32(word.count),
                      glyphStart: Int32(glyphs.count), glyphCount: Int32(shaped.count))
        bytes.append(contentsOf: word)
        glyphs.append(contentsOf: shaped)
        clusters.append(contentsOf: shapedClusters)
        place(Int32(entries.count), hash: hash)
        entries.append(e)
        return e
    }

    private mutating func place(_ index: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (i, e) in entries.enumerated() { place(Int32(i), hash: e.hash) }
    }
}
