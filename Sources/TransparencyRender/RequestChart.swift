import TransparencyAnalysis
import TransparencyModel

/// An SVG chart of a company's requests over time: a bar per period, a hollow box from minimum to
/// maximum where only a range was published, a dashed outline up to the reported parts where some
/// parts were not reported (the total is at least that), a mark on the axis where nothing was
/// reported.
///
/// In HTML it is inline, with `role="img"`, a title and a description, inside a `<figure>` whose
/// caption points to the table holding the same figures. In Markdown it is an image of the same
/// SVG written beside the page (`file`).
public struct RequestChart: Block {
    public var title: String
    public var totals: [RequestAnalysis.PeriodTotal]
    /// The SVG file's path relative to the Markdown report.
    public var markdownPath: String
    /// The caption: where the same figures are in text.
    public var caption: String
    /// The SVG file's name in the company's folder of the site.
    public var fileName: String { String(markdownPath.split(separator: "/").last ?? "requests.svg") }
    /// The id of the SVG's title and description, unique on the page.
    public var id: String

    public init(title: String, totals: [RequestAnalysis.PeriodTotal], markdownPath: String, caption: String, id: String = "requests-chart") {
        self.title = title
        self.totals = totals
        self.markdownPath = markdownPath
        self.caption = caption
        self.id = id
    }

    static let width = 720.0, height = 280.0
    static let left = 72.0, right = 12.0, top = 16.0, bottom = 36.0

    public func markdown() -> String {
        "![\(MarkdownEscaper.escape(title))](\(MarkdownEscaper.linkDestination(markdownPath)))\n\n*\(MarkdownEscaper.escape(caption))*"
    }

    public func html() -> String {
        "<figure class=\"chart\">\n\(svg(standalone: false))\n<figcaption>\(HTMLEscaper.escape(caption))</figcaption>\n</figure>"
    }

    /// The chart as SVG; a standalone file carries its namespace and its own colours.
    public func svg(standalone: Bool) -> String {
        let maximum = Double(totals.compactMap { $0.requests.reported?.maximum }.max() ?? 0)
        let scale = Self.axis(for: maximum)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func y(_ value: Int) -> Double { Self.top + plotHeight - Double(value) / scale.top * plotHeight }
        let slot = plotWidth / Double(max(totals.count, 1))
        let barWidth = max(2, slot * 0.7)
        var svg = standalone
            ? "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
            : "<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">\(HTMLEscaper.escape(title))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(HTMLEscaper.escape(description))</desc>\n"
        svg += "<style>text{font:11px sans-serif;fill:#333}.axis{stroke:#888}.bar{fill:#0b5cad}.range{fill:none;stroke:#b3541e;stroke-width:2}.gap{stroke:#888;stroke-width:2}"
        svg += ".atleast{fill:none;stroke:#0b5cad;stroke-width:2;stroke-dasharray:4 3}"
        svg += "@media (prefers-color-scheme:dark){text{fill:#ddd}.bar{fill:#8cc4ff}.range{stroke:#f0a070}.atleast{stroke:#8cc4ff}}</style>\n"
        for tick in stride(from: 0, through: scale.top, by: scale.step) {
            let position = Self.format(y(Int(tick)))
            svg += "<line class=\"axis\" x1=\"\(Self.format(Self.left))\" x2=\"\(Self.format(Self.width - Self.right))\" y1=\"\(position)\" y2=\"\(position)\" stroke-opacity=\"0.3\"/>"
            svg += "<text x=\"\(Self.format(Self.left - 6))\" y=\"\(Self.format(y(Int(tick)) + 4))\" text-anchor=\"end\">\(Count.grouped(Int(tick)))</text>\n"
        }
        let labelEvery = max(1, Int((Double(totals.count) / 7).rounded(.up)))
        for (index, total) in totals.enumerated() {
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            let label = HTMLEscaper.escape("\(total.period.label): \(total.requests.label)")
            switch total.requests.reported ?? .notReported {
            case let reported where total.requests.unreported > 0 && total.requests.reported != nil:
                // A lower bound: an open bar up to the least the reported parts add up to.
                let least = reported.minimum ?? 0
                svg += "<rect class=\"atleast\" x=\"\(Self.format(x))\" y=\"\(Self.format(y(least)))\" width=\"\(Self.format(barWidth))\" height=\"\(Self.format(max(1, y(0) - y(least))))\"><title>\(label)</title></rect>\n"
            case .exact(let value):
                svg += "<rect class=\"bar\" x=\"\(Self.format(x))\" y=\"\(Self.format(y(value)))\" width=\"\(Self.format(barWidth))\" height=\"\(Self.format(y(0) - y(value)))\"><title>\(label)</title></rect>\n"
            case .range(let low, let high):
                svg += "<rect class=\"range\" x=\"\(Self.format(x))\" y=\"\(Self.format(y(high)))\" width=\"\(Self.format(barWidth))\" height=\"\(Self.format(max(1, y(low) - y(high))))\"><title>\(label)</title></rect>\n"
            case .notReported:
                svg += "<line class=\"gap\" x1=\"\(Self.format(x))\" x2=\"\(Self.format(x + barWidth))\" y1=\"\(Self.format(y(0) - 3))\" y2=\"\(Self.format(y(0) - 3))\"><title>\(label)</title></line>\n"
            }
            if index % labelEvery == 0 || index == totals.count - 1 {
                svg += "<text x=\"\(Self.format(x + barWidth / 2))\" y=\"\(Self.format(Self.height - Self.bottom + 16))\" text-anchor=\"middle\">\(HTMLEscaper.escape(Self.shortLabel(total.period)))</text>\n"
            }
        }
        svg += "<line class=\"axis\" x1=\"\(Self.format(Self.left))\" x2=\"\(Self.format(Self.width - Self.right))\" y1=\"\(Self.format(y(0)))\" y2=\"\(Self.format(y(0)))\"/>\n"
        return svg + "</svg>"
    }

    /// What the chart shows, in words: the text alternative.
    var description: String {
        guard let first = totals.first, let last = totals.last else { return "No figures." }
        let ranges = totals.filter { total in
            if case .range? = total.requests.reported, total.requests.unreported == 0 { true } else { false }
        }.count
        var text = "\(totals.count) periods from \(first.period.label) to \(last.period.label): "
        text += "\(first.requests.label) requests in the first, \(last.requests.label) in the last"
        if let peak = totals.max(by: { ($0.requests.reported?.maximum ?? 0) < ($1.requests.reported?.maximum ?? 0) }) {
            text += "; the most in \(peak.period.label) (\(peak.requests.label))"
        }
        text += ranges == 0 ? "." : ". \(ranges) period\(ranges == 1 ? " was" : "s were") published only as ranges, drawn as boxes from minimum to maximum."
        let lowerBounds = totals.filter { $0.requests.unreported > 0 && $0.requests.reported != nil }.count
        if lowerBounds > 0 {
            text += " \(lowerBounds) period\(lowerBounds == 1 ? " has" : "s have") parts not reported: drawn as dashed outlines, the total is at least the reported parts."
        }
        return text
    }

    /// A round top for the axis and the step between ticks (1, 2 or 5 times a power of ten).
    static func axis(for maximum: Double) -> (top: Double, step: Double) {
        guard maximum > 0 else { return (1, 1) }
        let rough = maximum / 4
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        return ((maximum / step).rounded(.up) * step, step)
    }

    static func shortLabel(_ period: Period) -> String {
        switch period {
        case .halfYear(let year, let half): "\(year) H\(half)"
        case .year(let year): String(year)
        case .range(_, let to): to.shortMonth
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
