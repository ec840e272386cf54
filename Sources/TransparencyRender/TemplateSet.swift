import Foundation
import Templating
import TransparencyModel

/// The templates of a build, parsed once: the built-in ones or a user's folder.
///
/// A folder must hold every template the build uses (`company.md.mustache`,
/// `index.md.mustache`, `layout.html.mustache`) and `style.css`; other `.mustache` files are
/// partials. A template that fails to parse is reported as `path:line:column: error:`.
public struct TemplateSet: Sendable {
    /// Templates every build renders, by name without `.mustache`.
    public static let requiredTemplates = ["company.md", "compare.md", "document.md", "index.md", "layout.html"]
    /// The stylesheet copied into the site.
    public static let stylesheetName = "style.css"

    let library: TemplateLibrary
    /// The site's stylesheet, copied as it is.
    public let stylesheet: String
    /// A hash of every template and the stylesheet: builds with other templates differ in it.
    public let fingerprint: UInt64

    /// The templates compiled into the tool from the package's `Templates/` folder.
    public static func builtIn() throws(DatasetError) -> TemplateSet {
        try TemplateSet(files: EmbeddedTemplates.files, origin: "<built-in>/Templates")
    }

    /// The templates of a folder.
    public static func load(directory: String) throws(DatasetError) -> TemplateSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw DatasetError(diagnostics: [Diagnostic(SourceLocation(path: directory), "cannot read the templates folder")])
        }
        var files: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names where name.hasSuffix(".mustache") || name == stylesheetName {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(SourceLocation(path: path), "cannot read the template as UTF-8 text"))
                continue
            }
            files[name] = text
        }
        guard diagnostics.isEmpty else { throw DatasetError(diagnostics: diagnostics) }
        return try TemplateSet(files: files, origin: directory)
    }

    init(files: [String: String], origin: String) throws(DatasetError) {
        var library = Self.emptyLibrary()
        var diagnostics: [Diagnostic] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do throws(TemplateError) {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                let location = SourceLocation(path: origin + "/" + name, line: error.line, column: error.column)
                diagnostics.append(Diagnostic(location, "template syntax: \(error.message)"))
            }
        }
        for required in Self.requiredTemplates where files[required + ".mustache"] == nil {
            diagnostics.append(Diagnostic(SourceLocation(path: origin + "/" + required + ".mustache"), "missing template"))
        }
        if files[Self.stylesheetName] == nil {
            diagnostics.append(Diagnostic(SourceLocation(path: origin + "/" + Self.stylesheetName), "missing stylesheet"))
        }
        guard diagnostics.isEmpty else { throw DatasetError(diagnostics: diagnostics) }
        self.library = library
        self.stylesheet = files[Self.stylesheetName] ?? ""
        self.fingerprint = StableHash.of(files.sorted { $0.key < $1.key }.flatMap { [Array($0.key.utf8), Array($0.value.utf8)] })
    }

    /// A library with our content types: `MARKDOWN` escapes data so it stays literal text, `HTML`
    /// (the default) escapes it for HTML and removes control characters.
    static func emptyLibrary() -> TemplateLibrary {
        TemplateLibrary(contentTypes: [("HTML", HTMLEscaper.escape), ("MARKDOWN", MarkdownEscaper.escape)])
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: TemplateValue) -> String {
        library.render(name, context) ?? ""
    }
}
