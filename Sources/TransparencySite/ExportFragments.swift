import TransparencyLoader

/// Formats figures as export rows, one company's at a time. Everything in a row but its numbers
/// repeats from figure to figure (the period, the jurisdiction, and the line: process, words,
/// subject, measure, regime, sources), so those parts are formatted once into one block of
/// bytes and copied from it by range: a row costs no reference counting.
struct ExportFragments: ~Copyable {
    /// The parts of a row that depend on its line.
    private struct Line: Hashable {
        var process: LegalProcess
        var publishedAs: String?
        var subject: RequestSubject
        var measure: Measure
        var regime: BandRegime?
        var sources: [SourceID]
    }

    /// Where a line's parts are in `fragments`.
    private struct LineBytes {
        /// `process,published_as,subject,measure,` and `,regime,sources\n`.
        var csvMiddle: Range<Int>, csvEnd: Range<Int>
        /// `,"measure":"…","minimum":` and `,"process":…,"value":"`.
        var jsonMeasure: Range<Int>, jsonTail: Range<Int>
    }

    /// Every part formatted so far.
    private var fragments = ByteWriter(capacity: 4096)
    private var company: CompanyID?
    private var companyCSV: Range<Int> = 0..<0
    private var period: Period?
    private var periodCSV: Range<Int> = 0..<0, periodJSON: Range<Int> = 0..<0
    private var jurisdiction: Jurisdiction?
    private var jurisdictionCSV: Range<Int> = 0..<0, jurisdictionJSON: Range<Int> = 0..<0
    /// The parts of each jurisdiction formatted so far.
    private var jurisdictionBytes: [Jurisdiction: (csv: Range<Int>, json: Range<Int>)] = [:]
    /// A file cycles through a few lines (its processes, say): those are found by comparing.
    private var recentLines: [Line] = []
    private var recentBytes: [LineBytes] = []
    private var lines: [Line: LineBytes] = [:]
    /// The periods formatted so far, for the JSON file's table.
    private(set) var periodsSeen: Set<Period> = []
    /// The jurisdictions formatted so far, for the JSON file's table.
    private(set) var jurisdictionsSeen: [Jurisdiction] = []

    init() {}

    /// One figure's CSV row and JSON object together: the line, period and jurisdiction are
    /// looked up once for both. Figures are passed by their address: a figure passed by value
    /// (even borrowed, out of a buffer) was copied, every reference in it retained and released.
    mutating func rows(_ figure: UnsafePointer<RequestFigure>, csv: inout ByteWriter, json: inout ByteWriter) {
        let line = lineIndex(figure)
        see(figure.pointee.company)
        see(figure.pointee.period)
        see(figure.pointee.jurisdiction)
        guard case .count(.exact(let number)) = figure.pointee.value else {
            csvRow(figure, line: recentBytes[line], into: &csv)
            jsonObject(figure, line: recentBytes[line], into: &json)
            return
        }
        // An exact count is its value, minimum and maximum in both files: formatted once, copied
        // five times. This is `csvRow` and `jsonObject` for the common case, kept apart because
        // it is most rows.
        let bytes = recentBytes[line]
        csv.append(companyCSV, of: fragments)
        csv.append(periodCSV, of: fragments)
        csv.append(jurisdictionCSV, of: fragments)
        csv.append(bytes.csvMiddle, of: fragments)
        let start = csv.count
        csv.decimal(number)
        let digits = start..<csv.count
        csv.comma(); csv.appendCopy(of: digits); csv.comma(); csv.appendCopy(of: digits); csv.comma()
        csv.append(bytes.csvEnd, of: fragments)
        json.append(jurisdictionJSON, of: fragments)
        json.append(",\"maximum\":" as StaticString)
        json.append(digits, of: csv)
        json.append(bytes.jsonMeasure, of: fragments)
        json.append(digits, of: csv)
        json.append(",\"percentage\":null" as StaticString)
        json.append(periodJSON, of: fragments)
        json.append(bytes.jsonTail, of: fragments)
        json.append(digits, of: csv)
        json.append("\"}" as StaticString)
    }

    /// One CSV row, in `RequestExports.csvColumns` order, with its line break.
    private func csvRow(_ figure: UnsafePointer<RequestFigure>, line: LineBytes, into out: inout ByteWriter) {
        out.append(companyCSV, of: fragments)
        out.append(periodCSV, of: fragments)
        out.append(jurisdictionCSV, of: fragments)
        out.append(line.csvMiddle, of: fragments)
        value(figure.pointee.value, into: &out); out.comma()
        let (minimum, maximum, percentage) = Self.bounds(figure.pointee.value)
        if let minimum { out.decimal(minimum) }
        out.comma()
        if let maximum { out.decimal(maximum) }
        out.comma()
        if let percentage { out.append(FigureValue.number(percentage)) }
        out.append(line.csvEnd, of: fragments)
    }

    /// One JSON object with its keys in sorted order; empty fields are `null`. The company, the
    /// period's first and last days and the jurisdiction's name are given once per file.
    private func jsonObject(_ figure: UnsafePointer<RequestFigure>, line: LineBytes, into out: inout ByteWriter) {
        let (minimum, maximum, percentage) = Self.bounds(figure.pointee.value)
        out.append(jurisdictionJSON, of: fragments)
        out.append(",\"maximum\":" as StaticString)
        if let maximum { out.decimal(maximum) } else { out.append("null" as StaticString) }
        out.append(line.jsonMeasure, of: fragments)
        if let minimum { out.decimal(minimum) } else { out.append("null" as StaticString) }
        out.append(",\"percentage\":" as StaticString)
        if let percentage { out.append(FigureValue.number(percentage)) } else { out.append("null" as StaticString) }
        out.append(periodJSON, of: fragments)
        out.append(line.jsonTail, of: fragments)
        value(figure.pointee.value, into: &out)
        out.append("\"}" as StaticString)
    }

