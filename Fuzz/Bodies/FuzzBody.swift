import BPDocument
import BPReport
import BPSpec
import BPTeXReader
import BPWriters

/// What each fuzz target does with one input: errors are answers, traps are bugs. The bodies
/// live in a library so that `swift test` replays the corpora and regressions through the very
/// code the fuzzers ran.
public enum FuzzBody: String, CaseIterable, Sendable {
    case specReader = "FuzzSpecReader"
    case texReader = "FuzzTeXReader"
    case notebook = "FuzzNotebook"
    case render = "FuzzRender"

    /// Built once: the page template is parsed in the pipeline's initialiser.
    static let pipeline: Pipeline = try! Pipeline(options: FuzzLimits.render)

    public func run(_ text: String) {
        switch self {
        case .specReader:
            _ = try? SpecReader(limits: FuzzLimits.spec).read(text: text, file: "fuzz.yaml")
        case .texReader:
            // The writers too: whatever the reader returns must be writable.
            let parse = TeXReader().read(text)
            _ = MathMLWriter.write(parse.node, display: true)
            _ = LaTeXMathWriter.write(parse.node)
        case .notebook:
            _ = try? Self.pipeline.read(Source(name: "fuzz", label: "fuzz.nb.md", text: text, kind: .notebook))
        case .render:
            _ = try? Self.pipeline.render(Source(name: "fuzz", label: "fuzz.nb.md", text: text, kind: .notebook))
        }
    }

    /// libFuzzer's bytes as text: invalid UTF-8 is replaced, as a file read leniently would be.
    public func run(_ data: UnsafePointer<UInt8>, _ size: Int) {
        run(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    }
}
