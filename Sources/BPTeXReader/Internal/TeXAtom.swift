import BPDocument

/// One base as read, before its scripts: whether it was a braced group (spliced into the
/// enclosing row when it has no scripts) and where its scripts go.
struct TeXAtom {
    var node: MathNode
    var isGroup = false
    var limits: TeXLimits = .beside
}

/// Where scripts on a base are set.
enum TeXLimits {
    /// Beside the base: `x_1^2`.
    case beside
    /// A large operator (`\sum`): beside, as the reports write it, unless `\limits` follows.
    case operatorDefault
    /// Below and above: after `\limits`, or on `\underbrace`.
    case limits
}
