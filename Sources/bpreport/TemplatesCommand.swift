import BPWriters
import FoundationEssentials

/// `bpreport templates [page|css]`: the built-in page template or stylesheet, to start a
/// `--templates` folder from (as `pandoc -D html`), or the variables a page template may use.
struct TemplatesCommand: Subcommand {
    enum Which: String, CaseIterable {
        case page, css, tex
    }

    static let whichArgument = ArgumentDeclaration.positional("which", optional: true, valueName: "page|css|tex",
        completion: .values(Which.allCases.map(\.rawValue)),
        help: "page (page.html.mustache), css (report.css) or tex (page.tex.mustache); without it, the variables a template may use.")

    static let description = CommandDescription(
        name: "templates",
        abstract: "Print the built-in page template, stylesheet or LaTeX template, or the variables a template may use.",
        discussion: """
        bpreport templates page > mine/page.html.mustache copies the page to edit (templates tex > \
        mine/page.tex.mustache the LaTeX document); --templates mine then uses it (a file the folder \
        does not hold stays built in).
        """,
        arguments: [whichArgument]
    )

    var which: Which?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let word = arguments.value(Self.whichArgument) else { return }
        guard let which = Which(rawValue: word) else {
            throw UsageError("templates takes \(ParsedArguments.alternatives(Which.allCases.map(\.rawValue))), not '\(word)'")
        }
        self.which = which
    }

    func run() {
        switch which {
        case .page: StandardStreams.writeOutput(PageTemplates.builtIn.page)
        case .css: StandardStreams.writeOutput(PageTemplates.builtIn.stylesheet)
        case .tex: StandardStreams.writeOutput(PageTemplates.builtIn.tex)
        case nil: StandardStreams.writeOutput(Self.variables)
        }
    }

    /// The variables, a line each, and where the templates come from.
    static var variables: String {
        let width = (TemplateVariable.all + TemplateVariable.latex).map(\.tag.count).max() ?? 0
        var out = "Variables of a page template (\(PageTemplates.pageFile), Mustache):\n"
        for variable in TemplateVariable.all {
            out += "  " + variable.tag + String(repeating: " ", count: max(0, width - variable.tag.count)) + "  " + variable.meaning + "\n"
        }
        out += "\nVariables of the LaTeX template (\(PageTemplates.texFile), Mustache with the delimiters <% %>):\n"
        for variable in TemplateVariable.latex {
            out += "  " + variable.tag + String(repeating: " ", count: max(0, width - variable.tag.count)) + "  " + variable.meaning + "\n"
        }
        out += """

        `bpreport templates page` prints the built-in \(PageTemplates.pageFile), `bpreport templates css` its \
        \(PageTemplates.stylesheetFile), `bpreport templates tex` its \(PageTemplates.texFile). `render --templates DIR` \
        reads any of them from DIR; a file DIR does not hold stays built in.

        """
        return out
    }
}
