import BPCheck
import BPDocument
import BPEngine
import BPReportBuilder
import BPSpec
import BPWriters

/// The whole pipeline, from a spec's text to named output files: read, run, build the
/// document, write every format. It touches no file system (except a PDF's, compiled by a TeX
/// engine in a temporary folder) and keeps no state between sources, so a command, a test or
/// another program calls it alike.
public struct Pipeline: Sendable {
    /// What every render of this pipeline makes, as given to ``init(options:)``.
    public let options: RenderOptions
    private let context: WriterContext
    private let builder: ReportBuilder
    private let handoutBuilder: ReportBuilder

    /// Prepares the writers once (the page template is parsed here).
    public init(options: RenderOptions = RenderOptions()) throws(TemplateError) {
        self.options = options
        self.context = try WriterContext(html: options.html, templates: options.templates)
        self.builder = ReportBuilder(options: options.report)
        var handout = options.report
        handout.handout = true
        self.handoutBuilder = ReportBuilder(options: handout)
    }

    /// The document of one source, before any writer, with warnings about what was shown as
    /// written (TeX the reader does not know), each naming the file, line and column.
    public func read(_ source: Source, mode: RenderMode = .solution) throws(RenderFailure) -> (document: Document, warnings: [String]) {
        let (documents, warnings) = try read(source, modes: [mode])
        return (documents[0], warnings)
    }

    /// The report of one spec (or notebook) as a document, before any writer.
    public func document(for source: Source) throws(RenderFailure) -> Document {
        try read(source).document
    }

    /// A document per mode, from one reading and one run of the source.
    private func read(_ source: Source, modes: [RenderMode]) throws(RenderFailure) -> (documents: [Document], warnings: [String]) {
        let builders = modes.map { $0 == .handout ? handoutBuilder : builder }
        switch source.kind {
        case .spec: return (try documents(for: source, modes: modes, builders: builders), [])
        case .notebook:
            return try NotebookBuilder(source: source, limits: options.limits, builders: builders, math: options.math).documents()
        }
    }

    private func documents(for source: Source, modes: [RenderMode], builders: [ReportBuilder]) throws(RenderFailure) -> [Document] {
        let spec: NetworkSpec
        do {
            spec = try SpecReader(limits: options.limits).read(text: source.text, file: source.label)
        } catch {
            throw .spec(error)
        }
        let trace: AnyTrace
        var verdicts: [ClaimVerdict] = []
        do {
            // Keep in full only the steps the report works out; every loss is kept anyway. (A
            // handout works the same steps as the solution.) Claims may name any step: checking
            // them needs every step, from the same one run.
            let checks = !spec.claims.isEmpty && modes.contains(.solution)
            trace = try AnyTrace.run(spec, limits: options.limits, policy: checks ? .all : builder.recordingPolicy(for: spec))
            // A spec with claims: its solution marks each claimed entry right, new or carried.
            if checks { verdicts = try Checker.check(trace, claims: spec.claims, limits: options.limits).verdicts }
        } catch {
            throw .engine(label: source.label, error)
        }
        return zip(modes, builders).map { mode, builder in
            let document = builder.document(for: trace, fallbackTitle: source.name)
            return mode == .solution && !verdicts.isEmpty ? ClaimMarker(verdicts: verdicts).apply(document) : document
        }
    }

    /// Every file one source makes: a page per format (in `OutputFormat` order), each
    /// followed by its attachments.
    public func render(_ source: Source) throws(RenderFailure) -> [RenderedFile] {
        try rendering(source).files
    }

