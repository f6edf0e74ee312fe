/// How the HTML writer puts math on the page.
public struct HTMLOptions: Sendable, Equatable {
    /// How math reaches the reader's screen, as pandoc's `HTMLMathMethod`.
    public enum MathMethod: Sendable, Equatable {
        /// MathML written from the math nodes: no network, and no script needed to read it.
        case mathML
        /// TeX between `\(...\)` and `\[...\]` for KaTeX's auto-render, loaded from these URLs.
        case katex(KaTeXAssets)
    }

    /// MathML (the default) or KaTeX.
    public var math: MathMethod

    /// Options that write math with `math`.
    public init(math: MathMethod = .mathML) {
        self.math = math
    }
}

/// Where a KaTeX page loads KaTeX from, and the Subresource Integrity hash of each file when
/// it is known, so that a browser refuses a copy that was changed on its way.
public struct KaTeXAssets: Sendable, Equatable {
    /// The URL of `katex.min.css`.
    public var stylesheet: String
    /// The URL of `katex.min.js`.
    public var script: String
    /// The URL of `contrib/auto-render.min.js`, which finds the TeX in the page.
    public var autoRender: String
    /// `sha384-…` of each file (as KaTeX's README publishes them for its CDN copies); nil for
    /// a copy of one's own.
    public var stylesheetIntegrity: String?
    /// `sha384-…` of the script, or nil.
    public var scriptIntegrity: String?
    /// `sha384-…` of auto-render, or nil.
    public var autoRenderIntegrity: String?

    /// KaTeX 0.16.11 from jsDelivr, pinned by the hashes KaTeX publishes for that version; a
    /// course site may point at its own copy instead.
    public static let jsDelivr = KaTeXAssets(
        stylesheet: "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/katex.min.css",
        script: "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/katex.min.js",
        autoRender: "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/contrib/auto-render.min.js",
        stylesheetIntegrity: "sha384-nB0miv6/jRmo5UMMR1wu3Gz6NLsoTkbqJghGIsx//Rlm+ZU03BU6SQNC66uf4l5+",
        scriptIntegrity: "sha384-7zkQWkzuo3B5mTepMUcHkMB5jZaolc2xDwL6VFqjFALcbeS9Ggm/Yr2r3Dy4lfFg",
        autoRenderIntegrity: "sha384-43gviWU0YVjaDtb/GhzOouOXtZMP/7XUzwPTstBeZFe/+rCMvRwr4yROQP43s0Xk")

    /// A copy of KaTeX at these URLs; give the hashes only for files known to the byte.
    public init(stylesheet: String, script: String, autoRender: String, stylesheetIntegrity: String? = nil,
                scriptIntegrity: String? = nil, autoRenderIntegrity: String? = nil) {
        self.stylesheet = stylesheet
        self.script = script
        self.autoRender = autoRender
        self.stylesheetIntegrity = stylesheetIntegrity
        self.scriptIntegrity = scriptIntegrity
        self.autoRenderIntegrity = autoRenderIntegrity
    }
}
