import BPDocument
import BPWriters

/// The `index.html` of one folder of a rendered site: its pages by title and its sub-folders,
/// with relative links only, so the folder works from `file://` and from any static host.
public struct SiteIndex: Sendable {
    /// A page of the folder: its title and its file name (`p1.html`).
    public struct Page: Sendable, Equatable {
        /// The report's title, the link's text.
        public var title: String
        /// The page's file, relative to the folder.
        public var file: String
        /// The same page in the other formats written, as (label, file): `("Jupyter notebook",
        /// "p1.ipynb")`, linked after the title.
        public var alternates: [Alternate]

        /// A page in another format: what the link says and the file it names.
        public struct Alternate: Sendable, Equatable {
            /// `Markdown`, `Jupyter notebook`.
            public var label: String
            /// The file, relative to the folder.
            public var file: String

            /// `label` linking `file`.
            public init(label: String, file: String) {
                self.label = label
                self.file = file
            }
        }

        /// A page titled `title` in `file`, and in the `alternates`.
        public init(title: String, file: String, alternates: [Alternate] = []) {
            self.title = title
            self.file = file
            self.alternates = alternates
        }
    }

    /// The folder's path in the site (`""` for the top), its pages and its sub-folders' names.
    public var folder: String
    /// The folder's pages, in any order (the index sorts them).
    public var pages: [Page]
    /// The names of its sub-folders, each linked to its own index.
    public var subfolders: [String]

    /// The index of `folder`.
    public init(folder: String, pages: [Page], subfolders: [String]) {
        self.folder = folder
        self.pages = pages
        self.subfolders = subfolders
    }

    /// The index as a document: a heading, the pages (sorted by title, then file) and the
    /// sub-folders, each a link.
    public var document: Document {
        let name = folder.isEmpty ? "Contents" : folder
        var blocks: [Block] = []
        if !folder.isEmpty { blocks.append(.paragraph([.link(target: "../index.html", title: nil, [.text("↑ up")])])) }
        let sorted = pages.sorted { ($0.title, $0.file) < ($1.title, $1.file) }
        if !sorted.isEmpty {
            blocks.append(.bulletList(sorted.map { page in
                var inlines: [Inline] = [.link(target: Self.escape(page.file), title: nil, [.text(page.title)])]
                for (index, other) in page.alternates.enumerated() {
                    inlines.append(.text(index == 0 ? " (" : ", "))
                    inlines.append(.link(target: Self.escape(other.file), title: nil, [.text(other.label)]))
                }
                if !page.alternates.isEmpty { inlines.append(.text(")")) }
                return [.paragraph(inlines)]
            }))
        }
        if !subfolders.isEmpty {
            blocks.append(.heading(level: 2, [.text("Folders")]))
            blocks.append(.bulletList(subfolders.sorted().map { [.paragraph([.link(target: Self.escape($0) + "/index.html", title: nil, [.text($0 + "/")])])] }))
        }
        return Document(title: name, language: "en", blocks: [.section(role: "index", blocks)])
    }

    /// A file name as a relative URL: spaces and the like percent-encoded.
    private static func escape(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, CharacterSet.urlPathAllowed(scalar) { out.unicodeScalars.append(scalar) } else {
                for byte in String(scalar).utf8 { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
            }
        }
        return out
    }
}

private enum CharacterSet {
    /// Unreserved characters and `/`, `.`: what a relative path may hold as it is.
    static func urlPathAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "/": return true
        default: return false
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
