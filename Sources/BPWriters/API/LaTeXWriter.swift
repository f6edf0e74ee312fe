import BPDocument

/// Writes a ``Document`` as a standalone LaTeX document: the same headings, prose, tables and
/// math as the Markdown page, inside the LaTeX template (`templates/page.tex.mustache`). It
/// loads amsmath, amssymb, graphicx, booktabs, longtable, tikz and hyperref; the drawings are
/// TikZ pictures in the page, so the one file is the whole report.
///
/// An English report compiles with pdflatex. A document whose text pdflatex cannot read (a
/// Korean report's Hangul) is written for lualatex with Debian's Nanum fonts; ``engine(of:)``
/// says which, and the first line of the file says it too.
public struct LaTeXWriter: Sendable {
    /// The template the documents are written into.
    public let templates: PageTemplates
    /// `nil` for the built-in template, which ``builtInTemplate`` parses on first use.
    private let template: MustacheTemplate?

    /// Parses the LaTeX template once, for every document it will write. The built-in one is
    /// parsed when the first document is written: most renders write no LaTeX. Its values are
    /// LaTeX already, so `<%title%>` and `<%&title%>` write the same.
    public init(templates: PageTemplates = .builtIn) throws(TemplateError) {
        self.templates = templates
        template = templates.tex == DefaultTemplates.tex ? nil : try MustacheTemplate(templates.tex, path: templates.texPath, escaping: .none)
    }

    /// The built-in template, parsed once a process; a test parses it, so it cannot fail.
    private static let builtInTemplate = try! MustacheTemplate(DefaultTemplates.tex, path: PageTemplates.builtIn.texPath, escaping: .none)

    /// The whole LaTeX document.
    public func write(_ document: Document) -> String {
        output(document).text
    }

    /// The whole LaTeX document and the engine that compiles it, decided once from the same
    /// text.
    public func output(_ document: Document) -> (text: String, engine: TeXEngine) {
        let body = Self.body(document)
        let title = document.displayTitle.map(TeXText.escape)
        let engine = Self.engine(body: body, title: title)
        var context: [String: MustacheValue] = ["body": .text(body), "lang": .text(document.language), "lualatex": .flag(engine == .lualatex)]
        if let title, let plain = document.displayTitle {
            context["title"] = .text(title)
            // A PDF's properties are plain text, which cannot hold the title's math.
            context["pdftitle"] = .text("\\texorpdfstring{\(title)}{\(TeXText.escapeForPDFString(plain))}")
        }
        // A notebook's title is its first heading, which its blocks hold already.
        if let heading = document.title { context["heading"] = .text(TeXText.escape(heading)) }
        return ((template ?? Self.builtInTemplate).render(.map(context)), engine)
    }

    /// The engine that compiles ``write(_:)``'s output of `document`.
    public static func engine(of document: Document) -> TeXEngine {
        engine(body: body(document), title: document.displayTitle.map(TeXText.escape))
    }

    /// lualatex when the written body or title has text pdflatex cannot read.
    private static func engine(body: String, title: String?) -> TeXEngine {
        TeXEngine.required(by: body + (title ?? ""))
    }

