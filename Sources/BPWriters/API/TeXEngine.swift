/// The TeX engine a LaTeX document is compiled with: pdflatex when all its text is ASCII,
/// Latin-1 or a symbol the writer spells as a command; lualatex, with Unicode fonts, when it
/// holds anything else (a Korean report's Hangul).
public enum TeXEngine: String, Sendable, Equatable, CaseIterable {
    /// pdfTeX: fast, and in Debian's smallest LaTeX, `texlive-latex-base`.
    case pdflatex
    /// LuaTeX with fontspec, for Unicode text.
    case lualatex

    /// The command that runs it.
    public var command: String { rawValue }

    /// The Debian packages that give the engine and everything the built-in template loads.
    public var debianPackages: [String] {
        switch self {
        case .pdflatex: return ["texlive-latex-base", "texlive-latex-recommended", "texlive-pictures"]
        case .lualatex: return ["texlive-latex-base", "texlive-latex-recommended", "texlive-pictures", "texlive-luatex", "fonts-nanum"]
        }
    }

    /// The engine a document's TeX needs: lualatex when `tex` (the writer's output, where
    /// every symbol it knows is a command already) has a character pdflatex cannot read.
    public static func required(by tex: String) -> TeXEngine {
        tex.allSatisfy { $0 == "\n" || TeXText.isPDFLaTeXReadable($0) } ? .pdflatex : .lualatex
    }
}
