import TransparencyModel

/// Figures read by an import, with where each value was, kept apart so the figures stay compact.
struct ImportedFigures {
    private(set) var figures: [RequestFigure] = []
    private var places: [(file: Int32, line: Int32, column: Int32)] = []
    private var files: [String] = []

    mutating func add(file path: String) -> Int32 {
        files.append(path)
        return Int32(files.count - 1)
    }

    mutating func append(_ figure: RequestFigure, file: Int32, line: Int, column: Int) {
        figures.append(figure)
        places.append((file, Int32(clamping: line), Int32(clamping: column)))
    }

    /// Where the value of figure `index` was.
    func location(_ index: Int) -> SourceLocation {
        let place = places[index]
        return SourceLocation(path: files[Int(place.file)], line: Int(place.line), column: Int(place.column))
    }

    var count: Int { figures.count }
}
