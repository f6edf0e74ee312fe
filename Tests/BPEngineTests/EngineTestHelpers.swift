import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import BPWriters
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

/// A deterministic generator: SplitMix64 (Steele, Lea, Flood 2014).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Uniform in low...high.
    mutating func int(_ low: Int, _ high: Int) -> Int { low + Int(next() % UInt64(high - low + 1)) }
}
