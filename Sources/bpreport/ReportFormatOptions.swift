import ArgumentParser
import BPReport
import BPReportBuilder
import BPSpec
import BPWriters

/// How reports look: formats, math, templates and number style.
struct ReportFormatOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, ipynb, tex, pdf
    }

    enum MathMethod: String, ExpressibleByArgument, CaseIterable {
        case mathml, katex
    }

    @Option(name: .customLong("to"), help: ArgumentHelp(
        "Formats to write: md, html, ipynb (a Jupyter notebook), tex (LaTeX), pdf (compiled by pdflatex or lualatex), or several (md,html, the default); repeat it or give a comma list.", valueName: "md|html|ipynb|tex|pdf"),
            completion: .list(["md", "html", "ipynb", "tex", "pdf", "md,html", "md,html,ipynb", "tex,pdf"]))
    var formatNames: [String] = []

    /// The formats `--to` names (both when it is not given).
    var formats: [Format] {
        get throws {
            try CommaList.values(formatNames, fallback: [.md, .html], refusal: "--to takes md, html, ipynb, tex or pdf, or a comma list of them (md,html)") { Format(rawValue: $0) }
        }
    }

    /// The pipeline's formats, each once.
    var outputFormats: Set<OutputFormat> {
        get throws {
            Set(try formats.map { format -> OutputFormat in
                switch format {
                case .md: return .markdown
                case .html: return .html
                case .ipynb: return .ipynb
                case .tex: return .tex
                case .pdf: return .pdf
                }
            })
        }
    }

    @Option(help: "Math in HTML: MathML (no script needed) or TeX for KaTeX.")
    var math: MathMethod = .mathml

    @Option(name: .customLong("katex-url"), help: "Where KaTeX is served from (a folder holding katex.min.css, katex.min.js and contrib/auto-render.min.js; a local folder such as file:///usr/share/javascript/katex may have the unminified files).")
    var katexURL: String?

    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "A folder with page.html.mustache, report.css or both, used instead of the built-in ones (`bpreport templates` prints them).",
        valueName: "folder"), completion: .directory)
    var templatesDirectory: String?

    @Option(help: "Significant digits of computed floats and of long exact values, from 1 to 17.")
    var digits: Int = ReportOptions.default.significantDigits

    @Option(name: .customLong("max-matrix"), help: "Matrices with more rows or columns are elided with dots, at least 2.")
    var maxMatrix: Int = ReportOptions.default.maxMatrixSize

    @Option(name: .customLong("decimal-places"), help: "Exact values that terminate within this many decimal places are written as decimals, from 0 to 30.")
    var decimalPlaces: Int = ReportOptions.default.maxDecimalPlaces

    @Option(name: .customLong("show-steps"), help: ArgumentHelp(
        "The steps worked out in full, as 1,2,last or all, over the spec's show_steps: (default: first,last); the others only appear in the loss table and plot.",
        valueName: "steps"))
    var showSteps: String?

    @Option(name: .customLong("exact-style"), help: ArgumentHelp(
        "How an exact value too long to read is written: its first --digits digits and an ellipsis (decimal), the whole fraction (fraction), or both.",
        valueName: "decimal|fraction|both"))
    var exactStyle: ExactStyle = ReportOptions.default.exactStyle

    @Flag(name: .customLong("no-gradient-check"), help: "Leave out the gradient check that ends every solution.")
    var noGradientCheck = false

    @Flag(name: .customLong("no-common-factor"), help: "Never write a matrix as a common factor times integers (as 2/3 (38, -11, 20)).")
    var noCommonFactor = false

    func validate() throws {
        if !(1...17).contains(digits) { throw ValidationError("--digits must be from 1 to 17, not \(digits)") }
        if maxMatrix < 2 { throw ValidationError("--max-matrix must be at least 2, not \(maxMatrix)") }
        if !(0...30).contains(decimalPlaces) { throw ValidationError("--decimal-places must be from 0 to 30, not \(decimalPlaces)") }
        if let showSteps, case let .failure(failure) = parsedShowSteps(showSteps) {
            throw ValidationError("--show-steps: '\(failure.word)' is not a step; expected \(StepSelectionError.expected.replacingOccurrences(of: "[1, 2, last]", with: "1,2,last"))")
        }
        if katexURL != nil && math != .katex { throw ValidationError("--katex-url goes with --math katex") }
        _ = try formats
    }

    var reportOptions: ReportOptions {
        var options = ReportOptions(significantDigits: digits, maxMatrixSize: maxMatrix, maxDecimalPlaces: decimalPlaces,
                      showSteps: showSteps.flatMap { try? parsedShowSteps($0).get() },
                      exactStyle: exactStyle, pullsOutCommonFactors: !noCommonFactor)
        options.checksGradients = !noGradientCheck
        return options
    }

    private func parsedShowSteps(_ text: String) -> Result<StepSelection, StepSelectionError> {
        StepSelection.parse(text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
    }

    var htmlOptions: HTMLOptions {
        switch math {
        case .mathml: return HTMLOptions(math: .mathML)
        case .katex:
            return HTMLOptions(math: .katex(katexURL.map(KaTeXCopy.assets(at:)) ?? .jsDelivr))
        }
    }

    func pageTemplates() throws(TemplateError) -> PageTemplates {
        guard let directory = templatesDirectory else { return .builtIn }
        return try PageTemplates.load(directory: directory)
    }

    /// The pipeline's options, from these flags and the engine's limits.
    func renderOptions(limits: Limits) throws(TemplateError) -> RenderOptions {
        // `validate()` has refused an unknown format already.
        let outputFormats = (try? self.outputFormats) ?? [.markdown, .html]
        return RenderOptions(formats: outputFormats, report: reportOptions, html: htmlOptions,
                             templates: try pageTemplates(), limits: limits)
    }
}

extension ExactStyle: ExpressibleByArgument {}
