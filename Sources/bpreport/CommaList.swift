import FoundationEssentials

/// A repeatable option that also takes comma lists: `--to md,html`, `--to md --to html`.
/// Each occurrence takes one value, so options may come before or after the paths.
enum CommaList {
    /// The values named, in order, each made by `make`; `fallback` when none is given.
    /// An unknown value is a usage error: `--to takes md, html or ipynb, or a comma list of them (md,html), not 'pdf'`.
    static func values<T>(_ occurrences: [String], fallback: [T], refusal: String, _ make: (String) -> T?) throws(UsageError) -> [T] {
        let words = occurrences.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingWhiteSpace() }
        if words.isEmpty { return fallback }
        var values: [T] = []
        for word in words {
            guard let value = make(word) else { throw UsageError("\(refusal), not '\(word)'") }
            values.append(value)
        }
        return values
    }
}
