import Foundation
import OmsorgDetection

/// A model document's chart as inline SVG: no script and no style attribute, so it passes the
/// pages' Content-Security-Policy and opens from disk alike; named and described for screen readers,
/// whose users have the same figures in the table beside it.
struct ModelChartView {
    let chart: ModelChart

    /// The plot area inside a 320 × 300 view box, leaving room for the axes' labels.
    private static let left = 48.0, right = 308.0, top = 12.0, bottom = 252.0

    var fragment: Markup.Fragment {
        let id = switch chart { case .roc: "chart-roc"; case .calibration: "chart-calibration" }
        let (title, xLabel, yLabel) = chart.labels
        return Markup.element("figure", [("class", "chart")]) {
            Markup.element("svg", [("viewBox", "0 0 320 300"), ("width", "320"), ("height", "300"), ("role", "img"),
                                   ("aria-labelledby", "\(id)-title \(id)-desc"), ("xmlns", "http://www.w3.org/2000/svg")]) {
                Markup.element("title", [("id", "\(id)-title")]) { Markup.text(title) }
                Markup.element("desc", [("id", "\(id)-desc")]) { Markup.text(chart.caption) }
                axes(xLabel: xLabel, yLabel: yLabel, scale: scale)
                line(from: (0, 0), to: (scale, scale), scale: scale, attributes: [("stroke", "#6f777b"), ("stroke-dasharray", "4 4")])
                series(scale: scale)
            }
            Markup.element("figcaption") { Markup.text(chart.caption) }
        }
    }

    private var scale: Double {
        switch chart {
        case .roc:
            return 1
        case .calibration(let bins):
            // Rates of a few per cent would crowd one corner of a 0–1 square: the axes end at the
            // largest value, rounded up to a twentieth.
            let largest = bins.map { max($0.meanPredicted, $0.observedRate) }.max() ?? 1
            return min(1, max(0.05, (largest * 20).rounded(.up) / 20))
        }
    }

    private func series(scale: Double) -> Markup.Fragment {
        switch chart {
        case .roc(let curve, _):
            let points = curve.points.map { (x: $0.falsePositiveRate, y: $0.truePositiveRate) }
            return polyline(points, scale: scale)
        case .calibration(let bins):
            let points = bins.map { (x: $0.meanPredicted, y: $0.observedRate) }
            return Markup.group {
                polyline(points, scale: scale)
                for point in points {
                    Markup.element("circle", [("cx", Self.number(x(point.x, scale))), ("cy", Self.number(y(point.y, scale))), ("r", "3.5"), ("fill", "#1d70b8")]) {}
                }
            }
        }
    }

    private func polyline(_ points: [(x: Double, y: Double)], scale: Double) -> Markup.Fragment {
        let list = points.map { "\(Self.number(x($0.x, scale))),\(Self.number(y($0.y, scale)))" }.joined(separator: " ")
        return Markup.element("polyline", [("points", list), ("fill", "none"), ("stroke", "#1d70b8"), ("stroke-width", "2")]) {}
    }

    private func axes(xLabel: String, yLabel: String, scale: Double) -> Markup.Fragment {
        let ticks = (0...4).map { Double($0) * scale / 4 }
        return Markup.group {
            line(from: (0, 0), to: (scale, 0), scale: scale, attributes: [("stroke", "#0b0c0c")])
            line(from: (0, 0), to: (0, scale), scale: scale, attributes: [("stroke", "#0b0c0c")])
            for tick in ticks {
                Self.label(PlainNumber.fixed(tick, digits: 2), at: (x(tick, scale), Self.bottom + 16), anchor: "middle")
                Self.label(PlainNumber.fixed(tick, digits: 2), at: (Self.left - 6, y(tick, scale) + 4), anchor: "end")
            }
            Self.label(xLabel, at: ((Self.left + Self.right) / 2, Self.bottom + 38), anchor: "middle")
            Markup.element("text", [("x", "12"), ("y", Self.number((Self.top + Self.bottom) / 2)), ("text-anchor", "middle"), ("font-size", "12"),
                                    ("fill", "#0b0c0c"), ("transform", "rotate(-90 12 \(Self.number((Self.top + Self.bottom) / 2)))")]) { Markup.text(yLabel) }
        }
    }

    private func line(from start: (Double, Double), to end: (Double, Double), scale: Double, attributes: [(String, String?)]) -> Markup.Fragment {
        Markup.element("line", [("x1", Self.number(x(start.0, scale))), ("y1", Self.number(y(start.1, scale))),
                                ("x2", Self.number(x(end.0, scale))), ("y2", Self.number(y(end.1, scale)))] + attributes) {}
    }

    private static func label(_ text: String, at point: (Double, Double), anchor: String) -> Markup.Fragment {
        Markup.element("text", [("x", number(point.0)), ("y", number(point.1)), ("text-anchor", anchor), ("font-size", "11"), ("fill", "#0b0c0c")]) {
            Markup.text(text)
        }
    }

    private func x(_ value: Double, _ scale: Double) -> Double { Self.left + value / scale * (Self.right - Self.left) }
    private func y(_ value: Double, _ scale: Double) -> Double { Self.bottom - value / scale * (Self.bottom - Self.top) }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
