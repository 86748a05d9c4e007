import CPangoCairo

/// Pango's break analysis of a paragraph's text (`pango_get_log_attrs`): where lines may
/// break, where a soft hyphen adds a hyphen. It depends only on the bytes and the language,
/// not on fonts or on any Pango object, so it can be made on another thread than the one
/// that shapes (see `BreakLookahead`).
struct BreakAnalysis: @unchecked Sendable {
    /// The PangoLanguage the analysis was made for (its address: languages are interned for
    /// the life of the process), which must be the one the itemizer gives the paragraph.
    var language: UInt
    /// One attribute per character and one past the end.
    var attributes: [PangoLogAttr]

    /// The analysis of `text` in `language`.
    init(_ text: String, language: OpaquePointer) {
        var text = text
        let attributes = text.withUTF8 { bytes -> [PangoLogAttr] in
            var characters = 0
            for b in bytes where b & 0xC0 != 0x80 { characters += 1 }
            var attrs = [PangoLogAttr](repeating: PangoLogAttr(), count: characters + 1)
            bytes.withMemoryRebound(to: CChar.self) { chars in
                pango_get_log_attrs(chars.baseAddress, Int32(chars.count), -1, language, &attrs, Int32(characters + 1))
            }
            return attrs
        }
        self.language = UInt(bitPattern: language)
        self.attributes = attributes
    }
}
