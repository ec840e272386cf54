import TransparencyLoader

/// Formats figures as export rows, one company's at a time. Everything in a row but its numbers
/// repeats from figure to figure (the period, the jurisdiction, and the line: process, words,
/// subject, measure, regime, sources), so those parts are formatted once and copied as bytes.
struct ExportFragments {
    /// The parts of a row that depend on its line.
    private struct Line: Hashable {
        var process: LegalProcess
        var publishedAs: String?
        var subject: RequestSubject
        var measure: Measure
        var regime: BandRegime?
        var sources: [SourceID]
    }

    private struct LineBytes {
        /// `process,published_as,subject,measure,` and `,regime,sources\n`.
        var csvMiddle: [UInt8], csvEnd: [UInt8]
        /// `,"measure":"…","minimum":` and `,"process":…,"value":"`.
        var jsonMeasure: [UInt8], jsonTail: [UInt8]
    }

    // The last period, jurisdiction and company formatted, and their bytes (kept apart, not in
    // tuples: copying tuples of arrays goes through the runtime's generic value witnesses).
    private var company: CompanyID?
    private var companyCSV: [UInt8] = []
    private var period: Period?
    private var periodCSV: [UInt8] = [], periodJSON: [UInt8] = []
    private var jurisdiction: Jurisdiction?
    private var jurisdictionCSV: [UInt8] = [], jurisdictionJSON: [UInt8] = []
    private var jurisdictionBytes: [Jurisdiction: (csv: [UInt8], json: [UInt8])] = [:]
    /// A file cycles through a few lines (its processes, say): those are found by comparing.
    private var recentLines: [Line] = []
    private var recentBytes: [LineBytes] = []
    private var lines: [Line: LineBytes] = [:]
    /// The periods formatted so far, for the JSON file's table.
    private(set) var periodsSeen: Set<Period> = []
    /// The jurisdictions formatted so far, for the JSON file's table.
    var jurisdictionsSeen: [Jurisdiction] { Array(jurisdictionBytes.keys) }

    /// One figure's CSV row and JSON object together: the line, period and jurisdiction are
    /// looked up once for both.
    mutating func rows(_ figure: RequestFigure, csv: inout ByteWriter, json: inout ByteWriter) {
        let line = lineIndex(figure)
        see(figure.company)
        see(figure.period)
        see(figure.jurisdiction)
        csvRow(figure, line: line, into: &csv)
        jsonObject(figure, line: line, into: &json)
    }

    /// One CSV row, in `RequestExports.csvColumns` order, with its line break.
    mutating func csvRow(_ figure: RequestFigure, into out: inout ByteWriter) {
        let line = lineIndex(figure)
        see(figure.company)
        see(figure.period)
        see(figure.jurisdiction)
        csvRow(figure, line: line, into: &out)
    }

    private func csvRow(_ figure: RequestFigure, line: Int, into out: inout ByteWriter) {
        out.append(companyCSV)
        out.append(periodCSV)
        out.append(jurisdictionCSV)
        out.append(recentBytes[line].csvMiddle)
        value(figure.value, into: &out); out.comma()
        let (minimum, maximum, percentage) = Self.bounds(figure.value)
        if let minimum { out.decimal(minimum) }
        out.comma()
        if let maximum { out.decimal(maximum) }
        out.comma()
        if let percentage { out.append(Self.number(percentage)) }
        out.append(recentBytes[line].csvEnd)
    }

    /// One JSON object with its keys in sorted order; empty fields are `null`. The company, the
    /// period's first and last days and the jurisdiction's name are given once per file.
    private func jsonObject(_ figure: RequestFigure, line: Int, into out: inout ByteWriter) {
        let (minimum, maximum, percentage) = Self.bounds(figure.value)
        out.append(jurisdictionJSON)
        out.append(",\"maximum\":" as StaticString)
        if let maximum { out.decimal(maximum) } else { out.append("null" as StaticString) }
        out.append(recentBytes[line].jsonMeasure)
        if let minimum { out.decimal(minimum) } else { out.append("null" as StaticString) }
        out.append(",\"percentage\":" as StaticString)
        if let percentage { out.append(Self.number(percentage)) } else { out.append("null" as StaticString) }
        out.append(periodJSON)
        out.append(recentBytes[line].jsonTail)
        value(figure.value, into: &out)
        out.append("\"}" as StaticString)
    }

