import CFontconfig
import Foundation

/// A private fontconfig configuration holding only the fonts of one folder (Fonts/).
///
/// System fonts stay invisible, so a PDF looks the same on every machine. A small
/// fonts.conf with a `<cachedir>` is loaded instead of a bare config, which would print
/// "No writable cache directories".
public final class FontLibrary {
    let config: OpaquePointer
    /// Union of the character sets of all loaded fonts, to name missing code points.
    private let coverage: OpaquePointer
    public let directory: String
    public let families: [String]

    public init(directory: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw RenderError.fonts("font folder \(directory) does not exist")
        }
        guard let cfg = FcConfigCreate() else { throw RenderError.fonts("FcConfigCreate failed") }
        let cacheDir = FontLibrary.cacheDirectory()
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <dir>\(FontLibrary.escapeXML(URL(fileURLWithPath: directory).standardizedFileURL.path))</dir>
          <cachedir>\(FontLibrary.escapeXML(cacheDir))</cachedir>
        </fontconfig>
        """
        let parsed = xml.withCString { ptr in
            ptr.withMemoryRebound(to: FcChar8.self, capacity: xml.utf8.count + 1) {
                FcConfigParseAndLoadFromMemory(cfg, $0, FcTrue)
            }
        }
        guard parsed == FcTrue, FcConfigBuildFonts(cfg) == FcTrue else {
            FcConfigDestroy(cfg)
            throw RenderError.fonts("cannot load the fonts of \(directory)")
        }
        Self.makeCurrentOnce(cfg)
        var names = Set<String>()
        let charset = FcCharSetCreate()!
        if let set = FcConfigGetFonts(cfg, FcSetSystem) {
            let count = Int(set.pointee.nfont)
            for i in 0..<count {
                guard let pattern = set.pointee.fonts[i] else { continue }
                var family: UnsafeMutablePointer<FcChar8>?
                if FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch, let family {
                    names.insert(String(cString: family))
                }
                var cs: OpaquePointer?
                if FcPatternGetCharSet(pattern, FC_CHARSET, 0, &cs) == FcResultMatch, let cs {
                    FcCharSetMerge(charset, cs, nil)
                }
            }
        }
        guard !names.isEmpty else {
            FcCharSetDestroy(charset)
            FcConfigDestroy(cfg)
            throw RenderError.fonts("no font files found in \(directory)")
        }
        self.config = cfg
        self.coverage = charset
        self.directory = directory
        self.families = names.sorted()
    }

    deinit {
        FcCharSetDestroy(coverage)
        FcConfigDestroy(config)
    }

    /// Makes the first library's configuration fontconfig's current one, once a process.
    ///
    /// Why: Pango 1.50 starts a thread with every process's first font map that calls
    /// `FcInit`, which loads the system's default configuration and font caches (24 M
    /// instructions, on a third thread while both cores set up and analyse), and the font map
    /// waits for that thread before it reads its own configuration. With a current
    /// configuration already set, `FcInit` returns at once. Fontconfig keeps a reference to
    /// it; the system's fonts stay out of every configuration Despatch uses either way.
    private static func makeCurrentOnce(_ config: OpaquePointer) {
        currentLock.lock()
        defer { currentLock.unlock() }
        guard !madeCurrent else { return }
        madeCurrent = FcConfigSetCurrent(config) == FcTrue
    }
    private static let currentLock = NSLock()
    nonisolated(unsafe) private static var madeCurrent = false

    /// True when some font of the library has a glyph for `scalar`.
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        FcCharSetHasChar(coverage, FcChar32(scalar.value)) == FcTrue
    }

    static func cacheDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? env["HOME"].map { $0 + "/.cache" } ?? NSTemporaryDirectory()
        return base + "/despatch-fontconfig"
    }

    static func escapeXML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
