import BPWriters
import FoundationEssentials

/// Where a page loads KaTeX from when `--katex-url` names a copy: a served folder in KaTeX's
/// own layout (`katex.min.css`, `katex.min.js`, `contrib/auto-render.min.js`), or a local
/// folder, whose files are looked for as they are: Debian's libjs-katex ships
/// `contrib/auto-render.js` and no minified auto-render.
enum KaTeXCopy {
    static func assets(at url: String) -> KaTeXAssets {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let folder = base.hasPrefix("file://") ? String(base.dropFirst("file://".count)) : base.hasPrefix("/") ? base : nil
        func file(_ minified: String, _ plain: String) -> String {
            // On this machine: the minified file if it is there, else the plain one.
            guard let folder, !FileManager.default.fileExists(atPath: folder + "/" + minified),
                  FileManager.default.fileExists(atPath: folder + "/" + plain) else { return base + "/" + minified }
            return base + "/" + plain
        }
        return KaTeXAssets(stylesheet: file("katex.min.css", "katex.css"), script: file("katex.min.js", "katex.js"),
                           autoRender: file("contrib/auto-render.min.js", "contrib/auto-render.js"))
    }
}
