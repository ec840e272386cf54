import Markdown
import TransparencyModel
import WordDiff

/// A link whose target depends on the output: the Markdown report sits in `Reports/`, the HTML
/// page in `Reports/site/<company>/`.
public struct PerTargetLink: Block {
    public var text: String
    public var markdownTarget: String
    public var htmlTarget: String

    public func markdown() -> String {
        "[\(MarkdownEscaper.escape(text))](\(MarkdownEscaper.linkDestination(markdownTarget)))"
    }

    public func html() -> String {
        "<p><a href=\"\(URLEscaper.href(htmlTarget))\">\(HTMLEscaper.escape(text))</a></p>"
    }
}

/// A word-level diff: `<del>`/`<ins>` in both targets, text escaped for each.
public struct DiffBlock: Block {
    public var diff: TextDiff

    public func markdown() -> String { DiffFormatter.markdown(diff, escape: MarkdownEscaper.escape) }
    public func html() -> String { DiffFormatter.html(diff, escape: HTMLEscaper.escape) }
}

/// A document version's own Markdown (untrusted): rendered by cmark in safe mode, links limited
/// to http, https, mailto and relative ones, in HTML; shown as source in a fenced block in Markdown.
public struct UserMarkdownBlock: Block {
    public var text: String

    public init(text: String) {
        // Controls, noncharacters and bidirectional overrides never reach the output.
        self.text = UnsafeCharacters.replaced(in: text)
    }

    public func markdown() -> String {
        var longest = 0, run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)markdown\n\(text.hasSuffix("\n") ? text : text + "\n")\(fence)"
    }

    public func html() -> String {
        // The text sits under the "Text" heading (an h3) of its version on the history page.
        "<div class=\"version-text\">\n" + CommonMark.html(text, allowingLink: LinkCheck.isAllowed, headingsBelow: 3) + "</div>"
    }
}

/// Links to a company's figures as data: relative to the Markdown report in one target, to the
/// company's page in the other.
public struct FigureDownloads: Block {
    public var company: CompanyID
    public var count: Int

    public func markdown() -> String {
        let folder = "site/\(company.rawValue)/"
        return "Download as data (\(Wording.count(count, "figure")), with sources): "
            + "[CSV](\(MarkdownEscaper.linkDestination(folder + "requests.csv"))), "
            + "[JSON](\(MarkdownEscaper.linkDestination(folder + "requests.json")))."
    }

    public func html() -> String {
        "<p>Download as data (\(HTMLEscaper.escape(Wording.count(count, "figure"))), with sources): "
            + "<a href=\"requests.csv\">CSV</a>, <a href=\"requests.json\">JSON</a>.</p>"
    }
}
