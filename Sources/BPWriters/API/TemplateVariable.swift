/// A variable a page template (`page.html.mustache`) may use, as `bpreport templates` lists
/// them.
public struct TemplateVariable: Sendable, Equatable {
    /// As the template writes it: `{{title}}`, `{{{body}}}`, `{{#katex}}...{{/katex}}`.
    public let tag: String
    /// What it holds, as `bpreport templates` explains it.
    public let meaning: String

    /// Every variable ``PageWriter`` fills in, in the order a page uses them.
    public static let all: [TemplateVariable] = [
        TemplateVariable(tag: "{{lang}}", meaning: "the report's language (en, ko), for <html lang>"),
        TemplateVariable(tag: "{{title}}", meaning: "the report's title (escaped)"),
        TemplateVariable(tag: "{{{stylesheet}}}", meaning: "the stylesheet's text (report.css), unescaped, for a <style> element"),
        TemplateVariable(tag: "{{#katex}}...{{/katex}}", meaning: "a section rendered only with --math katex, holding:"),
        TemplateVariable(tag: "  {{katexStylesheet}}", meaning: "the URL of katex.min.css"),
        TemplateVariable(tag: "  {{katexScript}}", meaning: "the URL of katex.min.js"),
        TemplateVariable(tag: "  {{katexAutoRender}}", meaning: "the URL of contrib/auto-render.min.js"),
        TemplateVariable(tag: "  {{#katexStylesheetIntegrity}}", meaning: "the stylesheet's sha384 hash, when known (the CDN copy)"),
        TemplateVariable(tag: "  {{#katexScriptIntegrity}}", meaning: "katex.min.js's sha384 hash, when known"),
        TemplateVariable(tag: "  {{#katexAutoRenderIntegrity}}", meaning: "auto-render's sha384 hash, when known"),
        TemplateVariable(tag: "{{{body}}}", meaning: "the report (or a site's index) as HTML, unescaped"),
    ]

    /// Every variable ``LaTeXWriter`` fills in (with the delimiters `<% %>`, which the built-in
    /// template sets on its first line).
    public static let latex: [TemplateVariable] = [
        TemplateVariable(tag: "<%lang%>", meaning: "the report's language (en, ko)"),
        TemplateVariable(tag: "<%&title%>", meaning: "the report's title, as TeX (escaped for TeX already)"),
        TemplateVariable(tag: "<%&pdftitle%>", meaning: "the title for the PDF's properties (hyperref's pdftitle): \\texorpdfstring of the TeX and the plain text, so that math such as Greek letters is kept"),
        TemplateVariable(tag: "<%&heading%>", meaning: "the title to print above the report, as TeX; empty for a notebook, whose first heading is its title"),
        TemplateVariable(tag: "<%#lualatex%>...<%/lualatex%>", meaning: "a section for text pdflatex cannot read (Hangul): compiled with lualatex"),
        TemplateVariable(tag: "<%&body%>", meaning: "the report as LaTeX (it uses \\bpmath, \\bpfit, \\bpimage, \\bpcaption, bpdisplay, bpcode, \\bpcheck, \\bpcross, \\bpright, \\bpnew, \\bpcarried, \\bpblankbox, \\bpblankline)"),
    ]
}
