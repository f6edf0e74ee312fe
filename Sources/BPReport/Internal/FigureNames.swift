import BPDocument

/// Names a page's drawings after the page (`problem1.network.svg`), so that every file a
/// folder's render writes is distinct: a notebook's cells each draw `network.svg`, and the
/// second one becomes `handout.network-2.svg`.
struct FigureNames {
    let page: String

    func apply(_ document: Document) -> Document {
        // The rewriter's closures cannot be mutating: the taken names live in a box.
        final class Taken { var names: Set<String> = [] }
        let taken = Taken()
        return DocumentRewriter(block: { block in
            guard case var .figure(figure) = block, case let .drawing(name, drawing) = figure.content else { return nil }
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            let stem = page + "." + name[..<dot], suffix = String(name[dot...])
            var candidate = stem + suffix, number = 1
            while taken.names.contains(candidate) {
                number += 1
                candidate = stem + "-\(number)" + suffix
            }
            taken.names.insert(candidate)
            figure.content = .drawing(name: candidate, drawing)
            return [.figure(figure)]
        }).rewrite(document)
    }
}