    /// The files of one source and the warnings its reading gave.
    public func rendering(_ source: Source) throws(RenderFailure) -> Rendering {
        let (built, readWarnings) = try read(source, modes: options.modes)
        var warnings = readWarnings
        let documents = built.map(FigureNames(page: source.name).apply)
        var files: [RenderedFile] = []
        // Several modes at once go to a folder each, so handout and solution keep their names.
        let prefixed = options.modes.count > 1
        for (mode, document) in zip(options.modes, documents) {
            let prefix = prefixed ? mode.folder + "/" : ""
            // `tex` and `pdf` share one LaTeX document, written once.
            var latex: (text: String, engine: TeXEngine)?
            var written = writeAll(document, as: options.formats.sorted().filter { $0 != .tex && $0 != .pdf })
            for format in options.formats.sorted() {
                let name = prefix + source.name + "." + format.fileExtension
                if format == .tex || format == .pdf, latex == nil { latex = context.latex.output(document) }
                if format == .pdf, let latex {
                    // Drawings are inside the LaTeX (TikZ): a PDF has no attachments.
                    do {
                        let (pdf, pdfWarnings) = try TeXCompiler.compile(latex.text, engine: latex.engine, resources: source.folder,
                                                                         name: (source.label.map { $0 + ": " } ?? "") + prefix + source.name)
                        files.append(RenderedFile(name: name, bytes: pdf))
                        warnings += pdfWarnings
                    } catch {
                        throw .pdf(error)
                    }
                    continue
                }
                let output = format == .tex ? WriterOutput(text: latex?.text ?? "") : written.removeFirst()
                files.append(RenderedFile(name: name, contents: output.text))
                files += output.attachments.map { RenderedFile(name: prefix + $0.name, contents: $0.contents) }
            }
        }
        // Refused before anything is written: the command writes all of a source or none.
        let limit = options.limits.maxOutputBytes
        if let large = files.first(where: { ($0.binary?.count ?? $0.contents.utf8.count) > limit }) {
            throw .outputTooLarge(file: large.name, bytes: large.binary?.count ?? large.contents.utf8.count, limit: limit)
        }
        let title = documents.first?.displayTitle ?? source.name
        return Rendering(files: files, warnings: warnings, title: title, images: Self.localImages(documents))
    }

    /// `document` in each of `formats`, in their order: side by side when the options allow it
    /// (each writer is a function of the document alone, so the texts are the same).
    private func writeAll(_ document: Document, as formats: [OutputFormat]) -> [WriterOutput] {
        guard options.writesFormatsConcurrently, formats.count > 1 else { return formats.map { write(document, as: $0) } }
        // Shared: a writer starts no parallel work, and a thread with none left may take a format.
        return ParallelWork.map(formats.count, width: formats.count, shared: true) { index in write(document, as: formats[index]) }
    }

    /// The image paths the documents show, each once, in order; none that is a URL.
    static func localImages(_ documents: [Document]) -> [String] {
        var images: [String] = []
        let walker = DocumentWalker(block: { block in
            if case let .figure(figure) = block, case let .image(source, _) = figure.content,
               !source.isEmpty, !source.contains(":"), !source.hasPrefix("#"), !images.contains(source) {
                images.append(source)
            }
            return .descend
        }, math: { _ in .skipChildren })
        for document in documents { walker.walk(document) }
        return images
    }

    /// One format of a document in memory, such as one from ``read(_:mode:)`` that a caller
    /// has changed: the page's text and the drawings it links, named as the document names its
    /// figures (`network.svg`; ``rendering(_:)`` names them after the source, as
    /// `problem1.network.svg`). Unlike ``rendering(_:)``, it checks no output limit: the text
    /// is the caller's to keep or drop.
    public func write(_ document: Document, as format: OutputFormat) -> WriterOutput {
        Writers.writer(for: format)(document, context)
    }

    /// A folder's `index.html` for a site.
    public func index(_ index: SiteIndex) -> RenderedFile {
        RenderedFile(name: "index.html", contents: context.page.write(index.document))
    }

    /// Every source rendered on its own: one failure does not stop the others, so a caller can
    /// report them all at once.
    public func render(_ sources: [Source]) -> [Result<[RenderedFile], RenderFailure>] {
        sources.map { source in Result { () throws(RenderFailure) in try render(source) } }
    }
}
