import DespatchDocument
/// Paints one page at a time onto a cairo context, and knows where every anchor landed
/// so that contents entries and "page X of Y" carry real numbers.
final class PagePainter {
    let cairo: CairoContext
    let surface: CairoSurface
    let anchorPages: [String: Int]
    let pageCount: Int
    /// For blocks that shape their text again to paint it (see `RenderContext.layoutBudgetBytes`).
    let context: RenderContext
    var pageNumber = 0
    private var currentSectionOutline: Int32 = CairoSurface.outlineRoot

    init(cairo: CairoContext, surface: CairoSurface, anchorPages: [String: Int], pageCount: Int, context: RenderContext) {
        self.context = context
        self.cairo = cairo
        self.surface = surface
        self.anchorPages = anchorPages
        self.pageCount = pageCount
    }

    /// Marks a named destination at (x, y) and adds its outline entry.
    func mark(_ anchor: Anchor, x: Double, y: Double) {
        cairo.destination(anchor.name, x: x, y: y)
        guard anchor.inOutline else { return }
        if anchor.level == 0 {
            currentSectionOutline = surface.addOutline(parent: CairoSurface.outlineRoot, title: anchor.title, destination: anchor.name)
        } else {
            surface.addOutline(parent: currentSectionOutline, title: anchor.title, destination: anchor.name)
        }
    }
}
