import CPangoCairo
import Foundation

/// Pango's items for a paragraph of plain Latin text, made without `pango_itemize`.
///
/// Why: `pango_itemize` costs some 100,000 instructions a paragraph (an attribute iterator,
/// the script, emoji and width iterators, the bidirectional levels, a font looked up for every
/// character), and most of a briefing is text for which all that decides nothing: one script,
/// left to right, every character in one font. For such a paragraph the items are known from
/// the styled runs alone. Pango 1.50's itemizer ends an item at every boundary of its
/// attributes, gives each item the font its fontset chooses for the item's characters (the
/// first font that covers them; spaces, soft hyphens and other format characters choose no
/// font), level 0, gravity south, the paragraph's script (Latin, or Common when it has no
/// letter), and the language of its run or the context's, unless that language does not use
/// the script. Anything else (another script, a character outside the blocks below, two fonts
/// in one run) returns nil, and the caller itemizes with Pango. `verifies` (tests) has Pango
/// itemize every paragraph too and counts any difference.
final class PlainItemizer {
    private let context: OpaquePointer

    /// The fontset of one style, run and language, and the font it chooses for each
    /// character asked about.
    private final class Face {
        let fontset: UnsafeMutablePointer<PangoFontset>
        let language: OpaquePointer?
        /// ASCII's fonts, in storage of the face's own: an array property of a class pays
        /// an exclusivity check at every access, and this is asked for every character.
        private let ascii = UnsafeMutablePointer<UnsafeMutablePointer<PangoFont>?>.allocate(capacity: 128)
        private let asciiKnown = UnsafeMutablePointer<Bool>.allocate(capacity: 128)
        private var others: [UInt32: UnsafeMutablePointer<PangoFont>?] = [:]

        init(fontset: UnsafeMutablePointer<PangoFontset>, language: OpaquePointer?) {
            self.fontset = fontset
            self.language = language
            ascii.initialize(repeating: nil, count: 128)
            asciiKnown.initialize(repeating: false, count: 128)
        }

        deinit {
            ascii.deallocate()
            asciiKnown.deallocate()
            g_object_unref(UnsafeMutableRawPointer(fontset))
        }

        /// The font Pango's itemizer gives `scalar` in this fontset, or nil when none covers it.
        /// The fontset holds the fonts: the pointers stay valid for the face's life.
        func font(for scalar: UInt32) -> UnsafeMutablePointer<PangoFont>? {
            if scalar < 128 {
                let i = Int(scalar)
                if asciiKnown[i] { return ascii[i] }
                let font = look(scalar)
                ascii[i] = font
                asciiKnown[i] = true
                return font
            }
            if let known = others[scalar] { return known }
            let font = look(scalar)
            others[scalar] = font
            return font
        }

        private func look(_ scalar: UInt32) -> UnsafeMutablePointer<PangoFont>? {
            guard let font = pango_fontset_get_font(fontset, scalar) else { return nil }
            defer { g_object_unref(font) }
            return pango_font_has_char(font, scalar) != 0 ? font : nil
        }
    }

    private struct FaceKey: Hashable {
        var fontKey: String
        var bold: Bool
        var italic: Bool
        var language: UInt
        var script: Int32
    }
    private var faces: [FaceKey: Face] = [:]

    /// Tests (or DESPATCH_VERIFY_PLAIN_ITEMS=1): Pango itemizes every paragraph made here
    /// too, and differences are counted (`RenderReport.plainItemsDiffering`).
    var verifies = PlainItemizer.verifiesByDefault
    nonisolated(unsafe) static var verifiesByDefault = ProcessInfo.processInfo.environment["DESPATCH_VERIFY_PLAIN_ITEMS"] == "1"
    private(set) var made = 0, verified = 0, differing = 0

    init(context: OpaquePointer) { self.context = context }

