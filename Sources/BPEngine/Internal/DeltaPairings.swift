import BPNumerics

/// The one-pass entry operations of the delta stages (`Matrix.pairedMap`):
/// each gives a working matrix's entry and the delta's made from it, by the same operations
/// as the two passes they replace.
enum DeltaPairings {
    /// σ'(z) = a(1 − a) and the hidden delta p · σ'(z), for sigmoid.
    struct Sigmoid<Element: Scalar>: EntryPairing {
        @inline(__always) func callAsFunction(_ a: Element, _ p: Element) -> (Element, Element) {
            let d = a * (Element.one - a)
            return (d, p * d)
        }
    }

    /// σ'(z) = 1 − a² and the hidden delta p · σ'(z), for tanh.
    struct Tanh<Element: Scalar>: EntryPairing {
        @inline(__always) func callAsFunction(_ a: Element, _ p: Element) -> (Element, Element) {
            let d = Element.one - a * a
            return (d, p * d)
        }
    }

    /// a − t and (a − t) · (1/n), for a batch n whose reciprocal is exact (a power of two).
    struct DifferenceTimesReciprocal<Element: Scalar>: EntryPairing {
        let reciprocal: Element

        @inline(__always) func callAsFunction(_ x: Element, _ y: Element) -> (Element, Element) {
            let d = x - y
            return (d, d * reciprocal)
        }
    }

    /// a − t and (a − t) / n.
    struct DifferenceOver<Element: Scalar>: EntryPairing {
        let divisor: Element

        @inline(__always) func callAsFunction(_ x: Element, _ y: Element) -> (Element, Element) {
            let d = x - y
            return (d, d / divisor)
        }
    }
}