    /// The dataset form of a value: `7458`, `0-499`, `84%`, `-`.
    private func value(_ value: FigureValue, into out: inout ByteWriter) {
        switch value {
        case .count(.exact(let count)): out.decimal(count)
        case .count(.range(let minimum, let maximum)):
            out.decimal(minimum); out.bytes.append(UInt8(ascii: "-")); out.decimal(maximum)
        default: out.append(value.description)
        }
    }

    private mutating func see(_ value: CompanyID) {
        guard value != company else { return }
        var csv = ByteWriter()
        csv.append(value.rawValue); csv.comma()
        company = value
        companyCSV = csv.bytes
    }

    private mutating func see(_ value: Period) {
        guard value != period else { return }
        var csv = ByteWriter(), json = ByteWriter()
        csv.append("\(value.description),\(value.start.description),\(value.end.description),")
        json.append(",\"period\":"); json.jsonString(value.description)
        period = value
        (periodCSV, periodJSON) = (csv.bytes, json.bytes)
        periodsSeen.insert(value)
    }

    private mutating func see(_ value: Jurisdiction) {
        guard value != jurisdiction else { return }
        if let known = jurisdictionBytes[value] {
            (jurisdictionCSV, jurisdictionJSON) = known
        } else {
            var csv = ByteWriter(), json = ByteWriter()
            csv.append(value.code); csv.comma(); csv.csvField(RequestExports.text(value.name)); csv.comma()
            json.append("{\"jurisdiction\":"); json.jsonString(value.code)
            (jurisdictionCSV, jurisdictionJSON) = (csv.bytes, json.bytes)
            jurisdictionBytes[value] = (csv.bytes, json.bytes)
        }
        jurisdiction = value
    }

    /// The index in `recentBytes` of the figure's line.
    private mutating func lineIndex(_ figure: RequestFigure) -> Int {
        for index in recentLines.indices {
            let line = recentLines[index]
            if line.process == figure.process, line.measure == figure.measure, line.subject == figure.subject,
               line.regime == figure.regime, line.publishedAs == figure.publishedAs, line.sources == figure.sources {
                return index
            }
        }
        let key = Line(
            process: figure.process, publishedAs: figure.publishedAs, subject: figure.subject, measure: figure.measure,
            regime: figure.regime, sources: figure.sources)
        let bytes = lines[key] ?? Self.format(key)
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

    private static func format(_ line: Line) -> LineBytes {
        var csvMiddle = ByteWriter(), csvEnd = ByteWriter(), jsonMeasure = ByteWriter(), json = ByteWriter()
        csvMiddle.append(line.process.rawValue); csvMiddle.comma()
        if let words = line.publishedAs { csvMiddle.csvField(RequestExports.text(words)) }
        csvMiddle.comma()
        csvMiddle.append(line.subject.rawValue); csvMiddle.comma()
        csvMiddle.append(line.measure.rawValue); csvMiddle.comma()
        csvEnd.comma()
        if let regime = line.regime { csvEnd.append(regime.rawValue) }
        csvEnd.comma()
        csvEnd.append(line.sources.map(\.rawValue).joined(separator: ";"))
        csvEnd.append("\n")
        jsonMeasure.append(",\"measure\":"); jsonMeasure.jsonString(line.measure.rawValue); jsonMeasure.append(",\"minimum\":")
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
        return LineBytes(csvMiddle: csvMiddle.bytes, csvEnd: csvEnd.bytes, jsonMeasure: jsonMeasure.bytes, jsonTail: json.bytes)
    }

    static func bounds(_ value: FigureValue) -> (Int?, Int?, Double?) {
        switch value {
        case .count(let count): (count.minimum, count.maximum, nil)
        case .percentage(let percentage): (nil, nil, percentage)
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