    /// The items of `chars` (`length` UTF-8 bytes) with `runs` over `font`, or nil when the
    /// paragraph is not plain Latin text in one font a run. The caller owns the items.
    func items(_ chars: UnsafeMutablePointer<CChar>, length: Int, runs: [PreparedText.Run], font: FontDescription,
               fontKey: String) -> [UnsafeMutablePointer<PangoItem>]? {
        guard length > 0, Self.charOffsetByte != nil else { return nil }
        // The runs that give the itemizer attributes (bold, italic, a language; a colour is
        // no attribute of the shaper's).
        let runs = runs.filter { !$0.range.isEmpty && ($0.bold || $0.italic || $0.language != nil) }
        let bytes = UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self)
        // One look at the characters: their blocks, and whether any is a letter.
        var hasLetter = false
        var i = 0
        while i < length {
            let b = bytes[i]
            if b < 0x80 {
                guard b >= 0x20, b != 0x7F else { return nil }
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { hasLetter = true }
                i += 1
                continue
            }
            guard let (scalar, size) = Self.scalar(bytes, i, length) else { return nil }
            // Signs that stand upright in vertical text (§ © ® ± ¼ ½ ¾ × ÷ ‖ † ‡ ‰ ‱) end
            // Pango's width runs, and with them its items: they are left to Pango.
            switch scalar {
            case 0x00A7, 0x00A9, 0x00AE, 0x00B1, 0x00BC...0x00BE, 0x00D7, 0x00F7: return nil
            case 0x2016, 0x2020, 0x2021, 0x2030, 0x2031: return nil
            case 0x00AA, 0x00BA: hasLetter = true                   // ª and º are of the Latin script
            case 0x00A0...0x00BF: break                             // Latin-1 signs (Common, µ too)
            case 0x00C0...0x024F: hasLetter = true                  // Latin letters
            case 0x0300...0x036F: break                             // combining marks (Inherited)
            case 0x1E00...0x1EFF: hasLetter = true                  // Latin Extended Additional (Vietnamese)
            case 0x2010...0x2027, 0x2032...0x203A, 0x20AC: break    // dashes, quotes, bullets, primes, euro
            default: return nil
            }
            i += size
        }
        // Common characters take the script of the letters around them; with no letter at
        // all the paragraph is Common.
        let script = hasLetter ? PANGO_SCRIPT_LATIN : PANGO_SCRIPT_COMMON
        // Pango ends an item at every boundary of its attributes.
        var cuts = [0, length]
        for run in runs {
            cuts.append(max(0, min(length, run.range.lowerBound)))
            cuts.append(max(0, min(length, run.range.upperBound)))
        }
        let bounds = Array(Set(cuts)).sorted()
        let contextLanguage = pango_context_get_language(context) ?? pango_language_get_default()
        var items: [UnsafeMutablePointer<PangoItem>] = []
        var charOffset: Int32 = 0
        for (a, b) in zip(bounds, bounds.dropFirst()) where a < b {
            let run = runs.first { $0.range.contains(a) }
            let language = run?.language.map { pango_language_from_string($0) } ?? contextLanguage
            guard let face = face(font: font, fontKey: fontKey, bold: run?.bold == true, italic: run?.italic == true,
                                  language: language, script: script) else { break }
            // Every character that chooses a font must choose the same one.
            var chosen: UnsafeMutablePointer<PangoFont>?
            var count: Int32 = 0
            var k = a
            var plain = true
            while k < b {
                let (scalar, size) = Self.scalar(bytes, k, length) ?? (0, 1)
                count += 1
                k += size
                if scalar == 0x20 || scalar == 0xA0 || scalar == 0xAD { continue }  // choose no font
                guard let f = face.font(for: scalar), chosen == nil || chosen == f else { plain = false; break }
                chosen = f
            }
            if !plain { break }
            guard let itemFont = chosen ?? face.font(for: 0x20), let item = pango_item_new() else { break }
            item.pointee.offset = Int32(a)
            item.pointee.length = Int32(b - a)
            item.pointee.num_chars = count
            Self.setCharOffset(item, charOffset)
            charOffset += count
            item.pointee.analysis.font = UnsafeMutableRawPointer(itemFont).assumingMemoryBound(to: PangoFont.self)
            g_object_ref(UnsafeMutableRawPointer(itemFont))
            item.pointee.analysis.level = 0
            item.pointee.analysis.gravity = UInt8(PANGO_GRAVITY_SOUTH.rawValue)
            item.pointee.analysis.script = UInt8(script.rawValue)
            item.pointee.analysis.language = face.language
            items.append(item)
        }
        guard let last = items.last, Int(last.pointee.offset + last.pointee.length) == length else {
            for item in items { pango_item_free(item) }
            return nil
        }
        made += 1
        return items
    }

    /// Tests: whether `items` are what `pango_itemize` gives for the same paragraph.
    func verify(_ items: [UnsafeMutablePointer<PangoItem>], against pango: [UnsafeMutablePointer<PangoItem>]) {
        verified += 1
        var same = items.count == pango.count
        for (a, b) in zip(items, pango) where same {
            let x = a.pointee, y = b.pointee
            same = x.offset == y.offset && x.length == y.length && x.num_chars == y.num_chars
                && Self.charOffset(a) == Self.charOffset(b)
                && x.analysis.font == y.analysis.font && x.analysis.level == y.analysis.level
                && x.analysis.gravity == y.analysis.gravity && x.analysis.flags == y.analysis.flags
                && x.analysis.script == y.analysis.script && x.analysis.language == y.analysis.language
                && x.analysis.extra_attrs == nil && y.analysis.extra_attrs == nil
        }
        if !same { differing += 1 }
    }

    /// The face of a style and run: the fontset Pango's itemizer loads for it (the context's
    /// description with the style's and the run's over it, gravity south, the language the
    /// script derives), made once.
    private func face(font: FontDescription, fontKey: String, bold: Bool, italic: Bool, language: OpaquePointer?,
                      script: PangoScript) -> Face? {
        // The language Pango derives: the run's, unless it does not use the script.
        var derived = language
        if language == nil || pango_language_includes_script(language, script) == 0 {
            derived = pango_script_get_sample_language(script) ?? pango_language_from_string("xx")
        }
        let key = FaceKey(fontKey: fontKey, bold: bold, italic: italic, language: UInt(bitPattern: derived),
                          script: Int32(script.rawValue))
        if let known = faces[key] { return known }
        let desc = pango_font_description_copy(pango_context_get_font_description(context))!
        defer { pango_font_description_free(desc) }
        pango_font_description_merge(desc, font.pointer, 1)
        if bold { pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD) }
        if italic { pango_font_description_set_style(desc, PANGO_STYLE_ITALIC) }
        pango_font_description_set_gravity(desc, PANGO_GRAVITY_SOUTH)
        guard let map = pango_context_get_font_map(context),
              let fontset = pango_font_map_load_fontset(map, context, desc, derived) else { return nil }
        let face = Face(fontset: fontset, language: derived)
        faces[key] = face
        return face
    }

    /// The scalar at byte `i` and its length, or nil for bytes that are not UTF-8.
    @inline(__always)
    private static func scalar(_ b: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int)? {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        var v: UInt32
        let size: Int
        if c & 0xE0 == 0xC0 { v = UInt32(c & 0x1F); size = 2 }
        else if c & 0xF0 == 0xE0 { v = UInt32(c & 0x0F); size = 3 }
        else if c & 0xF8 == 0xF0 { v = UInt32(c & 0x07); size = 4 }
        else { return nil }
        guard i + size <= n else { return nil }
        for k in 1..<size {
            let next = b[i + k]
            guard next & 0xC0 == 0x80 else { return nil }
            v = v << 6 | UInt32(next & 0x3F)
        }
        return (v, size)
    }

    /// Pango 1.50 keeps an item's offset in characters in what is padding in the public
    /// struct (`PangoItemPrivate`, x86-64 layout: after `num_chars`); items made by
    /// `pango_item_new` carry the flag that says so, and `pango_itemize` sets the offset.
    private static let charOffsetByte: Int? = {
        #if arch(x86_64)
        return MemoryLayout<PangoItem>.offset(of: \PangoItem.analysis) == 16 ? 12 : nil
        #else
        return nil
        #endif
    }()

    private static func setCharOffset(_ item: UnsafeMutablePointer<PangoItem>, _ value: Int32) {
        guard let byte = charOffsetByte else { return }
        UnsafeMutableRawPointer(item).storeBytes(of: value, toByteOffset: byte, as: Int32.self)
    }

    private static func charOffset(_ item: UnsafeMutablePointer<PangoItem>) -> Int32? {
        guard let byte = charOffsetByte else { return nil }
        return UnsafeRawPointer(item).load(fromByteOffset: byte, as: Int32.self)
    }
}
