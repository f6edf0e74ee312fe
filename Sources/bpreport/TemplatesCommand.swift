import ArgumentParser
import BPWriters
import Foundation

/// `bpreport templates [page|css]`: the built-in page template or stylesheet, to start a
/// `--templates` folder from (as `pandoc -D html`), or the variables a page template may use.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Print the built-in page template or stylesheet, or the variables a page template may use.",
        discussion: """
        bpreport templates page > mine/page.html.mustache copies the page to edit; --templates mine \
        then uses it (a file the folder does not hold stays built in).
        """
    )

    enum Which: String, ExpressibleByArgument, CaseIterable {
        case page, css
    }

    @Argument(help: ArgumentHelp("page (page.html.mustache) or css (report.css); without it, the variables a page template may use.",
                                 valueName: "page|css"))
    var which: Which?

    func run() {
        switch which {
        case .page: StandardStreams.writeOutput(PageTemplates.builtIn.page)
        case .css: StandardStreams.writeOutput(PageTemplates.builtIn.stylesheet)
        case nil: StandardStreams.writeOutput(Self.variables)
        }
    }

    /// The variables, a line each, and where the templates come from.
    static var variables: String {
        let width = TemplateVariable.all.map(\.tag.count).max() ?? 0
        var out = "Variables of a page template (\(PageTemplates.pageFile), Mustache):\n"
        for variable in TemplateVariable.all {
            out += "  " + variable.tag.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + variable.meaning + "\n"
        }
        out += """

        `bpreport templates page` prints the built-in \(PageTemplates.pageFile), `bpreport templates css` its \
        \(PageTemplates.stylesheetFile). `render --templates DIR` reads either or both from DIR; a file DIR does \
        not hold stays built in.

        """
        return out
    }
}
