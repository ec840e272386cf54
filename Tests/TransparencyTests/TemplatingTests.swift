import Templating
import Testing

/// The template engine's own behaviour beyond the Mustache spec (which `ConformanceTests` runs):
/// located syntax errors, content types chosen by pragma, partial depth, values that aren't text.
struct TemplatingTests {
    static let upper: TemplateLibrary.Escaper = { $0.uppercased() }
    static let brackets: TemplateLibrary.Escaper = { "[\($0)]" }

    func library(_ templates: [String: String]) throws -> TemplateLibrary {
        var library = TemplateLibrary(contentTypes: [("UPPER", Self.upper), ("BRACKETS", Self.brackets)])
        for (name, source) in templates { try library.register(source, named: name) }
        return library
    }

    func error(_ source: String) -> String {
        var library = TemplateLibrary(contentTypes: [("UPPER", Self.upper)])
        do {
            try library.register(source, named: "t")
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func syntaxErrorsCarryTheirLineAndColumn() {
        #expect(error("a\n  {{name") == "2:3: a tag is not closed")
        #expect(error("é {{#a}}\n{{/b}}") == "2:1: this closing tag ({{/b}}) does not match the section that is open ({{#a}})")
        #expect(error("{{/a}}") == "1:1: this closing tag ({{/a}}) closes no open section")
        #expect(error("x\n{{#a}}\n{{^b}}{{/b}}") == "2:1: the section {{#a}} is not closed")
        #expect(error("{{=<% =}}") == "1:1: invalid delimiter change")
        #expect(error("{{% CONTENT_TYPE: TEX}}") == "1:1: unknown pragma TEX: use {{% CONTENT_TYPE: MARKDOWN}} or {{% CONTENT_TYPE: HTML}}")
        #expect(error("{{% COLOUR: red}}") == "1:1: unknown pragma COLOUR: red: use {{% CONTENT_TYPE: MARKDOWN}} or {{% CONTENT_TYPE: HTML}}")
        #expect(error("ab {{first name}}") == "1:4: invalid tag name \"first name\"")
        #expect(error("{{}}") == "1:1: invalid tag name \"\"")
        #expect(error("x {{uppercased(name)}}") == "1:3: transforms such as uppercased(name) are not supported")
        #expect(error("{{>*name}}") == "1:1: dynamic partial names are not supported")
        // A comment's line breaks count for what follows it.
        #expect(error("{{! one\ntwo }}\n {{#a}}") == "3:2: the section {{#a}} is not closed")
    }

    @Test func aPragmaPicksTheEscaperOfWhatFollowsIt() throws {
        let library = try library([
            "page": "{{x}} {{% CONTENT_TYPE: BRACKETS}}\n{{x}} {{{x}}} {{&x}} {{> part}}",
            "part": "{{x}}",
        ])
        // A partial starts with the first content type, whatever its includer uses.
        #expect(library.render("page", ["x": "a<b"]) == "A<B \n[a<b] a<b a<b A<B")
    }

    @Test func valuesThatAreNotText() throws {
        let library = try library(["t": "{{yes}} {{no}} {{n}} [{{list}}] [{{object}}] [{{missing}}] {{#empty}}x{{/empty}}{{^empty}}none{{/empty}} {{#blank}}blank is truthy{{/blank}}"])
        let value: TemplateValue = ["yes": true, "no": false, "n": .number(-12), "list": ["a"], "object": ["k": "v"], "empty": [], "blank": ""]
        #expect(library.render("t", value) == "TRUE FALSE -12 [] [] [] none blank is truthy")
        #expect(library.render("absent", value) == nil)
    }

    @Test func namesAreLookedUpOutwardsAndDottedNamesWithinTheirFirstPart() throws {
        let library = try library(["t": "{{#a}}{{b}}{{c}}|{{d.e}}{{/a}}|{{a.b}}|{{a.z.y}}"])
        let value: TemplateValue = ["a": ["b": "1", "d": [:]], "c": "2", "d": ["e": "outer"]]
        // `d` is found in `a`, which has no `e`: the outer `d.e` is not used.
        #expect(library.render("t", value) == "12||1|")
    }

    @Test func partialsStopAtADepthLimit() throws {
        let library = try library(["loop": "x{{> loop}}"])
        #expect(library.render("loop", [:]) == String(repeating: "x", count: 65))
    }
}
