import BPReport
import BPReportBuilder
import BPSpec
import BPWriters

/// How reports look: formats, math, templates and number style.
struct ReportFormatOptions {
    enum Format: String, CaseIterable {
        case md, html, ipynb, tex, pdf
    }

    enum MathMethod: String, CaseIterable {
        case mathml, katex
    }

    static let to = ArgumentDeclaration.option("to", valueName: "md|html|ipynb|tex|pdf", repeats: true,
        completion: .values(["md", "html", "ipynb", "tex", "pdf", "md,html", "md,html,ipynb", "tex,pdf"]),
        help: "Formats to write: md, html, ipynb (a Jupyter notebook), tex (LaTeX), pdf (compiled by pdflatex or lualatex), or several (md,html, the default); repeat it or give a comma list.")
    static let mathOption = ArgumentDeclaration.choice("math", MathMethod.self, default: .mathml, help: "Math in HTML: MathML (no script needed) or TeX for KaTeX.")
    static let katexURLOption = ArgumentDeclaration.option("katex-url", valueName: "url", help: "Where KaTeX is served from (a folder holding katex.min.css, katex.min.js and contrib/auto-render.min.js; a local folder such as file:///usr/share/javascript/katex may have the unminified files).")
    static let templatesOption = ArgumentDeclaration.option("templates", valueName: "folder", completion: .directories,
        help: "A folder with page.html.mustache, report.css, page.tex.mustache or some of them, used instead of the built-in ones (`bpreport templates` prints them).")
    static let digitsOption = ArgumentDeclaration.option("digits", valueName: "n", default: String(ReportOptions.default.significantDigits),
        help: "Significant digits of computed floats and of long exact values, from 1 to 17.")
    static let maxMatrixOption = ArgumentDeclaration.option("max-matrix", valueName: "n", default: String(ReportOptions.default.maxMatrixSize),
        help: "Matrices with more rows or columns are elided with dots, at least 2.")
    static let decimalPlacesOption = ArgumentDeclaration.option("decimal-places", valueName: "n", default: String(ReportOptions.default.maxDecimalPlaces),
        help: "Exact values that terminate within this many decimal places are written as decimals, from 0 to 30.")
    static let showStepsOption = ArgumentDeclaration.option("show-steps", valueName: "steps",
        help: "The steps worked out in full, as 1,2,last or all, over the spec's show_steps: (default: first,last); the others only appear in the loss table and plot.")
    static let exactStyleOption = ArgumentDeclaration.choice("exact-style", ExactStyle.self, default: ReportOptions.default.exactStyle,
        help: "How an exact value too long to read is written: its first --digits digits and an ellipsis (decimal), the whole fraction (fraction), or both.")
    static let noGradientCheckFlag = ArgumentDeclaration.flag("no-gradient-check", help: "Leave out the gradient check that ends every solution.")
    static let noCommonFactorFlag = ArgumentDeclaration.flag("no-common-factor", help: "Never write a matrix as a common factor times integers (as 2/3 (38, -11, 20)).")

    static let declarations: [ArgumentDeclaration] = [
        to, mathOption, katexURLOption, templatesOption, digitsOption, maxMatrixOption, decimalPlacesOption, showStepsOption,
        exactStyleOption, noGradientCheckFlag, noCommonFactorFlag,
    ].map { $0.listed(under: "REPORT OPTIONS") }

    var formatNames: [String]
    var math: MathMethod
    var katexURL: String?
    var templatesDirectory: String?
    var digits: Int
    var maxMatrix: Int
    var decimalPlaces: Int
    var showSteps: String?
    var exactStyle: ExactStyle
    var noGradientCheck: Bool
    var noCommonFactor: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        formatNames = arguments.values(Self.to)
        math = try arguments.choice(Self.mathOption, MathMethod.self) ?? .mathml
        katexURL = arguments.value(Self.katexURLOption)
        templatesDirectory = arguments.value(Self.templatesOption)
        digits = try arguments.int(Self.digitsOption) ?? ReportOptions.default.significantDigits
        maxMatrix = try arguments.int(Self.maxMatrixOption) ?? ReportOptions.default.maxMatrixSize
        decimalPlaces = try arguments.int(Self.decimalPlacesOption) ?? ReportOptions.default.maxDecimalPlaces
        showSteps = arguments.value(Self.showStepsOption)
        exactStyle = try arguments.choice(Self.exactStyleOption, ExactStyle.self) ?? ReportOptions.default.exactStyle
        noGradientCheck = arguments.flag(Self.noGradientCheckFlag)
        noCommonFactor = arguments.flag(Self.noCommonFactorFlag)
    }

    /// The formats `--to` names (both when it is not given).
    var formats: [Format] {
        get throws(UsageError) {
            try CommaList.values(formatNames, fallback: [.md, .html], refusal: "--to takes md, html, ipynb, tex or pdf, or a comma list of them (md,html)") { Format(rawValue: $0) }
        }
    }

    /// The pipeline's formats, each once.
    var outputFormats: Set<OutputFormat> {
        get throws(UsageError) {
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

    func validate() throws(UsageError) {
        if !(1...17).contains(digits) { throw UsageError("--digits must be from 1 to 17, not \(digits)") }
        if maxMatrix < 2 { throw UsageError("--max-matrix must be at least 2, not \(maxMatrix)") }
        if !(0...30).contains(decimalPlaces) { throw UsageError("--decimal-places must be from 0 to 30, not \(decimalPlaces)") }
        if let showSteps, case let .failure(failure) = parsedShowSteps(showSteps) {
            throw UsageError("--show-steps: '\(failure.word)' is not a step; expected \(StepSelectionError.expected.replacing("[1, 2, last]", with: "1,2,last"))")
        }
        if katexURL != nil && math != .katex { throw UsageError("--katex-url goes with --math katex") }
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
        StepSelection.parse(text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhiteSpace() })
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
