import BPDocument
import BPReportBuilder
import BPTeXReader
import BPSpec
import BPWriters

/// Everything that decides what a render makes, the command line's options as values.
public struct RenderOptions: Sendable {
    /// The formats to write, each page in the order of `OutputFormat`.
    public var formats: Set<OutputFormat>
    /// The solution, the handout, or both (then in folders `handout/` and `solution/`).
    public var modes: [RenderMode] = [.solution]
    /// How numbers are written and how many steps are worked.
    public var report: ReportOptions
    /// How HTML shows math.
    public var html: HTMLOptions
    /// The page around the HTML.
    public var templates: PageTemplates
    /// Caps that protect the machine.
    public var limits: Limits
    /// Whether a source's formats (Markdown, HTML, a notebook) may be written side by side, on
    /// a helper thread started when a core is idle (several renders at once take the cores
    /// first): for a caller with cores to spare, such as the command rendering several inputs.
    /// The files are the same either way.
    public var writesFormatsConcurrently = false
    /// Reads the TeX of a notebook's `$...$` and `$$...$$` into math nodes, with warnings (their
    /// offsets in characters into the TeX) for what it shows as written.
    public var math: @Sendable (String) -> (MathNode, [(offset: Int, message: String)]) = { tex in
        let parse = TeXReader().read(tex)
        return (parse.node, parse.warnings.map { ($0.offset, $0.message) })
    }

    /// The command line's defaults, `render` without options: Markdown and HTML of the
    /// solution, MathML, the built-in page and the default limits.
    public init(formats: Set<OutputFormat> = [.markdown, .html], modes: [RenderMode] = [.solution], report: ReportOptions = .default,
                html: HTMLOptions = HTMLOptions(), templates: PageTemplates = .builtIn, limits: Limits = .default) {
        self.formats = formats
        self.modes = modes
        self.report = report
        self.html = html
        self.templates = templates
        self.limits = limits
    }
}
