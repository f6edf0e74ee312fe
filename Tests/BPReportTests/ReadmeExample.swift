// The README's library example, compiled here so that it cannot rot: ReadmeExampleTests checks
// that the README shows exactly the lines between the two markers, and runs them.

// README example: begin
import BPReport
import Foundation

/// A spec's text in, its files out: problem1.md, problem1.html and the drawing the Markdown
/// links (problem1.network.svg), written into `folder`.
func writeReport(of yaml: String, into folder: URL) throws {
    let pipeline = try Pipeline(options: RenderOptions(formats: [.markdown, .html]))
    for file in try pipeline.render(Source(name: "problem1", label: "problem1.yaml", text: yaml)) {
        try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.name))
    }
}

/// Bytes in, as a file or an upload holds them: UTF-8, a byte order mark allowed; anything
/// else is refused at its first bad byte. Each stage throws its own error type:
/// SourceTextError, TemplateError (a page template), RenderFailure (spec, run, notebook).
func pageNames(ofUpload bytes: Data) -> String {
    do {
        let source = try Source(name: "upload", label: "upload.yaml", data: bytes)
        return try Pipeline().render(source).map(\.name).joined(separator: ", ")
    } catch {
        return "\(error)"  // upload.yaml: not UTF-8 text: invalid byte 0xE9 at offset 10
    }
}

/// The handout as a document, retitled in memory, then one format of it: a Jupyter notebook
/// with its drawing inside. Every option of `bpreport render` is a field of RenderOptions.
func homeworkNotebook(from yaml: String) throws -> String {
    var options = RenderOptions()
    options.report.significantDigits = 6  // --digits 6
    options.limits.maxSteps = 100         // --max-steps 100
    let pipeline = try Pipeline(options: options)
    var (document, _) = try pipeline.read(Source(name: "problem1", text: yaml), mode: .handout)
    document.title = "Homework 3"
    return pipeline.write(document, as: .ipynb).text
}
// README example: end
