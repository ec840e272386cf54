import Markdown
import Testing
import TransparencyModel
import TransparencyRender

@Suite struct MarkdownEscaperTests {
    @Test func hostileQuoteStaysLiteral() {
        let quote = "<script>alert(1)</script> [click](javascript:alert(1)) *stars* # hash"
        #expect(MarkdownEscaper.escape(quote) == #"\<script\>alert(1)\</script\> \[click\](javascript:alert(1)) \*stars\* # hash"#)
        #expect(CommonMark.html(MarkdownEscaper.escape(quote))
            == "<p>&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1)) *stars* # hash</p>\n")
    }

    @Test func blockSyntaxAtTheStartOfAValue() {
        #expect(MarkdownEscaper.escape("# hash") == ##"\# hash"##)
        #expect(MarkdownEscaper.escape("- item") == #"\- item"#)
        #expect(MarkdownEscaper.escape("+ item") == #"\+ item"#)
        #expect(MarkdownEscaper.escape("1. first") == #"1\. first"#)
        #expect(MarkdownEscaper.escape("12) twelfth") == #"12\) twelfth"#)
        #expect(MarkdownEscaper.escape("> quote") == #"\> quote"#)
        #expect(MarkdownEscaper.escape("===") == #"\==="#)
        #expect(MarkdownEscaper.escape("    code") == "&#32;   code")
        // cmark drops a byte order mark that begins a document, and the `+` after it opened a list.
        #expect(MarkdownEscaper.escape("\u{FEFF}+ item") == "&#xFEFF;+ item")
        #expect(CommonMark.html(MarkdownEscaper.escape("\u{FEFF}+")) == "<p>\u{FEFF}+</p>\n")
        #expect(MarkdownEscaper.escape("```swift") == #"\`\`\`swift"#)
        #expect(MarkdownEscaper.escape("~~~") == #"\~\~\~"#)
    }

    @Test func ordinaryTextStaysReadable() {
        #expect(MarkdownEscaper.escape("U.S. government—or any other: 6,000 (est.) 2013-07-11")
            == "U.S. government—or any other: 6,000 (est.) 2013-07-11")
    }

    @Test func lineBreaksFoldAndControlsAreReplaced() {
        #expect(MarkdownEscaper.escape("one\r\ntwo\n\n\nthree\u{2028}four") == "one two three four")
        #expect(MarkdownEscaper.escape("a\u{0}b\u{7}c\u{85}d\te") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te")
        #expect(MarkdownEscaper.escape("ends with backslash\\") == #"ends with backslash\\"#)
    }

    /// The escaper works over UTF-8 bytes; this is the same rules written over Unicode scalars,
    /// as the escaper first was, and the two agree on random text of characters that matter.
    @Test func bytesAndScalarsAgree() {
        func reference(_ text: String) -> String {
            let always = Set("\\`*_[]<>&|~$".unicodeScalars.map(\.value)), start = Set("#-+=>".unicodeScalars.map(\.value))
            var output = String.UnicodeScalarView()
            var previousWasBreak = false, atStart = true, leadingDigits = true
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 {
                    if atStart { output.append(contentsOf: "&#32;".unicodeScalars) } else if !previousWasBreak { output.append(" ") }
                    previousWasBreak = true
                    atStart = false
                    leadingDigits = false
                    continue
                }
                previousWasBreak = false
                defer { atStart = false }
                if atStart, value == 0x20 || value == 0x09 || value == 0xFEFF {
                    output.append(contentsOf: (value == 0x20 ? "&#32;" : value == 0x09 ? "&#9;" : "&#xFEFF;").unicodeScalars)
                    leadingDigits = false
                    continue
                }
                if always.contains(value) || (atStart && start.contains(value)) || (leadingDigits && !atStart && (value == 0x2E || value == 0x29)) {
                    output.append("\\")
                    output.append(scalar)
                } else if UnsafeCharacters.contains(scalar) {
                    output.append("\u{FFFD}")
                } else {
                    output.append(scalar)
                }
                if !(0x30...0x39).contains(value) { leadingDigits = false }
            }
            return String(output)
        }
        let pieces = ["1", "9", ".", ")", " ", "\t", "\n", "\r", "\u{2028}", "#", "-", "+", "=", ">", "<", "\\", "`", "*", "_", "[", "]",
                      "&", "|", "~", "$", "a", "Z", "é", "—", "😀", "\u{0}", "\u{7}", "\u{85}", "\u{202E}", "\u{FFFE}", "\u{FEFF}", "2013-07-11", "6,000"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(MarkdownEscaper.escape(text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func linkDestinationsKeepTheirTarget() {
        let url = "https://example.org/a_(b)?q=<x>&y=1"
        let markdown = "[t](\(MarkdownEscaper.linkDestination(url)))"
        #expect(CommonMark.html(markdown) == "<p><a href=\"https://example.org/a_(b)?q=%3Cx%3E&amp;y=1\">t</a></p>\n")
    }

    /// Property: for any text with something visible in it, the escaped Markdown renders as one
    /// paragraph holding exactly that text (line breaks folded, trailing blanks dropped, control
    /// characters replaced), whatever punctuation it holds.
    @Test func escapedTextRendersAsItself() {
        var generator = SeededGenerator(seed: 0x5EED)
        let alphabet = Array("ab1 9.)#-+=>*_`~[]()<>!&|\\:/\"'$%{}^@\n\t\r;,?x\u{E9}\u{2028}\u{0}\u{1B}\u{FEFF}")
        for _ in 0..<3_000 {
            let length = Int.random(in: 1...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            let expected = Self.expectedParagraph(text)
            guard !expected.isEmpty else { continue }
            let escaped = MarkdownEscaper.escape(text)
            #expect(CommonMark.html(escaped) == "<p>\(expected)</p>\n", "text: \(text.debugDescription)")
            // On the line after a paragraph line: no setext heading, no list, no block of any kind.
            #expect(CommonMark.html("Intro\n" + escaped) == "<p>Intro\n\(expected)</p>\n", "text: \(text.debugDescription)")
            // Inside a block quote, as the report templates place quotes.
            #expect(CommonMark.html("> " + escaped) == "<blockquote>\n<p>\(expected)</p>\n</blockquote>\n", "text: \(text.debugDescription)")
        }
    }

    /// What cmark should print for `text` as a paragraph, computed independently of the escaper.
    static func expectedParagraph(_ text: String) -> String {
        var folded = ""
        var previousWasBreak = false
        for scalar in text.unicodeScalars {
            if ["\n", "\r", "\u{2028}"].contains(scalar) {
                if !previousWasBreak { folded += " " }
                previousWasBreak = true
                continue
            }
            previousWasBreak = false
            let value = scalar.value
            folded.unicodeScalars.append(
                (value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(value) ? "\u{FFFD}" : scalar)
        }
        while let last = folded.last, last == " " || last == "\t" { folded.removeLast() }
        // cmark keeps leading blanks only when they come from a character reference: the first one.
        guard folded.contains(where: { $0 != " " && $0 != "\t" }) else { return "" }
        var html = ""
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"": html += "&quot;"
            default: html.unicodeScalars.append(scalar)
            }
        }
        return html
    }
}

/// The HTML escaper, which works on bytes and copies runs, against its definition scalar by scalar.
@Suite struct HTMLEscaperTests {
    @Test func escapesExactlyTheMarkupAndUnsafeCharacters() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["a", "&", "<", ">", "\"", "'", "é", "\u{0}", "\u{7F}", "\u{85}", "\u{202E}", "\u{FFFE}", "👩‍👩‍👧", "\n", "\t", "plain text "]
        for _ in 0..<500 {
            let count = Int.random(in: 0..<30, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            var expected = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": expected += "&amp;"
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "\"": expected += "&quot;"
                case "'": expected += "&#39;"
                default: expected.unicodeScalars.append(UnsafeCharacters.contains(scalar) ? "\u{FFFD}" : scalar)
                }
            }
            #expect(HTMLEscaper.escape(text) == expected, "\(text.debugDescription)")
        }
    }
}

/// A small deterministic random generator (SplitMix64), so property tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
