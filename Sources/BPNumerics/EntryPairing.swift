/// Two values from two, entry by entry, for `Matrix.pairedMap`: a delta and the working matrix
/// it is made from, say.
///
/// A type rather than a closure: a pass that ``EntrywiseHalves`` splits over two threads is
/// compiled with the operation inlined into its loop, which a closure carried to another
/// thread is not (measured: through a closure, the medium float benchmark took 45% longer).
public protocol EntryPairing {
    /// The scalar of both matrices.
    associatedtype Element
    /// Entry k of both results from entry k of each operand.
    func callAsFunction(_ x: Element, _ y: Element) -> (Element, Element)
}

/// An ``EntryPairing`` made from a closure (`pairedMap`'s closure form).
@usableFromInline struct ClosurePairing<Element>: EntryPairing {
    @usableFromInline let body: (Element, Element) -> (Element, Element)

    @inlinable init(body: @escaping (Element, Element) -> (Element, Element)) { self.body = body }

    @inlinable func callAsFunction(_ x: Element, _ y: Element) -> (Element, Element) { body(x, y) }
}
