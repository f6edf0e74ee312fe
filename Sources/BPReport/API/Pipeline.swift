import BPCheck
import BPDocument
import BPEngine
import BPReportBuilder
import BPSpec
import BPWriters

/// The whole pipeline, from a spec's text to named output files: read, run, build the
/// document, write every format. It touches no file system and keeps no state between
/// sources, so a command, a test or another program calls it alike.
public struct Pipeline: Sendable {
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
        let builder = mode == .handout ? handoutBuilder : self.builder
        switch source.kind {
        case .spec: return (try document(for: source, builder: builder), [])
        case .notebook:
            return try NotebookBuilder(source: source, limits: options.limits, builder: builder, math: options.math).document()
        }
    }

    /// The report of one spec as a document, before any writer.
    public func document(for source: Source) throws(RenderFailure) -> Document {
        try document(for: source, builder: builder)
    }

    private func document(for source: Source, builder: ReportBuilder) throws(RenderFailure) -> Document {
        if source.kind == .notebook { return try read(source, mode: builder.options.handout ? .handout : .solution).document }
        let spec: NetworkSpec
        do {
            spec = try SpecReader(limits: options.limits).read(text: source.text, file: source.label)
        } catch {
            throw .spec(error)
        }
        let trace: AnyTrace
        do {
            // Keep in full only the steps the report works out; every loss is kept anyway.
            trace = try AnyTrace.run(spec, limits: options.limits, policy: builder.recordingPolicy)
        } catch {
            throw .engine(label: source.label, error)
        }
        let document = builder.document(for: trace, fallbackTitle: source.name)
        // A spec with claims: its solution marks each claimed entry right, new or carried.
        guard !spec.claims.isEmpty, !builder.options.handout else { return document }
        do {
            let result = try Checker.check(spec, claims: spec.claims, limits: options.limits)
            return ClaimMarker(verdicts: result.verdicts).apply(document)
        } catch {
            throw .engine(label: source.label, error)
        }
    }

    /// Every file one source makes: a page per format (in ``OutputFormat`` order), each
    /// followed by its attachments.
    public func render(_ source: Source) throws(RenderFailure) -> [RenderedFile] {
        try rendering(source).files
    }

    /// The files of one source and the warnings its reading gave.
    public func rendering(_ source: Source) throws(RenderFailure) -> Rendering {
        var files: [RenderedFile] = []
        var warnings: [String] = []
        var title = source.name
        // Several modes at once go to a folder each, so handout and solution keep their names.
        let prefixed = options.modes.count > 1
        for (index, mode) in options.modes.enumerated() {
            let (document, modeWarnings) = try read(source, mode: mode)
            if index == 0 {
                warnings = modeWarnings
                title = document.title ?? document.metadata["title"].flatMap {
                    if case let .string(title) = $0 { return title } else { return nil }
                } ?? source.name
            }
            let prefix = prefixed ? mode.folder + "/" : ""
            for format in options.formats.sorted() {
                let output = Writers.writer(for: format)(document, context)
                files.append(RenderedFile(name: prefix + source.name + "." + format.fileExtension, contents: output.text))
                files += output.attachments.map { RenderedFile(name: prefix + $0.name, contents: $0.contents) }
            }
        }
        return Rendering(files: files, warnings: warnings, title: title)
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
