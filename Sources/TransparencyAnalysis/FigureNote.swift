import TransparencyModel

/// A publisher's footnote on some of a company's figures (what a mark such as `1*` in its
/// download refers to), with the figures it marks.
public struct FigureNote: Sendable, Equatable {
    /// How many figures a note names before it says how many more there are.
    public static let figuresShown = 8

    public var text: String
    /// The figures it marks, for readers: "2021 H1, United Kingdom, Subpoena: requests".
    public var figures: [String]
    public var sources: [SourceID]

    /// The notes of `figures`, in the order their first figure comes.
    public static func notes(of figures: [RequestFigure]) -> [FigureNote] {
        var notes: [FigureNote] = [], index: [String: Int] = [:]
        for figure in figures {
            guard let text = figure.note else { continue }
            let label = "\(figure.period.shortLabel), \(figure.jurisdiction.name), \(figure.publishedAs ?? figure.process.label): \(figure.measure.label)"
            if let found = index[text] {
                notes[found].figures.append(label)
                notes[found].sources += figure.sources.filter { !notes[found].sources.contains($0) }
            } else {
                index[text] = notes.count
                notes.append(FigureNote(text: text, figures: [label], sources: figure.sources))
            }
        }
        return notes
    }

    /// The figures it marks, as one phrase: the first few, then how many more.
    public var figuresPhrase: String {
        let shown = figures.prefix(Self.figuresShown).joined(separator: "; ")
        return figures.count > Self.figuresShown ? "\(shown); and \(figures.count - Self.figuresShown) more" : shown
    }
}
