/// Page size, margins and columns in points, derived from a layout's millimetres.
struct PageGeometry: Sendable, Equatable {
    var width: Double
    var height: Double
    var top: Double
    var right: Double
    var bottom: Double
    var left: Double
    var gutter: Double

    static let pointsPerMM = 72.0 / 25.4

    var frameHeight: Double { height - top - bottom }
    var contentWidth: Double { width - left - right }

    func columnWidth(columns: Int) -> Double {
        let n = Double(max(1, columns))
        return (contentWidth - gutter * (n - 1)) / n
    }

    func columnX(_ index: Int, columns: Int) -> Double {
        left + Double(index) * (columnWidth(columns: columns) + gutter)
    }
}
