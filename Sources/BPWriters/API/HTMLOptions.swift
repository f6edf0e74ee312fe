/// How the HTML writer puts math on the page.
public struct HTMLOptions: Sendable, Equatable {
    public enum MathMethod: Sendable, Equatable {
        /// MathML written from the math nodes: no network, and no script needed to read it.
        case mathML
        /// TeX between `\(...\)` and `\[...\]` for KaTeX's auto-render, loaded from these URLs.
        case katex(KaTeXAssets)
    }

    public var math: MathMethod

    public init(math: MathMethod = .mathML) {
        self.math = math
    }
}

/// Where a KaTeX page loads KaTeX from.
public struct KaTeXAssets: Sendable, Equatable {
    public var stylesheet: String
    public var script: String
    public var autoRender: String

    /// KaTeX 0.16 from jsDelivr; a course site may point at its own copy instead.
    public static let jsDelivr = KaTeXAssets(
        stylesheet: "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/katex.min.css",
        script: "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/katex.min.js",
        autoRender: "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/contrib/auto-render.min.js")

    public init(stylesheet: String, script: String, autoRender: String) {
        self.stylesheet = stylesheet
        self.script = script
        self.autoRender = autoRender
    }
}
