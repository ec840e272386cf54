import Markdown
import Testing

@Suite struct CommonMarkTests {
    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let html = CommonMark.html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x\">b</b>")
        #expect(html == "<!-- raw HTML omitted -->\n<p><a href=\"\">x</a> <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
    }

    @Test func unsafeOptionIsExplicit() {
        #expect(CommonMark.html("<b>x</b>", options: .unsafe) == "<p><b>x</b></p>\n")
    }

    @Test func smartPunctuationIsOffByDefault() {
        #expect(CommonMark.html("\"quoted\" -- text") == "<p>&quot;quoted&quot; -- text</p>\n")
        #expect(CommonMark.html("\"quoted\" -- text", options: .smart) == "<p>“quoted” – text</p>\n")
    }

    @Test func invalidUTF8IsReplaced() {
        #expect(CommonMark.html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func embeddedBlocksReplaceOnlyNamedTopLevelFences() {
        let markdown = """
            # Title

            ```block
            7
            ```

            ```swift
            let x = 1
            ```

                indented
            """
        let html = CommonMark.html(markdown) { block in
            block.info == "block" ? "<table><caption>\(block.content)</caption></table>\n" : nil
        }
        #expect(html == """
            <h1>Title</h1>
            <table><caption>7</caption></table>
            <pre><code class="language-swift">let x = 1
            </code></pre>
            <pre><code>indented
            </code></pre>

            """)
    }

    @Test func libraryVersionIsCmark030() {
        #expect(CommonMark.libraryVersion.hasPrefix("0.30"))
    }
}
