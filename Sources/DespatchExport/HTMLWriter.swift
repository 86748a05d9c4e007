import Foundation
import DespatchDocument
import DespatchLayout

/// Writes the document tree as one self-contained HTML page (inline CSS, no scripts):
/// the e-mail edition of a brief, and the input WeasyPrint gets in the peer comparison.
public struct HTMLWriter {
    public let layout: LayoutDescription

    public init(layout: LayoutDescription) { self.layout = layout }

    public func write(_ tree: DocumentTree) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="\(escape(layout.language.code))">
        <head>
        <meta charset="utf-8">
        <title>\(escape(tree.title))</title>
        <style>
        \(css())
        </style>
        </head>
        <body>

        """
        var index = 0
        let nodes = tree.nodes
        while index < nodes.count {
            switch nodes[index] {
            case .listItem:
                out += "<ul>\n"
                while index < nodes.count, case .listItem(let marker, let spans) = nodes[index] {
                    out += "<li data-marker=\"\(escape(marker))\">\(inline(spans))</li>\n"
                    index += 1
                }
                out += "</ul>\n"
                continue
            case .contentsEntry:
                out += "<nav class=\"contents\"><ol>\n"
                while index < nodes.count, case .contentsEntry(let title, let destination, let level) = nodes[index] {
                    out += "<li class=\"level-\(level)\"><a href=\"#\(escape(destination))\">\(escape(title))</a></li>\n"
                    index += 1
                }
                out += "</ol></nav>\n"
                continue
            default:
                out += node(nodes[index])
            }
            index += 1
        }
        out += "</body>\n</html>\n"
        return out
    }

    func node(_ node: DocumentNode) -> String {
        switch node {
        case .heading(let level, let text, let anchor):
            let tag: String
            switch level {
            case .title: tag = "h1"
            case .section: tag = "h2"
            case .article: tag = "h3"
            case .subsection: tag = "h4"
            }
            let id = anchor.map { " id=\"\(escape($0.name))\"" } ?? ""
            return "<\(tag)\(id)>\(escape(text))</\(tag)>\n"
        case .paragraph(let spans, let role, _):
            // Article text in its own language: browsers break and hyphenate it by that language.
            let lang = spans.first?.language.map { " lang=\"\(escape($0))\"" } ?? ""
            return "<p class=\"\(roleClass(role))\"\(lang)>\(inline(spans))</p>\n"
        case .listItem(_, let spans):
            return "<ul><li>\(inline(spans))</li></ul>\n"
        case .table(let columns, let rows):
            var s = "<table>\n<thead><tr>"
            for c in columns { s += "<th>\(escape(c.title))</th>" }
            s += "</tr></thead>\n<tbody>\n"
            for row in rows {
                s += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n"
            }
            return s + "</tbody>\n</table>\n"
        case .barChart(let series, let categories):
            let total = max(series.map { $0.values.reduce(0, +) }.max() ?? 1, 0.0001)
            var s = "<div class=\"chart\">\n"
            for item in series {
                s += "<div class=\"bar\"><span class=\"label\">\(escape(item.label))</span><span class=\"track\">"
                for (i, v) in item.values.enumerated() where v > 0 {
                    let percent = String(format: "%.1f", 100 * v / total)
                    s += "<span class=\"seg c\(i % 8)\" style=\"width:\(percent)%\" title=\"\(escape(categories[safe: i] ?? ""))\"></span>"
                }
                s += "</span></div>\n"
            }
            return s + "</div>\n"
        case .timeline(let events):
            return "<ol class=\"timeline\">\n" + events.map {
                "<li><time datetime=\"\($0.day.iso)\">\(escape($0.dateText))</time> \(escape($0.label))</li>\n"
            }.joined() + "</ol>\n"
        case .contentsEntry(let title, let destination, _):
            return "<p><a href=\"#\(escape(destination))\">\(escape(title))</a></p>\n"
        case .rule:
            return "<hr>\n"
        case .image(let path, let maxWidth):
            return "<img src=\"file://\(escape(path))\" style=\"max-width:\(Int(maxWidth))pt\" alt=\"\">\n"
        case .spacer, .pageBreak:
            return ""
        }
    }

    func inline(_ spans: [Span]) -> String {
        spans.map { span in
            var s = escape(span.text).replacingOccurrences(of: "\n", with: "<br>").replacingOccurrences(of: DocumentNode.lineBreak, with: "<br>")
            if span.bold { s = "<strong>\(s)</strong>" }
            if span.italic { s = "<em>\(s)</em>" }
            if span.tone != .normal { s = "<span class=\"\(span.tone)\">\(s)</span>" }
            if let link = span.link { s = "<a href=\"\(escape(link))\">\(s)</a>" }
            else if let destination = span.destination { s = "<a href=\"#\(escape(destination))\">\(s)</a>" }
            return s
        }.joined()
    }

    func roleClass(_ role: TextRole) -> String {
        switch role {
        case .body: return "body"
        case .dateline: return "dateline"
        case .small: return "small"
        case .coverSubtitle: return "subtitle"
        case .coverMeta: return "meta"
        }
    }

    func css() -> String {
        func hex(_ c: RGBColor) -> String {
            String(format: "#%02x%02x%02x", Int(c.red * 255), Int(c.green * 255), Int(c.blue * 255))
        }
        let f = layout.fonts, c = layout.colors
        return """
        @page { size: \(layout.page.widthMM)mm \(layout.page.heightMM)mm; margin: \(layout.page.margins.top)mm \(layout.page.margins.right)mm \(layout.page.margins.bottom)mm \(layout.page.margins.left)mm; }
        body { font-family: "\(f.body)", serif; font-size: \(f.size)pt; line-height: \(f.lineHeight); color: \(hex(c.text)); max-width: 48em; margin: 0 auto; }
        h1, h2, h3, h4 { font-family: "\(f.heading)", sans-serif; }
        h1 { color: \(hex(c.accent)); font-size: \(f.headingSizes.first ?? 18)pt; }
        h2 { color: \(hex(c.accent)); page-break-before: auto; }
        h4 { color: \(hex(c.accent)); margin-bottom: 0.2em; }
        p.body { text-align: \(layout.paragraph.align == .justify ? "justify" : "left"); hyphens: auto; margin: 0 0 0.4em; }
        p.dateline, p.small, p.meta { font-family: "\(f.heading)", sans-serif; color: \(hex(c.muted)); font-size: \(f.smallSize)pt; }
        table { border-collapse: collapse; width: 100%; font-size: \(f.smallSize + 0.5)pt; }
        th { background: \(hex(c.tableHeader)); text-align: left; }
        th, td { padding: 3pt; vertical-align: top; border-bottom: 0.4pt solid \(hex(c.rule)); }
        tbody tr:nth-child(even) { background: \(hex(c.tableStripe)); }
        .muted { color: \(hex(c.muted)); } .accent { color: \(hex(c.accent)); } .critical { color: \(hex(c.critical)); }
        .positive { color: \(hex(c.positive)); } .neutral { color: \(hex(c.neutral)); }
        .chart .bar { display: flex; align-items: center; margin: 2pt 0; }
        .chart .label { width: 34%; text-align: right; padding-right: 8pt; font-size: \(f.smallSize)pt; }
        .chart .track { flex: 1; display: flex; height: 9pt; }
        .seg.c0 { background: \(hex(c.accent)); } .seg.c1 { background: #2961a0; } .seg.c2 { background: #d98c26; } .seg.c3 { background: #4d8c4d; }
        .seg.c4 { background: #805999; } .seg.c5 { background: #737373; } .seg.c6 { background: #b34d73; } .seg.c7 { background: #339999; }
        nav.contents ol { list-style: none; padding: 0; } nav.contents .level-1 { padding-left: 1.5em; }
        """
    }

    func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