    /// The document's blocks as LaTeX, without the template around them (the title is the
    /// template's).
    public static func body(_ document: Document) -> String {
        let writer = BodyWriter()
        return document.blocks.map { writer.block($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }
}

/// Writes blocks and inlines. A heading's id becomes a hyperref target, so a link to it is a
/// link inside the PDF.
private struct BodyWriter {
    let math = LaTeXMathWriter(text: TeXText.escape, templateMacros: true)

    func block(_ block: Block) -> String {
        switch block {
        case let .heading(level, inlines, attributes):
            let command = ["section", "subsection", "subsubsection", "paragraph", "subparagraph", "subparagraph"][max(1, min(level, 6)) - 1]
            let target = attributes.id.map { "\\hypertarget{" + Self.anchor($0) + "}{}" } ?? ""
            return "\\" + command + "*{" + target + inline(inlines) + "}"
        case let .paragraph(inlines):
            return inline(inlines)
        case let .displayMath(node):
            return "\\bpmath{" + math.write(node) + "}"
        case let .bulletList(items):
            guard !items.isEmpty else { return "" }
            return "\\begin{itemize}\n" + items.map { "\\item " + blocks($0) }.joined(separator: "\n") + "\n\\end{itemize}"
        case let .orderedList(start, items):
            guard !items.isEmpty else { return "" }
            let counter = start == 1 ? "" : "\\setcounter{enumi}{\(start - 1)}\n"
            return "\\begin{enumerate}\n" + counter + items.map { "\\item " + blocks($0) }.joined(separator: "\n") + "\n\\end{enumerate}"
        case let .blockQuote(inner):
            return "\\begin{quote}\n" + blocks(inner) + "\n\\end{quote}"
        case let .codeBlock(_, text):
            // Each line a paragraph of its own and every space kept, so that nothing in the
            // code (not even `\end{verbatim}`) is read as TeX.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let body = (text.hasSuffix("\n") ? lines.dropLast() : lines[...])
                .map { line in line.isEmpty ? "\\mbox{}" : TeXText.escape(String(line)).replacingAll(" ", with: "\\ ") }
            return "\\begin{bpcode}\n" + body.joined(separator: "\\par\n") + "\n\\end{bpcode}"
        case let .table(table):
            return self.table(table)
        case let .figure(figure):
            return self.figure(figure)
        case .thematicBreak:
            return "\\par\\noindent\\rule{\\linewidth}{0.4pt}\\par"
        case let .section(_, inner):
            return blocks(inner)
        }
    }

    private func blocks(_ blocks: [Block]) -> String {
        blocks.map { block($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// A table on one line scaled to fit it; a long one (the loss of every step) as a
    /// longtable, which breaks across pages.
    private func table(_ table: Table) -> String {
        let spec = table.alignments.map(\.texColumn).joined()
        let header = table.header.map { inline($0) }.joined(separator: " & ") + " \\\\"
        let rows = table.rows.map { row in row.map { inline($0) }.joined(separator: " & ") + " \\\\" }
        let caption = table.caption.isEmpty ? "" : "\n\\bpcaption{" + inline(table.caption) + "}"
        if table.rows.count > Self.longTableRows {
            return "\\begin{longtable}{\(spec)}\n\\toprule\n" + header + "\n\\midrule\n\\endhead\n" + rows.joined(separator: "\n")
                + "\n\\bottomrule\n\\end{longtable}" + caption
        }
        return "\\begin{bpdisplay}\n\\bpfit{\\begin{tabular}{\(spec)}\n\\toprule\n" + header + "\n\\midrule\n" + rows.joined(separator: "\n")
            + "\n\\bottomrule\n\\end{tabular}}" + caption + "\n\\end{bpdisplay}"
    }

    /// Tables longer than this break across pages instead of being scaled to the line.
    static let longTableRows = 30

    private func figure(_ figure: Figure) -> String {
        let caption = figure.caption.isEmpty ? "" : "\n\\bpcaption{" + inline(figure.caption) + "}"
        switch figure.content {
        case let .drawing(_, drawing):
            // The TikZ is scaled to the line already; \bpfit only guards a template with a narrower one.
            return "\\begin{bpdisplay}\n\\bpfit{" + TikZWriter.write(drawing).trimmingSuffix("\n") + "}" + caption + "\n\\end{bpdisplay}"
        case let .image(source, alternative):
            let lower = source.lowercased()
            let isFile = !lower.contains("://") && [".png", ".jpg", ".jpeg", ".pdf"].contains(where: lower.hasSuffix)
            // \includegraphics reads its argument as a file name: only names TeX cannot misread.
            let safe = source.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
            guard isFile, safe else {
                let text = alternative.isEmpty ? source : alternative
                return "\\begin{bpdisplay}\n\\href{" + Self.url(source) + "}{" + TeXText.escape(text) + "}" + caption + "\n\\end{bpdisplay}"
            }
            return "\\begin{bpdisplay}\n\\bpimage{" + source + "}" + caption + "\n\\end{bpdisplay}"
        }
    }

    func inline(_ inlines: [Inline]) -> String {
        inlines.map { item -> String in
            switch item {
            case let .text(text): return TeXText.escape(text)
            case let .math(node): return "$" + math.write(node) + "$"
            case let .strong(inner): return "\\textbf{" + inline(inner) + "}"
            case let .emphasis(inner): return "\\emph{" + inline(inner) + "}"
            case let .code(text): return "\\texttt{" + TeXText.escape(text) + "}"
            case let .link(target, _, inner):
                if target.hasPrefix("#") { return "\\hyperlink{" + Self.anchor(String(target.dropFirst())) + "}{" + inline(inner) + "}" }
                return "\\href{" + Self.url(target) + "}{" + inline(inner) + "}"
            case .lineBreak: return "\\newline "
            case let .span(_, inner): return inline(inner)
            }
        }.joined()
    }

    /// An anchor as hyperref names it: letters, digits and `-`, the rest spelled out.
    static func anchor(_ id: String) -> String {
        id.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
                ? String(scalar) : "-u\(String(scalar.value, radix: 16))-"
        }.joined()
    }

    /// A URL for `\href`: what TeX would misread percent-encoded, or escaped as hyperref
    /// reads it back (`\#`, `\%`, `\&`), so the link goes where the Markdown's goes.
    static func url(_ target: String) -> String {
        var out = ""
        for character in target {
            switch character {
            case "\\": out += "%5C"
            case "{": out += "%7B"
            case "}": out += "%7D"
            case "^": out += "%5E"
            case " ": out += "%20"
            case "#", "%", "&", "_", "$", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    /// The string without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
