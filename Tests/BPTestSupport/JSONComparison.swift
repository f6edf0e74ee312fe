import Foundation

/// Parses JSON text or files with Foundation, and compares two parsed trees.
public enum JSONTree {
    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func parse(_ text: String) throws -> Any {
        guard let data = text.data(using: .utf8) else { throw ParseError(description: "not UTF-8") }
        return try parse(data)
    }

    public static func parse(_ data: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    public static func load(_ url: URL) throws -> Any {
        try parse(try Data(contentsOf: url))
    }
}

/// How leaf strings are compared.
public enum NumberComparison: Sendable {
    /// Every string must be identical (exact traces).
    case exactStrings
    /// Strings under a numeric key (see ``JSONComparison/numericKeys``) are parsed as doubles and
    /// compared with this relative tolerance; every other string must be identical.
    case relativeTolerance(Double)
}

public enum JSONComparison {
    /// The trace keys whose values are matrices or numbers written as strings.
    public static let numericKeys: Set<String> = ["z", "a", "delta", "weights", "bias", "loss"]

    /// Every difference between `actual` and `expected`, each as `path: what`; empty when they match.
    /// Structure must be identical: the same keys in every object (so a missing or extra
    /// `updated` is a difference), the same array lengths, the same kinds of values.
    public static func differences(_ actual: Any, _ expected: Any, numbers: NumberComparison,
                                   limit: Int = 20) -> [String] {
        var found: [String] = []
        walk(actual, expected, path: "$", numericContext: false, numbers: numbers, into: &found, limit: limit)
        return found
    }

    private static func walk(_ actual: Any, _ expected: Any, path: String, numericContext: Bool,
                             numbers: NumberComparison, into found: inout [String], limit: Int) {
        guard found.count < limit else { return }
        switch (actual, expected) {
        case let (a as [String: Any], e as [String: Any]):
            let missing = Set(e.keys).subtracting(a.keys).sorted()
            let extra = Set(a.keys).subtracting(e.keys).sorted()
            if !missing.isEmpty { found.append("\(path): missing keys \(missing)") }
            if !extra.isEmpty { found.append("\(path): unexpected keys \(extra)") }
            for key in e.keys.sorted() where a[key] != nil {
                walk(a[key]!, e[key]!, path: "\(path).\(key)", numericContext: numericKeys.contains(key),
                     numbers: numbers, into: &found, limit: limit)
            }
        case let (a as [Any], e as [Any]):
            if a.count != e.count {
                found.append("\(path): \(a.count) items, expected \(e.count)")
                return
            }
            for index in e.indices {
                walk(a[index], e[index], path: "\(path)[\(index)]", numericContext: numericContext,
                     numbers: numbers, into: &found, limit: limit)
            }
        case let (a as String, e as String):
            if a == e { return }
            guard numericContext, case let .relativeTolerance(tolerance) = numbers else {
                found.append("\(path): \"\(a)\", expected \"\(e)\"")
                return
            }
            guard let x = Double(a), let y = Double(e), x.isFinite, y.isFinite else {
                found.append("\(path): \"\(a)\" is not comparable with \"\(e)\"")
                return
            }
            if abs(x - y) > tolerance * max(abs(x), abs(y)) {
                found.append("\(path): \(a), expected \(e) (relative difference \(abs(x - y) / max(abs(x), abs(y))))")
            }
        case let (a as NSNumber, e as NSNumber):
            if a != e { found.append("\(path): \(a), expected \(e)") }
        case (is NSNull, is NSNull):
            return
        default:
            found.append("\(path): \(type(of: actual)) \(actual), expected \(type(of: expected)) \(expected)")
        }
    }

    /// Every string leaf under a numeric key, in document order (for checks over all numbers).
    public static func numericStrings(in tree: Any) -> [String] {
        var out: [String] = []
        func collect(_ node: Any, numeric: Bool) {
            switch node {
            case let object as [String: Any]:
                for key in object.keys.sorted() { collect(object[key]!, numeric: numericKeys.contains(key)) }
            case let array as [Any]:
                for item in array { collect(item, numeric: numeric) }
            case let string as String where numeric:
                out.append(string)
            default:
                break
            }
        }
        collect(tree, numeric: false)
        return out
    }
}
