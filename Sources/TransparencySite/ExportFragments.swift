import TransparencyLoader

/// Formats figures as export rows, one company's at a time. The parts of a row that repeat from
/// figure to figure (the period's three cells, the jurisdiction's code and name, the source list)
/// are formatted once and copied as bytes: the exports hold every figure of the dataset.
struct ExportFragments {
    private var period: (value: Period, csv: [UInt8], json: [UInt8])?
    private var jurisdictions: [Jurisdiction: (csv: [UInt8], json: [UInt8])] = [:]
    private var jurisdiction: (value: Jurisdiction, csv: [UInt8], json: [UInt8])?
    private var sources: (value: [SourceID], csv: [UInt8], json: [UInt8])?
    private var company: (value: CompanyID, csv: [UInt8], json: [UInt8])?

    /// One CSV row, in `RequestExports.csvColumns` order, with its line break.
    mutating func csvRow(_ figure: RequestFigure, into out: inout ByteWriter) {
        let company = companyFragments(figure.company), period = periodFragments(figure.period)
        let jurisdiction = jurisdictionFragments(figure.jurisdiction), sources = sourceFragments(figure.sources)
        out.append(company.csv)
        out.append(period.csv)
        out.append(jurisdiction.csv)
        out.append(figure.process.rawValue); out.comma()
        if let words = figure.publishedAs { out.csvField(RequestExports.text(words)) }
        out.comma()
        out.append(figure.subject.rawValue); out.comma()
        out.append(figure.measure.rawValue); out.comma()
        value(figure.value, into: &out); out.comma()
        let (minimum, maximum, percentage) = Self.bounds(figure.value)
        if let minimum { out.decimal(minimum) }
        out.comma()
        if let maximum { out.decimal(maximum) }
        out.comma()
        if let percentage { out.append(Self.number(percentage)) }
        out.comma()
        if let regime = figure.regime { out.append(regime.rawValue) }
        out.comma()
        out.append(sources.csv)
        out.bytes.append(0x0A)
    }

    /// One JSON object with its keys in sorted order; empty fields are `null`.
    mutating func jsonObject(_ figure: RequestFigure, into out: inout ByteWriter) {
        let company = companyFragments(figure.company), period = periodFragments(figure.period)
        let jurisdiction = jurisdictionFragments(figure.jurisdiction), sources = sourceFragments(figure.sources)
        let (minimum, maximum, percentage) = Self.bounds(figure.value)
        out.append(company.json)
        out.append(jurisdiction.json)
        out.append(",\"maximum\":"); if let maximum { out.decimal(maximum) } else { out.append("null") }
        out.append(",\"measure\":\""); out.append(figure.measure.rawValue)
        out.append("\",\"minimum\":"); if let minimum { out.decimal(minimum) } else { out.append("null") }
        out.append(",\"percentage\":"); if let percentage { out.append(Self.number(percentage)) } else { out.append("null") }
        out.append(period.json)
        out.append(",\"process\":\""); out.append(figure.process.rawValue)
        out.append("\",\"published_as\":")
        if let words = figure.publishedAs { out.jsonString(RequestExports.safe(words)) } else { out.append("null") }
        out.append(",\"regime\":")
        if let regime = figure.regime { out.jsonString(regime.rawValue) } else { out.append("null") }
        out.append(sources.json)
        out.append(",\"subject\":\""); out.append(figure.subject.rawValue)
        out.append("\",\"value\":\""); value(figure.value, into: &out)
        out.append("\"}")
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

    private mutating func companyFragments(_ value: CompanyID) -> (csv: [UInt8], json: [UInt8]) {
        if let company, company.value == value { return (company.csv, company.json) }
        var csv = ByteWriter(), json = ByteWriter()
        csv.append(value.rawValue); csv.comma()
        json.append("{\"company\":"); json.jsonString(value.rawValue)
        company = (value, csv.bytes, json.bytes)
        return (csv.bytes, json.bytes)
    }

    private mutating func periodFragments(_ value: Period) -> (csv: [UInt8], json: [UInt8]) {
        if let period, period.value == value { return (period.csv, period.json) }
        let (id, start, end) = (value.description, value.start.description, value.end.description)
        var csv = ByteWriter(), json = ByteWriter()
        csv.append("\(id),\(start),\(end),")
        json.append(",\"period\":"); json.jsonString(id)
        json.append(",\"period_end\":"); json.jsonString(end)
        json.append(",\"period_start\":"); json.jsonString(start)
        period = (value, csv.bytes, json.bytes)
        return (csv.bytes, json.bytes)
    }

    private mutating func jurisdictionFragments(_ value: Jurisdiction) -> (csv: [UInt8], json: [UInt8]) {
        if let jurisdiction, jurisdiction.value == value { return (jurisdiction.csv, jurisdiction.json) }
        let fragments: (csv: [UInt8], json: [UInt8])
        if let known = jurisdictions[value] {
            fragments = known
        } else {
            let name = RequestExports.text(value.name)
            var csv = ByteWriter(), json = ByteWriter()
            csv.append(value.code); csv.comma(); csv.csvField(name); csv.comma()
            json.append(",\"jurisdiction\":"); json.jsonString(value.code)
            json.append(",\"jurisdiction_name\":"); json.jsonString(name)
            fragments = (csv.bytes, json.bytes)
            jurisdictions[value] = fragments
        }
        jurisdiction = (value, fragments.csv, fragments.json)
        return fragments
    }

    private mutating func sourceFragments(_ value: [SourceID]) -> (csv: [UInt8], json: [UInt8]) {
        if let sources, sources.value == value { return (sources.csv, sources.json) }
        var csv = ByteWriter(), json = ByteWriter()
        csv.append(value.map(\.rawValue).joined(separator: ";"))
        json.append(",\"sources\":[")
        for (position, source) in value.enumerated() {
            if position > 0 { json.comma() }
            json.jsonString(source.rawValue)
        }
        json.append("]")
        sources = (value, csv.bytes, json.bytes)
        return (csv.bytes, json.bytes)
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