    /// The dataset form of a value: `7458`, `0-499`, `84%`, `-`.
    private func value(_ value: FigureValue, into out: inout ByteWriter) {
        switch value {
        case .count(.exact(let count)): out.decimal(count)
        case .count(.range(let minimum, let maximum)):
            out.decimal(minimum); out.append(UInt8(ascii: "-")); out.decimal(maximum)
        default: out.append(value.description)
        }
    }

    /// Formats `write`'s bytes at the end of `fragments` and returns where they are.
    private mutating func fragment(_ write: (inout ByteWriter) -> Void) -> Range<Int> {
        let start = fragments.count
        write(&fragments)
        return start..<fragments.count
    }

    private mutating func see(_ value: CompanyID) {
        guard value != company else { return }
        company = value
        companyCSV = fragment { $0.append(value.rawValue); $0.comma() }
    }

    private mutating func see(_ value: Period) {
        guard value != period else { return }
        period = value
        periodCSV = fragment { $0.append("\(value.description),\(value.start.description),\(value.end.description),") }
        periodJSON = fragment { $0.append(",\"period\":"); $0.jsonString(value.description) }
        periodsSeen.insert(value)
    }

    private mutating func see(_ value: Jurisdiction) {
        guard value != jurisdiction else { return }
        if let known = jurisdictionBytes[value] {
            (jurisdictionCSV, jurisdictionJSON) = known
        } else {
            jurisdictionCSV = fragment {
                $0.append(value.code); $0.comma(); $0.csvField(RequestExports.text(value.name)); $0.comma()
            }
            jurisdictionJSON = fragment { $0.append("{\"jurisdiction\":"); $0.jsonString(value.code) }
            jurisdictionBytes[value] = (jurisdictionCSV, jurisdictionJSON)
            jurisdictionsSeen.append(value)
        }
        jurisdiction = value
    }

    /// The index in `recentBytes` of the figure's line.
    private mutating func lineIndex(_ figure: UnsafePointer<RequestFigure>) -> Int {
        let found = recentLines.withUnsafeBufferPointer { recent -> Int? in
            for index in recent.indices {
                if recent[index].process == figure.pointee.process, recent[index].measure == figure.pointee.measure,
                   recent[index].subject == figure.pointee.subject, recent[index].regime == figure.pointee.regime,
                   recent[index].publishedAs == figure.pointee.publishedAs, recent[index].sources == figure.pointee.sources {
                    return index
                }
            }
            return nil
        }
        if let found { return found }
        let key = Line(
            process: figure.pointee.process, publishedAs: figure.pointee.publishedAs, subject: figure.pointee.subject, measure: figure.pointee.measure,
            regime: figure.pointee.regime, sources: figure.pointee.sources)
        let bytes = lines[key] ?? format(key)
        lines[key] = bytes
        if recentLines.count < 16 {
            recentLines.append(key)
            recentBytes.append(bytes)
            return recentLines.count - 1
        }
        let slot = lines.count % 16
        recentLines[slot] = key
        recentBytes[slot] = bytes
        return slot
    }

    private mutating func format(_ line: Line) -> LineBytes {
        let csvMiddle = fragment { out in
            out.append(line.process.rawValue); out.comma()
            if let words = line.publishedAs { out.csvField(RequestExports.text(words)) }
            out.comma()
            out.append(line.subject.rawValue); out.comma()
            out.append(line.measure.rawValue); out.comma()
        }
        let csvEnd = fragment { out in
            out.comma()
            if let regime = line.regime { out.append(regime.rawValue) }
            out.comma()
            out.append(line.sources.map(\.rawValue).joined(separator: ";"))
            out.append("\n")
        }
        let jsonMeasure = fragment { out in
            out.append(",\"measure\":"); out.jsonString(line.measure.rawValue); out.append(",\"minimum\":")
        }
        let jsonTail = fragment { json in
            json.append(",\"process\":"); json.jsonString(line.process.rawValue)
            json.append(",\"published_as\":")
            if let words = line.publishedAs { json.jsonString(RequestExports.safe(words)) } else { json.append("null") }
            json.append(",\"regime\":")
            if let regime = line.regime { json.jsonString(regime.rawValue) } else { json.append("null") }
            json.append(",\"sources\":[")
            for (position, source) in line.sources.enumerated() {
                if position > 0 { json.comma() }
                json.jsonString(source.rawValue)
            }
            json.append("],\"subject\":"); json.jsonString(line.subject.rawValue)
            json.append(",\"value\":\"")
        }
        return LineBytes(csvMiddle: csvMiddle, csvEnd: csvEnd, jsonMeasure: jsonMeasure, jsonTail: jsonTail)
    }

    static func bounds(_ value: FigureValue) -> (Int?, Int?, Double?) {
        switch value {
        case .count(let count): (count.minimum, count.maximum, nil)
        case .percentage(let percentage): (nil, nil, percentage)
        }
    }
}
