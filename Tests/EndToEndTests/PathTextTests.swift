import Foundation
import Testing
@testable import bpreport

/// The command's path functions against the `NSString` methods they replace (Foundation's, in
/// this test only: the command itself does without it), on the paths a user can write.
@Suite("Paths by their text, as NSString reads them")
struct PathTextTests {
    static let paths = [
        "", "/", "//", "a", "a/", "a//", "/a", "/a/", "a/b", "a//b", "a/b/", "a/b//", "/a/b.c", "./a.yaml",
        "../x/y.md", "a.b/c", ".hidden", "a/.hidden", "..", "a/..", ".", "p.md.tmp", "dir/p.yaml.claims.yaml",
        "x.", "a/b.", "reports//problem1.yaml", "é/ü.yaml", "a b/c d.json", "/tmp/out/", "a.tar.gz",
    ]

    @Test("lastComponent, deletingLastComponent, pathExtension, deletingPathExtension", arguments: paths)
    func components(path: String) {
        let ns = path as NSString
        #expect(PathText.lastComponent(path) == ns.lastPathComponent)
        // Foundation traps on a one-character relative path (its `_startOfLastPathComponent`
        // requires two characters): the folder of `a` or `a/` is the current one, ``.
        if ["a", "a/", "a//", "."].contains(path) {
            #expect(PathText.deletingLastComponent(path) == "")
        } else {
            #expect(PathText.deletingLastComponent(path) == ns.deletingLastPathComponent)
        }
        #expect(PathText.pathExtension(path) == ns.pathExtension)
        #expect(PathText.deletingPathExtension(path) == ns.deletingPathExtension)
    }

    @Test("appending a name to a folder", arguments: paths)
    func appending(folder: String) {
        for name in ["p.md", "", "sub/q.html", "index.html"] {
            #expect(PathText.appending(folder, name) == (folder as NSString).appendingPathComponent(name), "\(folder) + \(name)")
        }
    }
}
