import Markdown
import Testing
import TransparencyModel
@testable import TransparencyRender

@Suite struct BlockTests {
    let table = Table(
        caption: "Requests | 2013",
        columns: ["Country", "Requests"],
        alignments: [.leading, .trailing],
        rows: [[Table.Cell("<United> *States*"), Table.Cell("7,014", citations: [2, 5])]])

    @Test func tableAsMarkdown() {
        #expect(table.markdown() == #"""
            *Requests \| 2013*

            | Country | Requests |
            | --- | ---: |
            | \<United\> \*States\* | 7,014 [\[2\]](#source-2) [\[5\]](#source-5) |
            """#)
    }

    @Test func tableAsHTML() {
        #expect(table.html() == """
            <div class="table-scroll" role="region" tabindex="0" aria-label="Requests | 2013">
            <table>
            <caption>Requests | 2013</caption>
            <thead>
            <tr><th scope="col">Country</th><th scope="col">Requests</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">&lt;United&gt; *States*</th><td class="number">7,014 <a href="#source-2">[2]</a> <a href="#source-5">[5]</a></td></tr>
            </tbody>
            </table>
            </div>
            """)
    }

    @Test func sourceListInBothTargets() {
        let list = SourceList(sources: [
            Source(id: "s", title: "A \"title\" <b>", publisher: "P & Co", url: "https://example.org/a_(b)",
                   date: DataDate(year: 2013, month: 7, day: 11), archivedURL: "https://web.archive.org/x"),
        ])
        #expect(list.markdown() == #"""
            1. <a id="source-1"></a>P \& Co: [A "title" \<b\>](https://example.org/a_\(b\)), 11 July 2013 ([archived copy](https://web.archive.org/x))
            """#)
        #expect(list.html() == """
            <ol class="sources">
            <li id="source-1">P &amp; Co: <a href="https://example.org/a_(b)">A &quot;title&quot; &lt;b&gt;</a>, 11 July 2013 (<a href="https://web.archive.org/x">archived copy</a>)</li>
            </ol>
            """)
    }

    @Test func placeholdersExpandPerTarget() {
        var blocks = BlockSet()
        guard case .text(let placeholder) = blocks.placeholder(for: table) else {
            Issue.record("a placeholder is text")
            return
        }
        #expect(placeholder == "```transparency-block\n0\n```")
        let markdown = "Before\n\n\(placeholder)\n\nAfter\n"
        #expect(blocks.expandMarkdown(markdown) == "Before\n\n\(table.markdown())\n\nAfter\n")
        let html = CommonMark.html(markdown) { blocks.html(info: $0.info, content: $0.content) }
        #expect(html == "<p>Before</p>\n\(table.html())\n<p>After</p>\n")
    }

    @Test func dataCannotForgeAPlaceholder() {
        var blocks = BlockSet()
        _ = blocks.placeholder(for: table)
        let forged = MarkdownEscaper.escape("```transparency-block\n0\n```")
        #expect(blocks.expandMarkdown(forged) == forged)
        let html = CommonMark.html(forged) { blocks.html(info: $0.info, content: $0.content) }
        #expect(!html.contains("<table>"))
    }
}
