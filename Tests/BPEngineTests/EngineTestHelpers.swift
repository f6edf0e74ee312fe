import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// Reads a spec file, runs it and writes its JSON trace, as `bpreport run --format json` does.
func jsonTrace(ofSpecAt url: URL, limits: Limits = .default) throws -> String {
    let spec = try SpecReader(limits: limits).read(contentsOf: url.path)
    return TraceJSONWriter.write(try AnyTrace.run(spec, limits: limits))
}

func jsonTrace(ofSpecText text: String, limits: Limits = .default) throws -> String {
    let spec = try SpecReader(limits: limits).read(text: text)
    return TraceJSONWriter.write(try AnyTrace.run(spec, limits: limits))
}

func readSpec(_ text: String) throws -> NetworkSpec {
    try SpecReader().read(text: text)
}

func specValue(_ x: Double) -> SpecValue {
    guard let value = SpecValue(parsing: x.description) else { fatalError("\(x) has no spec text") }
    return value
}

func specValue(_ text: String) -> SpecValue {
    guard let value = SpecValue(parsing: text) else { fatalError("'\(text)' is not a spec number") }
    return value
}

/// The rows of a matrix as their trace strings.
func strings<Value: Scalar>(_ matrix: Matrix<Value>) -> [[String]] {
    matrix.rowList.map { $0.map(\.description) }
}

/// The JSON object at `path` inside a parsed trace, e.g. `["steps", 0, "forward", 1, "z"]`.
func value(_ tree: Any, _ path: [Any]) -> Any? {
    var node: Any? = tree
    for step in path {
        switch (node, step) {
        case let (object as [String: Any], key as String): node = object[key]
        case let (array as [Any], index as Int): node = index < array.count ? array[index] : nil
        default: return nil
        }
    }
    return node
}
