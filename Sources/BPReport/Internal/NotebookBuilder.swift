import BPDocument
import BPEngine
import BPMarkdown
import BPReportBuilder
import BPSpec

/// A notebook as one document: the prose read as Markdown with its math, and each network
/// cell replaced by its worked solution (headed by the cell's title when it has one). Cells
/// run in order, so a cell can start from an earlier one's trained network (`from:`).
struct NotebookBuilder {
    let source: Source
    let limits: Limits
    /// One builder per document to make (a solution's, a handout's): every cell runs once.
    let builders: [ReportBuilder]
    /// Reads a formula's TeX; the warnings' offsets are characters into the TeX.
    let math: @Sendable (String) -> (MathNode, [(offset: Int, message: String)])

    /// A document per builder, and the warnings about TeX the reader did not understand.
    func documents() throws(RenderFailure) -> ([Document], [String]) {
        let parts: [NotebookSource.Part]
        do {
            parts = try NotebookSource.split(source.text)
        } catch {
            throw .notebook(label: source.label, line: error.line, column: error.column, message: error.message)
        }
        // Before any cell runs: refused at the first cell past the limit.
        var cells = 0
        for case let .cell(cell) in parts {
            cells += 1
            if cells > limits.maxCells {
                throw .notebook(label: source.label, line: cell.fenceLine, column: cell.indent + 1,
                                message: "this notebook has more network cells than the limit of \(limits.maxCells); raise it with --max-cells")
            }
        }
        // Every id, in order, so `from:` can tell a later cell from an unknown one.
        var allIDs: [String] = []
        for case let .cell(cell) in parts {
            guard let id = cell.id else { continue }
            if allIDs.contains(id) {
                throw .notebook(label: source.label, line: cell.fenceLine, column: cell.indent + 1,
                                message: "a second cell with the id '\(id)'; ids must be unique in a notebook")
            }
            allIDs.append(id)
        }
        var blocks = Array(repeating: [Block](), count: builders.count)
        var warnings: [String] = []
        var done: [String: AnyTrace] = [:]
        var doneIDs: [String] = []
        var language: String?
        var title: String?
        for part in parts {
            switch part {
            case let .prose(text, firstLine):
                let read = MarkdownReader.read(text) { found in
                    let (node, problems) = math(found.tex)
                    for problem in problems {
                        let (line, column) = Self.position(in: found.tex, offset: problem.offset,
                                                           startLine: firstLine + found.line - 1,
                                                           startColumn: found.column + (found.display ? 2 : 1))
                        warnings.append("\(source.label ?? source.name):\(line):\(column): warning: \(problem.message)")
                    }
                    return node
                }
                if title == nil, let heading = Self.firstHeading(read) { title = heading }
                for index in blocks.indices { blocks[index] += read }
            case let .cell(cell):
                let (spec, trace) = try run(cell, done: done, doneIDs: doneIDs, allIDs: allIDs)
                language = language ?? spec.language.rawValue
                if let id = cell.id {
                    done[id] = trace
                    doneIDs.append(id)
                }
                for (index, builder) in builders.enumerated() {
                    if cell.diagramOnly {
                        blocks[index].append(.section(Attributes(id: cell.id, role: "cell"), builder.diagram(for: trace)))
                        continue
                    }
                    let report = builder.document(for: trace)
                    // The report's sections go one level down, under the cell's title (or under
                    // the prose heading the cell stands beneath).
                    var content = DocumentRewriter(block: { block in
                        guard case let .heading(level, inlines, attributes) = block else { return nil }
                        return [.heading(level: min(level + 1, 6), inlines, attributes)]
                    }).rewrite(report.blocks)
                    if let heading = report.title { content.insert(.heading(level: 2, [.text(heading)]), at: 0) }
                    blocks[index].append(.section(Attributes(id: cell.id, role: "cell"), content))
                }
            }
        }
        var metadata: [String: MetaValue] = [:]
        if let title { metadata["title"] = .string(title) }
        return (blocks.map { Document(title: nil, language: language ?? "en", metadata: metadata, blocks: $0) }, warnings)
    }

    /// Reads and runs one cell; errors point at the notebook's own lines.
    private func run(_ cell: NotebookSource.NetworkCell, done: [String: AnyTrace], doneIDs: [String],
                     allIDs: [String]) throws(RenderFailure) -> (NetworkSpec, AnyTrace) {
        var reader = SpecReader(limits: limits)
        let earlier = done.mapValues(\.spec)
        reader.base = { id in
            if let spec = earlier[id] { return .spec(spec) }
            return allIDs.contains(id) ? .later : .unknown(known: doneIDs)
        }
        let spec: NetworkSpec
        do {
            spec = try reader.read(text: cell.yaml, file: source.label)
        } catch {
            var moved = error
            moved.line = error.line.map { $0 + cell.firstLine - 1 } ?? cell.fenceLine
            moved.column = error.column.map { $0 + cell.indent }
            throw .spec(moved)
        }
        do {
            // The builders differ in what they show, not in the steps they work.
            let policy = builders[0].recordingPolicy(for: spec)
            if let from = spec.from, let previous = done[from] {
                return (spec, try AnyTrace.run(spec, continuing: previous, limits: limits, policy: policy))
            }
            return (spec, try AnyTrace.run(spec, limits: limits, policy: policy))
        } catch {
            throw .engine(label: source.label.map { "\($0):\(cell.fenceLine)" }, error)
        }
    }

    /// The line and column of `offset` characters into `tex`, which starts at the given place.
    static func position(in tex: String, offset: Int, startLine: Int, startColumn: Int) -> (Int, Int) {
        var line = startLine, column = startColumn
        for character in tex.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// The text of the first heading, for the page's title.
    private static func firstHeading(_ blocks: [Block]) -> String? {
        for case let .heading(_, inlines, _) in blocks {
            return inlines.map { inline -> String in
                switch inline {
                case let .text(text): return text
                case let .code(code): return code
                case let .math(.written(tex, _)): return tex
                default: return ""
                }
            }.joined()
        }
        return nil
    }
}
